package io.osprey.dissect.melsec;

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
 * Mitsubishi Electric MELSEC: SLMP (MC protocol) binary 3E and 4E frames on TCP and UDP 5000-5010 (SLMP
 * Reference Manual SH-080956ENG §3), and MELSOFT, the GX Works engineering protocol, on UDP and TCP 5560 and 5562
 * ({@link MelsoftFrame}). SLMP frames, little-endian (§3-1):
 * <pre>
 * 3E request  0 subheader 50 00 | 2 network | 3 station | 4 module I/O u16 | 6 multidrop | 7 length u16 (from 9)
 *             9 monitoring timer u16 | 11 command u16 | 13 subcommand u16 | 15 data
 * 3E response 0 subheader D0 00 | 2..6 as above | 7 length u16 (from 9) | 9 end code u16 | 11 data
 * 4E          subheader 54 00 / D4 00, serial u16, 00 00, then the 3E frame from offset 2
 * </pre>
 * A response does not repeat its command, so the last command of each client endpoint is kept (a small table, no
 * allocation) to recognise the answer to Read Type Name (0101): 16 octets of model name, the model code u16.
 * The ASCII variant of the frames is not read.
 *
 * <p>Operations (source "melsec", from the request's sender to its receiver): each SLMP command once per pair,
 * named as {@link MelsecAttributes#COMMAND} names it (a code outside the table as "unknown-command" with detail
 * "command=xxxx"); the remote operations that change the CPU's state — remote run, stop, pause, latch clear and
 * reset (SH-080956ENG §5-5) — at each occurrence; each MELSOFT request command once per pair as "melsoft" with
 * detail "command=xxxx". Messages that read as neither SLMP nor MELSOFT are {@link ReportedOperations#MALFORMED}.
 */
public final class MelsecDissector implements Dissector {
    public static final String NAME = "melsec";
    /** SLMP has no assigned port; the CPUs' built-in Ethernet defaults and the manuals' examples use 5000-5010. */
    public static final int SLMP_FIRST_PORT = 5000, SLMP_LAST_PORT = 5010;
    /** MELSOFT connection ports of the built-in Ethernet CPUs (GX Works): 5560 UDP, 5562 TCP; both read on both. */
    public static final int MELSOFT_UDP_PORT = 5560, MELSOFT_TCP_PORT = 5562;
    static final int SUBHEADER_3E_REQUEST = 0x5000, SUBHEADER_3E_RESPONSE = 0xD000;
    static final int SUBHEADER_4E_REQUEST = 0x5400, SUBHEADER_4E_RESPONSE = 0xD400;
    static final int SLMP_FIXED = 9, SERIAL_PART = 4;
    /** Request data starts with monitoring timer, command and subcommand; a response with its end code. */
    static final int MIN_REQUEST_LENGTH = 6, MIN_RESPONSE_LENGTH = 2;
    /** Above the longest SLMP frame (§3: at most 960 words of device data), and a sanity bound for MELSOFT. */
    public static final int MAX_FRAME_LENGTH = 8192;
    /** Frames read per TCP segment. */
    public static final int MAX_FRAMES_PER_SEGMENT = 8;
    /** Client endpoints whose last SLMP command is remembered (direct-mapped; a collision forgets one). */
    public static final int PENDING_SLOTS = 256;
    /** Distinct commands reported per host. */
    public static final int MAX_VALUES_PER_HOST = 32;
    /** Operations for an SLMP command outside the table and for a MELSOFT command, with the code as detail. */
    public static final String UNKNOWN_COMMAND = "unknown-command", MELSOFT_OPERATION = "melsoft";
    /** Packets of a connection examined: engineering sessions run long, and the stop/write commands come late. */
    public static final int PAYLOAD_PACKETS = 256;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();
    private final long[] pendingKey = new long[PENDING_SLOTS];
    private final int[] pendingCommand = new int[PENDING_SLOTS];
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        int[] ports = new int[SLMP_LAST_PORT - SLMP_FIRST_PORT + 3];
        for (int p = SLMP_FIRST_PORT; p <= SLMP_LAST_PORT; p++) ports[p - SLMP_FIRST_PORT] = p;
        ports[ports.length - 2] = MELSOFT_UDP_PORT;
        ports[ports.length - 1] = MELSOFT_TCP_PORT;
        return Interest.forTcpPorts(ports).andUdpPorts(ports).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        boolean tcp = packet.isTcp();
        if (!tcp && !packet.isUdp()) return;
        Observation.Transport transport = tcp ? Observation.Transport.TCP : Observation.Transport.UDP;
        boolean melsoft = melsoftPort(packet.srcPort()) || melsoftPort(packet.dstPort());
        int at = 0;
        for (int n = 0; n < MAX_FRAMES_PER_SEGMENT && at < payload.length(); n++) {
            int length = melsoft ? melsoft(packet, payload, at, transport, sink) : slmp(packet, payload, at, transport, sink);
            if (length <= 0) return;
            at += length;
            if (!tcp) return;
        }
    }

    private static boolean melsoftPort(int port) {
        return port == MELSOFT_UDP_PORT || port == MELSOFT_TCP_PORT;
    }

    /** One SLMP frame at {@code at}; returns its length, or 0 when it is not SLMP. */
    private int slmp(Packet packet, Payload payload, int at, Observation.Transport transport, ObservationSink sink) {
        int subheader = payload.u16(at);
        boolean request = subheader == SUBHEADER_3E_REQUEST || subheader == SUBHEADER_4E_REQUEST;
        boolean fourE = subheader == SUBHEADER_4E_REQUEST || subheader == SUBHEADER_4E_RESPONSE;
        if (!request && subheader != SUBHEADER_3E_RESPONSE && subheader != SUBHEADER_4E_RESPONSE
                || fourE && payload.u16(at + 4) != 0) {
            malformed(packet, sink);
            return 0;
        }
        int base = at + (fourE ? SERIAL_PART : 0);
        int length = payload.u16le(base + 7);
        int end = base + SLMP_FIXED + length;
        if (length < (request ? MIN_REQUEST_LENGTH : MIN_RESPONSE_LENGTH) || length > MAX_FRAME_LENGTH
                || end > payload.length()) {
            malformed(packet, sink);
            return 0;
        }
        String protocol = fourE ? MelsecAttributes.PROTOCOL_4E : MelsecAttributes.PROTOCOL_3E;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (request) {
            int command = payload.u16le(base + 11);
            client(sink, mac, hi, lo, protocol, ts);
            String name = SlmpCommands.name(command);
            value.clear();
            if (name != null) value.append(name);
            else value.appendHex2(command >>> 8).appendHex2(command & 0xff);
            seen(sink, mac, hi, lo, MelsecAttributes.COMMAND, value, ts);
            operations.between(packet, true);
            if (name == null) {
                operations.once(sink, UNKNOWN_COMMAND, detail.clear().append("command=").appendHex2(command >>> 8)
                        .appendHex2(command & 0xff));
            } else if (SlmpCommands.changesCpu(command)) {
                operations.every(sink, name, null);
            } else {
                operations.once(sink, name);
            }
            int slot = slot(endpoint(hi, lo, packet.srcPort(), packet.dstPort()));
            pendingKey[slot] = endpoint(hi, lo, packet.srcPort(), packet.dstPort());
            pendingCommand[slot] = command;
        } else {
            server(packet, sink, protocol, transport, "slmp");
            long key = endpoint(packet.dstIpHi(), packet.dstIpLo(), packet.dstPort(), packet.srcPort());
            int slot = slot(key);
            if (pendingKey[slot] == key && pendingCommand[slot] == SlmpCommands.READ_TYPE_NAME
                    && payload.u16le(base + 9) == 0) {
                model(payload, base + 11, end, sink, mac, hi, lo, ts);
            }
        }
        return end - at;
    }

    /** One MELSOFT message at {@code at}; returns its length, or 0 when it is not one ({@link MelsoftFrame}). */
    private int melsoft(Packet packet, Payload payload, int at, Observation.Transport transport, ObservationSink sink) {
        int type = payload.u8(at), inner = payload.u8(at + MelsoftFrame.INNER_OFFSET);
        int length = payload.u16le(at + MelsoftFrame.LENGTH_OFFSET);
        int end = at + MelsoftFrame.LENGTH_BASE + length;
        boolean request = type == MelsoftFrame.REQUEST && inner == MelsoftFrame.INNER_REQUEST;
        boolean response = type == MelsoftFrame.RESPONSE && inner == MelsoftFrame.INNER_RESPONSE;
        if (!request && !response || payload.u8(at + 1) != MelsoftFrame.VERSION || length > MAX_FRAME_LENGTH
                || end > payload.length() || end < at + (request ? MelsoftFrame.REQUEST_COMMAND + 2
                : MelsoftFrame.RESPONSE_COMMAND + 2)) {
            if (type != 0x5A && type != 0xDA) malformed(packet, sink); // discovery is known and skipped
            return 0;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (request) {
            client(sink, mac, hi, lo, MelsecAttributes.PROTOCOL_MELSOFT, ts);
            value.clear().appendHex2(payload.u8(at + MelsoftFrame.REQUEST_COMMAND))
                    .appendHex2(payload.u8(at + MelsoftFrame.REQUEST_COMMAND + 1));
            seen(sink, mac, hi, lo, MelsecAttributes.MELSOFT_COMMAND, value, ts);
            operations.between(packet, true).once(sink, MELSOFT_OPERATION, detail.clear().append("command=")
                    .appendHex2(payload.u8(at + MelsoftFrame.REQUEST_COMMAND))
                    .appendHex2(payload.u8(at + MelsoftFrame.REQUEST_COMMAND + 1)));
        } else {
            server(packet, sink, MelsecAttributes.PROTOCOL_MELSOFT, transport, MelsecAttributes.PROTOCOL_MELSOFT);
            if (payload.u16(at + MelsoftFrame.RESPONSE_STATUS) == 0
                    && payload.u16(at + MelsoftFrame.RESPONSE_COMMAND) == MelsoftFrame.READ_CPU_MODEL) {
                model(payload, at + MelsoftFrame.RESPONSE_DATA, end, sink, mac, hi, lo, ts);
            }
        }
        return end - at;
    }

    /** Read Type Name data (SH-080956ENG §5-8): model name, 16 octets ASCII padded with spaces or NUL; model code u16le. */
    private void model(Payload payload, int data, int end, ObservationSink sink, long mac, long hi, long lo, long ts) {
        if (data + MelsoftFrame.MODEL_NAME_LENGTH + MelsoftFrame.MODEL_CODE_LENGTH > end) return;
        value.clear();
        for (int i = 0; i < MelsoftFrame.MODEL_NAME_LENGTH; i++) {
            int c = payload.u8(data + i);
            if (c == 0) break;
            value.appendText(c);
        }
        value.trimTrailing(' ');
        reported.attribute(sink, mac, hi, lo, MelsecAttributes.CPU_MODEL, value, MelsecAttributes.STATED, ts);
        int code = payload.u16le(data + MelsoftFrame.MODEL_NAME_LENGTH);
        value.clear();
        for (int shift = 12; shift >= 0; shift -= 4) value.append(Character.toUpperCase(Character.forDigit(code >>> shift & 0xF, 16)));
        reported.attribute(sink, mac, hi, lo, MelsecAttributes.MODEL_CODE, value, MelsecAttributes.STATED, ts);
    }

    private void client(ObservationSink sink, long mac, long hi, long lo, String protocol, long ts) {
        seen(sink, mac, hi, lo, MelsecAttributes.ROLE, value.clear().append(MelsecAttributes.ROLE_CLIENT), ts);
        seen(sink, mac, hi, lo, MelsecAttributes.PROTOCOL, value.clear().append(protocol), ts);
    }

    /** The answering node: role, protocol and the service on the port it answers from. */
    private void server(Packet packet, ObservationSink sink, String protocol, Observation.Transport transport,
                        String service) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        seen(sink, mac, hi, lo, MelsecAttributes.ROLE, value.clear().append(MelsecAttributes.ROLE_SERVER), ts);
        seen(sink, mac, hi, lo, MelsecAttributes.PROTOCOL, value.clear().append(protocol), ts);
        reported.service(sink, mac, hi, lo, packet.srcPort(), transport, service, ts);
    }

    private void malformed(Packet packet, ObservationSink sink) {
        malformed++;
        boolean fromClient = !slmpPort(packet.srcPort()) && !melsoftPort(packet.srcPort());
        operations.between(packet, fromClient).every(sink, ReportedOperations.MALFORMED, null);
    }

    private static boolean slmpPort(int port) {
        return port >= SLMP_FIRST_PORT && port <= SLMP_LAST_PORT;
    }

    private static long endpoint(long hi, long lo, int clientPort, int serverPort) {
        return (hi * 0x9E3779B97F4A7C15L ^ lo) * 31 + ((long) clientPort << 16 | serverPort);
    }

    private static int slot(long key) {
        return (int) (key ^ key >>> 17 ^ key >>> 41) & (PENDING_SLOTS - 1);
    }

    private void seen(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, MAX_VALUES_PER_HOST, MelsecAttributes.SEEN, ts);
    }

    /** Messages on the MELSEC ports that did not read as SLMP or MELSOFT (MELSOFT discovery is not counted). */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
