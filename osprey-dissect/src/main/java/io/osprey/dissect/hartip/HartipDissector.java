package io.osprey.dissect.hartip;

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
 * HART-IP (HCF_SPEC-085) on UDP and TCP 5094, and on whatever port a server moves a UDP session to (the ITI capture's
 * device answers a session initiate from 5095): those flows are recognised by their header. Big-endian header:
 * <pre>
 * 0 version (1) | 1 message type (0 request, 1 response, 2 publish, 3 error, 15 NAK) | 2 message id (0 session
 * initiate, 1 session close, 2 keep alive, 3 token-passing PDU, 4 direct PDU, 128 read audit log) | 3 status |
 * 4 sequence number u16 | 6 byte count u16 (the whole message) | 8 body
 * </pre>
 * A token-passing PDU body is a HART frame (HCF_SPEC-081 §5): optional 0xFF preambles, delimiter (bit 7 long
 * address, bits 5-6 expansion octets, bits 0-2 frame type: 1 burst, 2 master to field device, 6 field device to
 * master), a 1- or 5-octet address, expansion octets, command, byte count, then for answers the response code and
 * device status, then the data. Command 31 carries a 16-bit command number in its first two data octets
 * (HCF_SPEC-099). Command 0 answers (HCF_SPEC-127 §6.1) state the device's identity.
 *
 * <p>Operations (source "hartip", from the HART-IP client to the server it sends the request to): each HART command
 * in a request once per pair, as "command" with detail "command=N"; the commands that change the field device's
 * configuration or output — universal 6, 17, 18, 19, 22 (HCF_SPEC-127) and common practice 38, 40-42, 44-46
 * (HCF_SPEC-151) — at each occurrence as "write" with detail "command=N". PDUs that are not HART frames and
 * messages followed by garbage are {@link ReportedOperations#MALFORMED}.
 */
public final class HartipDissector implements Dissector {
    public static final String NAME = "hartip";
    public static final int PORT = 5094;
    /** HART polling repeats the same commands; the identity comes early, but commands are tracked for a while. */
    public static final int PAYLOAD_PACKETS = 512;

    static final int HEADER_LENGTH = 8;
    static final int MAX_VERSION = 2;
    static final int TYPE_REQUEST = 0, TYPE_RESPONSE = 1, TYPE_PUBLISH = 2, TYPE_ERROR = 3, TYPE_NAK = 15;
    static final int ID_TOKEN_PASSING_PDU = 3, ID_DIRECT_PDU = 4;
    /** HCF_SPEC-081: preambles before the delimiter, at most 20; more is not a HART frame. */
    static final int MAX_PREAMBLES = 20;
    static final int PREAMBLE = 0xFF;
    static final int DELIMITER_LONG_ADDRESS = 0x80, DELIMITER_EXPANSION = 0x60, DELIMITER_FRAME_TYPE = 0x07;
    static final int FRAME_BURST = 1, FRAME_MASTER_TO_DEVICE = 2, FRAME_DEVICE_TO_MASTER = 6;
    static final int LONG_ADDRESS = 5, SHORT_ADDRESS = 1;
    static final int COMMAND_IDENTITY = 0, COMMAND_EXTENDED = 31;
    /** Command 0 answer data after response code and status: 254, then the identity fields (HART 7: 22 octets). */
    static final int IDENTITY_HART5_LENGTH = 12, IDENTITY_MANUFACTURER_OFFSET = 17, IDENTITY_HART7_LENGTH = 19;
    static final int IDENTITY_EXPANSION = 254;
    /** The operation reporting a command that changes the field device, with "command=N" as detail. */
    public static final String WRITE_OPERATION = "write";
    /** The operation reporting any other command, with "command=N" as detail. */
    public static final String COMMAND_OPERATION = "command";
    /** Universal (HCF_SPEC-127) and common-practice (HCF_SPEC-151) commands that change the device, as bits. */
    static final long WRITE_COMMANDS = 1L << 6 | 1L << 17 | 1L << 18 | 1L << 19 | 1L << 22 | 1L << 38 | 1L << 40
            | 1L << 41 | 1L << 42 | 1L << 44 | 1L << 45 | 1L << 46;
    /** Messages read per segment or datagram. */
    public static final int MAX_MESSAGES_PER_SEGMENT = 16;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private Packet packet;
    private boolean fromClient;
    private ObservationSink sink;
    private long srcMac, srcHi, srcLo, nanos;
    private int srcPort;
    private boolean tcp;
    private long notHartip, malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andUdpPorts(PORT).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    /** A HART-IP header: known version, message type and id, and a byte count that covers the header. */
    static boolean isHeader(Payload payload, int at) {
        if (!payload.has(at, HEADER_LENGTH)) return false;
        int version = payload.u8(at), type = payload.u8(at + 1), id = payload.u8(at + 2);
        return version >= 1 && version <= MAX_VERSION && (type <= TYPE_ERROR || type == TYPE_NAK)
                && HartipNames.message(id) != null && payload.u16(at + 6) >= HEADER_LENGTH;
    }

    /** The first payload is one or more whole HART-IP messages (a cheap test for flows on other ports). */
    @Override
    public boolean detect(Payload payload, FlowView flow) {
        return isHeader(payload, 0) && payload.u16(6) <= payload.length();
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (payload.length() == 0 || !packet.isTcp() && !packet.isUdp()) return;
        this.sink = sink;
        srcMac = packet.srcMac();
        srcHi = packet.srcIpHi();
        srcLo = packet.srcIpLo();
        srcPort = packet.srcPort();
        nanos = packet.timestampNanos();
        tcp = packet.isTcp();
        this.packet = packet;
        fromClient = packet.dstPort() == PORT || packet.srcPort() != PORT && (!flow.exists() || flow.fromClient());
        int at = 0;
        for (int n = 0; n < MAX_MESSAGES_PER_SEGMENT && payload.has(at, HEADER_LENGTH); n++) {
            if (!isHeader(payload, at)) {
                if (n == 0) notHartip++;
                else reportMalformed();
                return;
            }
            int end = at + payload.u16(at + 6);
            message(payload, at, Math.min(end, payload.length()));
            at = end;
        }
    }

    private void message(Payload payload, int at, int end) {
        int type = payload.u8(at + 1), id = payload.u8(at + 2);
        fact(HartipAttributes.VERSION, value.clear().appendDecimal(payload.u8(at)));
        if (type == TYPE_REQUEST) {
            fact(HartipAttributes.ROLE, value.clear().append(HartipAttributes.ROLE_CLIENT));
            fact(HartipAttributes.MESSAGE, value.clear().append(HartipNames.message(id)));
        } else if (type == TYPE_RESPONSE || type == TYPE_ERROR || type == TYPE_NAK) {
            fact(HartipAttributes.ROLE, value.clear().append(HartipAttributes.ROLE_SERVER));
            reported.service(sink, srcMac, srcHi, srcLo, srcPort,
                    tcp ? Observation.Transport.TCP : Observation.Transport.UDP, NAME, nanos);
        }
        if ((id == ID_TOKEN_PASSING_PDU || id == ID_DIRECT_PDU) && (type == TYPE_REQUEST || type == TYPE_RESPONSE)) {
            pdu(payload, at + HEADER_LENGTH, end, type == TYPE_REQUEST);
        }
    }

    /** One HART frame (HCF_SPEC-081 §5) in {@code [at, end)}. */
    private void pdu(Payload payload, int at, int end, boolean request) {
        int preambles = 0;
        while (at < end && payload.u8(at) == PREAMBLE && preambles++ < MAX_PREAMBLES) at++;
        int delimiter = payload.u8(at);
        int frameType = delimiter & DELIMITER_FRAME_TYPE;
        if (delimiter < 0 || frameType != FRAME_MASTER_TO_DEVICE && frameType != FRAME_DEVICE_TO_MASTER
                && frameType != FRAME_BURST) {
            reportMalformed();
            return;
        }
        int address = (delimiter & DELIMITER_LONG_ADDRESS) != 0 ? LONG_ADDRESS : SHORT_ADDRESS;
        int commandAt = at + 1 + address + ((delimiter & DELIMITER_EXPANSION) >>> 5);
        if (commandAt + 2 > end) {
            reportMalformed();
            return;
        }
        int command = payload.u8(commandAt);
        int count = payload.u8(commandAt + 1);
        int data = commandAt + 2;
        int dataEnd = Math.min(end, data + count);
        boolean answer = frameType != FRAME_MASTER_TO_DEVICE;
        if (answer) data += 2; // response code, device status
        if (command == COMMAND_EXTENDED) {
            if (data + 2 > dataEnd) return;
            command = payload.u16(data);
            data += 2;
        }
        if (request && !answer) {
            fact(HartipAttributes.FUNCTION, value.clear().append("command-").appendDecimal(command));
            operations.between(packet, true);
            if (command < 64 && (WRITE_COMMANDS >>> command & 1) != 0) {
                operations.every(sink, WRITE_OPERATION, "command=" + command);
            } else {
                operations.once(sink, COMMAND_OPERATION, value.clear().append("command=").appendDecimal(command));
            }
        } else if (!request && answer && command == COMMAND_IDENTITY && payload.u8(data - 2) == 0) {
            identity(payload, data, dataEnd);
        }
    }

    /**
     * Command 0 "Read Unique Identifier" answer (HCF_SPEC-127 §6.1): 254, expanded device type (HART 7; manufacturer
     * id and device type octets in HART 5), request preambles, universal revision, device revision, software
     * revision, hardware revision and signalling, flags, device id (3), and from HART 6 on the response preambles,
     * device variables, configuration change counter, extended status, then in HART 7 the 16-bit manufacturer id.
     * Only an answer with response code 0 is read.
     */
    private void identity(Payload payload, int at, int end) {
        if (at + IDENTITY_HART5_LENGTH > end || payload.u8(at) != IDENTITY_EXPANSION) return;
        int universal = payload.u8(at + 4);
        boolean hart7 = universal >= 7 && at + IDENTITY_HART7_LENGTH <= end;
        value.clear().append("0x");
        value.appendHex2(payload.u8(at + 1)).appendHex2(payload.u8(at + 2));
        if (hart7) {
            fact(HartipAttributes.EXPANDED_DEVICE_TYPE, value);
            fact(HartipAttributes.MANUFACTURER_ID,
                    value.clear().appendDecimal(payload.u16(at + IDENTITY_MANUFACTURER_OFFSET)));
        } else {
            fact(HartipAttributes.EXPANDED_DEVICE_TYPE, value.clear().append("0x").appendHex2(payload.u8(at + 2)));
            fact(HartipAttributes.MANUFACTURER_ID, value.clear().appendDecimal(payload.u8(at + 1)));
        }
        fact(HartipAttributes.UNIVERSAL_REVISION, value.clear().appendDecimal(universal));
        fact(HartipAttributes.DEVICE_REVISION, value.clear().appendDecimal(payload.u8(at + 5)));
        fact(HartipAttributes.SOFTWARE_REVISION, value.clear().appendDecimal(payload.u8(at + 6)));
        fact(HartipAttributes.DEVICE_ID, value.clear().appendHex2(payload.u8(at + 9)).appendHex2(payload.u8(at + 10))
                .appendHex2(payload.u8(at + 11)));
    }

    private void fact(String attribute, ValueBuffer v) {
        reported.attribute(sink, srcMac, srcHi, srcLo, attribute, v, HartipAttributes.STATED, nanos);
    }

    private void reportMalformed() {
        malformed++;
        operations.between(packet, fromClient).every(sink, ReportedOperations.MALFORMED, null);
    }

    /** Payloads on port 5094 that do not start with a HART-IP header. */
    public long notHartip() { return notHartip; }

    /** HART-IP messages followed by something else, and PDUs that are not HART frames. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
