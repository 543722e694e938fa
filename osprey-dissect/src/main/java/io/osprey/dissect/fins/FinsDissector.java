package io.osprey.dissect.fins;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * Omron FINS on UDP 9600 and FINS/TCP on TCP 9600 (FINS Commands Reference Manual W227; CS/CJ Communications
 * Commands W342; Ethernet Unit Construction of Networks W421 for FINS/TCP). A FINS frame is a 10-octet header then
 * the command code (MRC, SRC) and its parameters; a response adds a two-octet end code before its data:
 * <pre>
 * 0 ICF (bit 7 gateway, bit 6 response, bit 0 no response wanted, bits 5-1 zero) | 1 RSV (0) | 2 GCT (gateway count)
 * 3 DNA | 4 DA1 | 5 DA2 | 6 SNA | 7 SA1 | 8 SA2 | 9 SID | 10 MRC | 11 SRC | (response) 12 MRES | 13 SRES | 14 data
 * </pre>
 * FINS/TCP wraps each frame in a 16-octet header (W421 §7-4): "FINS", the length of what follows the length field,
 * a command (0/1 node address data send, 2 FINS frame send) and an error code; a segment may hold several.
 * Direction comes from the ICF response bit, not the ports: both ends of FINS/UDP commonly use 9600.
 *
 * <p>Operations (source "fins", from the command's sender to its receiver): each command once per pair, named as
 * {@link FinsAttributes#COMMAND} names it (a code outside the table as "unknown-command" with detail
 * "code=xxxx"); the commands that change the controller's operation or program — run (detail "mode=run" or
 * "mode=monitor"), stop, reset, the program and parameter area writes and clears, program-area-protect-clear,
 * program-area-file-transfer, file-memory-format, forced-set-reset (W342 §5-1) — at each occurrence; the mode a
 * Controller Status Read answer states as {@link ReportedOperations#MODE}. Frames that do not read as FINS are
 * {@link ReportedOperations#MALFORMED}.
 */
public final class FinsDissector implements Dissector {
    public static final String NAME = "fins";
    public static final int PORT = 9600;
    public static final int FINS_HEADER = 10;
    static final int ICF_RESPONSE = 0x40, ICF_RESERVED = 0x3E;
    /** W342 §3: a frame crosses at most 7 networks (GCT 02 is the usual setting, 07 the maximum). */
    public static final int MAX_GATEWAY_COUNT = 7;
    /** W342 §3-1: the header, the command code and at most 2,000 octets of text, plus a response's end code. */
    public static final int MAX_FINS_FRAME = FINS_HEADER + 2 + 2 + 2000;
    public static final int FINS_TCP_HEADER = 16;
    static final int FINS_TCP_FRAME_SEND = 2, FINS_TCP_NODE_ADDRESS_FROM_SERVER = 1;
    /** FINS/TCP frames read per segment. */
    public static final int MAX_FRAMES_PER_SEGMENT = 8;
    /** W342 §5-3-7 Controller Data Read response: model and version are 20 octets each, then 40 for system use. */
    public static final int MODEL_LENGTH = 20, VERSION_LENGTH = 20, SYSTEM_USE_LENGTH = 40, AREA_DATA_LENGTH = 12;
    static final int VERSION_OFFSET = MODEL_LENGTH, AREA_DATA_OFFSET = MODEL_LENGTH + VERSION_LENGTH + SYSTEM_USE_LENGTH;
    /** Distinct commands reported per host. */
    public static final int MAX_VALUES_PER_HOST = 32;
    /** The operation for a command code outside {@link FinsCommands}, with "code=xxxx" as detail. */
    public static final String UNKNOWN_COMMAND = "unknown-command";
    /** Packets of a connection examined: a controller is polled for hours, but run/stop/writes can come late. */
    public static final int PAYLOAD_PACKETS = 256;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).andTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.isUdp()) {
            if (payload.length() > 0) frame(packet, payload, 0, payload.length(), Observation.Transport.UDP, sink);
            return;
        }
        if (!packet.isTcp()) return;
        int at = 0;
        for (int n = 0; n < MAX_FRAMES_PER_SEGMENT && payload.has(at, FINS_TCP_HEADER); n++) {
            long length = payload.u32(at + 4);
            long command = payload.u32(at + 8);
            if (!payload.startsWith(at, "FINS") || length < 8 || length > 8 + MAX_FINS_FRAME) {
                malformed(packet, sink);
                return;
            }
            int end = (int) Math.min(at + 8 + length, payload.length());
            if (command == FINS_TCP_FRAME_SEND) {
                frame(packet, payload, at + FINS_TCP_HEADER, end, Observation.Transport.TCP, sink);
            } else if (command == FINS_TCP_NODE_ADDRESS_FROM_SERVER && payload.u32(at + 12) == 0) {
                server(packet, Observation.Transport.TCP, sink);
            }
            at += (int) (8 + length);
        }
    }

    /** One FINS frame in {@code [at, end)}. */
    private void frame(Packet packet, Payload payload, int at, int end, Observation.Transport transport,
                       ObservationSink sink) {
        int icf = payload.u8(at);
        if (at + FINS_HEADER + 2 > end || (icf & ICF_RESERVED) != 0 || payload.u8(at + 1) != 0
                || payload.u8(at + 2) > MAX_GATEWAY_COUNT) {
            malformed(packet, sink);
            return;
        }
        int code = payload.u16(at + FINS_HEADER);
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if ((icf & ICF_RESPONSE) == 0) {
            seen(sink, mac, hi, lo, FinsAttributes.ROLE, value.clear().append(FinsAttributes.ROLE_CLIENT), ts);
            String name = FinsCommands.name(code);
            value.clear();
            if (name != null) value.append(name);
            else value.appendHex2(code >>> 8).appendHex2(code & 0xff);
            seen(sink, mac, hi, lo, FinsAttributes.COMMAND, value, ts);
            command(packet, payload, code, name, at + FINS_HEADER + 2, end, sink);
            return;
        }
        server(packet, transport, sink);
        int data = at + FINS_HEADER + 4;
        // W342 §5-1-3: end code 0000 is normal completion; bit 7 of MRES (relay error) and bits 7-6 of SRES
        // (CPU errors) are flags beside a main/sub code that still says whether the command completed
        if (data > end || (payload.u16(at + FINS_HEADER + 2) & 0x7F3F) != 0) return;
        if (code == FinsCommands.CONTROLLER_DATA_READ) controllerData(payload, data, end, sink, mac, hi, lo, ts);
        else if (code == FinsCommands.CONTROLLER_STATUS_READ && data + 2 <= end) {
            String mode = FinsCommands.mode(payload.u8(data + 1));
            if (mode != null) {
                stated(sink, mac, hi, lo, FinsAttributes.MODE, value.clear().append(mode), ts);
                operations.between(packet, false).once(sink, ReportedOperations.MODE, value.clear().append(mode));
            }
        }
    }

    /** Reports a command: at each occurrence when it changes the controller, else once per pair. */
    private void command(Packet packet, Payload payload, int code, String name, int parameters, int end,
                         ObservationSink sink) {
        operations.between(packet, true);
        if (name == null) {
            operations.once(sink, UNKNOWN_COMMAND, detail.clear().append("code=").appendHex2(code >>> 8)
                    .appendHex2(code & 0xff));
        } else if (code == FinsCommands.RUN) {
            // W342 §5-3-5 RUN: program number u16 then the mode, 02 MONITOR or 04 RUN (absent: MONITOR)
            String mode = parameters + 3 <= end ? FinsCommands.mode(payload.u8(parameters + 2)) : null;
            operations.every(sink, name, mode == null ? null : "mode=" + mode);
        } else if (FinsCommands.changesController(code)) {
            operations.every(sink, name, null);
        } else {
            operations.once(sink, name);
        }
    }

    private void malformed(Packet packet, ObservationSink sink) {
        malformed++;
        // the sender of a broken frame is taken as the client unless it sends from the FINS port to another one
        boolean fromClient = packet.srcPort() != PORT || packet.dstPort() == PORT;
        operations.between(packet, fromClient).every(sink, ReportedOperations.MALFORMED, null);
    }

    /** The answering node: role, and the service when it answers from the FINS port. */
    private void server(Packet packet, Observation.Transport transport, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        seen(sink, mac, hi, lo, FinsAttributes.ROLE, value.clear().append(FinsAttributes.ROLE_SERVER), ts);
        if (packet.srcPort() == PORT) reported.service(sink, mac, hi, lo, PORT, transport, NAME, ts);
    }

    /**
     * W342 §5-3-7: CPU Unit model (20 octets), internal system version (20), system use (40), then area data:
     * program area size u16 (Kwords), IOM size u8, number of DM words u16, timer/counter size u8, expansion DM
     * banks u8, steps/transitions u16, memory card type u8 and size u16. A request for part of the data gets a
     * shorter answer: each field is read only when whole.
     */
    private void controllerData(Payload payload, int data, int end, ObservationSink sink, long mac, long hi, long lo,
                                long ts) {
        if (data + MODEL_LENGTH <= end) {
            stated(sink, mac, hi, lo, FinsAttributes.CONTROLLER_MODEL, text(payload, data, MODEL_LENGTH), ts);
        }
        if (data + VERSION_OFFSET + VERSION_LENGTH <= end) {
            stated(sink, mac, hi, lo, FinsAttributes.CONTROLLER_VERSION,
                    text(payload, data + VERSION_OFFSET, VERSION_LENGTH), ts);
        }
        int area = data + AREA_DATA_OFFSET;
        if (area + AREA_DATA_LENGTH <= end) {
            stated(sink, mac, hi, lo, FinsAttributes.PROGRAM_AREA_SIZE, value.clear().appendDecimal(payload.u16(area)), ts);
            stated(sink, mac, hi, lo, FinsAttributes.DM_WORDS, value.clear().appendDecimal(payload.u16(area + 3)), ts);
        }
    }

    /** ASCII up to the first NUL, control characters escaped, surrounding padding spaces dropped. */
    private ValueBuffer text(Payload payload, int at, int n) {
        value.clear();
        int i = 0;
        while (i < n && payload.u8(at + i) == ' ') i++;
        for (; i < n; i++) {
            int c = payload.u8(at + i);
            if (c <= 0) break;
            value.appendText(c);
        }
        return value.trimTrailing(' ');
    }

    private void seen(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, MAX_VALUES_PER_HOST, FinsAttributes.SEEN, ts);
    }

    private void stated(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, FinsAttributes.STATED, ts);
    }

    /** Frames that did not read as FINS or FINS/TCP. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
