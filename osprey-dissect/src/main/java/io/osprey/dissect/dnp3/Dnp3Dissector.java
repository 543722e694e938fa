package io.osprey.dissect.dnp3;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Observation;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * DNP3 over TCP and UDP 20000 (IEEE 1815-2012 Annex E). A segment or datagram holds link-layer frames (§9.2),
 * each a 10-octet header then the user data cut into blocks of at most 16 octets, every block and the header
 * followed by a 2-octet CRC:
 * <pre>
 * 0 start 0x05 0x64 | 2 length u8 (control..user data, CRCs excluded, 5-255) | 3 control (DIR, PRM, FCB, FCV, function)
 * 4 destination u16le | 6 source u16le | 8 CRC | 10 user data block 1 (≤ 16) | CRC | block 2 ...
 * </pre>
 * User data of primary frames with function 3 (confirmed) or 4 (unconfirmed user data) starts with the transport
 * header (§8.2: FIN, FIR, sequence); a first segment (FIR) then holds the application header (§4.2.2): application
 * control, function code, and for responses the two IIN octets. Later segments of a fragment carry no header and
 * are skipped. CRCs are not verified: passive inventory wants what the stations say, not link quality.
 */
public final class Dnp3Dissector implements Dissector {
    public static final String NAME = "dnp3";
    public static final int PORT = 20000;
    /** §9.2.4.1.1: start octets 0x05 0x64. */
    static final int START = 0x0564;
    static final int HEADER_LENGTH = 10;
    static final int CRC_LENGTH = 2;
    /** §9.2.4.1.2: user data is sent in blocks of at most 16 octets, each followed by its CRC. */
    static final int BLOCK_LENGTH = 16;
    /** §9.2.4.1.2: the length octet counts control, destination and source (5) plus at most 250 user octets. */
    public static final int MIN_LENGTH = 5;
    static final int DIR = 0x80, PRM = 0x40, LINK_FUNCTION = 0x0f;
    /** §9.2.4.1.3.2 primary functions that carry user data. */
    static final int CONFIRMED_USER_DATA = 3, UNCONFIRMED_USER_DATA = 4;
    /** §8.2.1 transport header: FIR marks the first segment of an application fragment. */
    static final int TRANSPORT_FIR = 0x40;
    /** §4.2.2.5 response function codes, which carry IIN. */
    static final int RESPONSE = 129, UNSOLICITED_RESPONSE = 130, AUTHENTICATE_RESPONSE = 131;
    /** §4.2.2.7.1: IIN1.7 DEVICE_RESTART. */
    static final int IIN1_DEVICE_RESTART = 0x80;
    /** Link frames read per segment. */
    public static final int MAX_FRAMES_PER_SEGMENT = 16;
    /** Distinct functions and addresses reported per host. */
    public static final int MAX_VALUES_PER_HOST = 32;
    /**
     * Every packet of a connection is examined: a restart or a control operation can come at any time in a polling
     * session that lasts for hours, and a request already seen costs one table lookup.
     */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;
    /** The operation reported when an outstation's IIN1.7 goes from clear to set: it has restarted. */
    public static final String DEVICE_RESTART = "device-restart";
    /**
     * §4.2.2.5: the functions that change an outstation (operate, restart, stop, files, configuration), reported at
     * every occurrence; reads, confirms and time are routine.
     */
    private static final long CHANGING_FUNCTIONS = 1L << 3 | 1L << 4 | 1L << 5 | 1L << 6 | 1L << 13 | 1L << 14
            | 1L << 15 | 1L << 16 | 1L << 17 | 1L << 18 | 1L << 19 | 1L << 25 | 1L << 27 | 1L << 31;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();
    /** Outstations (address, link address) whose last response had IIN1.7 set. */
    private final RestartFlags restarting = new RestartFlags();
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andUdpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() && !packet.isUdp()) return;
        int at = 0;
        for (int n = 0; n < MAX_FRAMES_PER_SEGMENT && payload.has(at, HEADER_LENGTH); n++) {
            int length = payload.u8(at + 2);
            if (payload.u16(at) != START || length < MIN_LENGTH) {
                malformed++;
                operations.between(packet, packet.dstPort() == PORT).every(sink, ReportedOperations.MALFORMED, null);
                return;
            }
            int userLength = length - MIN_LENGTH;
            frame(packet, payload, at, userLength, sink);
            at += HEADER_LENGTH + userLength + CRC_LENGTH * ((userLength + BLOCK_LENGTH - 1) / BLOCK_LENGTH);
        }
    }

    private void frame(Packet packet, Payload payload, int at, int userLength, ObservationSink sink) {
        int control = payload.u8(at + 3);
        boolean fromMaster = (control & DIR) != 0;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        seen(sink, mac, hi, lo, Dnp3Attributes.ROLE,
                value.clear().append(fromMaster ? Dnp3Attributes.ROLE_MASTER : Dnp3Attributes.ROLE_OUTSTATION), ts);
        seen(sink, mac, hi, lo, Dnp3Attributes.ADDRESS, value.clear().appendDecimal(payload.u16le(at + 6)), ts);
        if (!fromMaster && packet.srcPort() == PORT) {
            reported.service(sink, mac, hi, lo, PORT,
                    packet.isTcp() ? Observation.Transport.TCP : Observation.Transport.UDP, NAME, ts);
        }
        int linkFunction = control & LINK_FUNCTION;
        if ((control & PRM) == 0 || linkFunction != CONFIRMED_USER_DATA && linkFunction != UNCONFIRMED_USER_DATA) return;
        int transport = userOctet(payload, at, userLength, 0);
        if (transport < 0 || (transport & TRANSPORT_FIR) == 0) return;
        int function = userOctet(payload, at, userLength, 2);
        if (function < 0) return;
        functionName(function);
        seen(sink, mac, hi, lo, Dnp3Attributes.FUNCTION, value, ts);
        operations.between(packet, fromMaster);
        if (fromMaster) {
            String operation = ReportedOperations.functionCode(function);
            if (function < 64 && (CHANGING_FUNCTIONS >>> function & 1) != 0) {
                operations.every(sink, operation, "function=" + value + " outstation=" + payload.u16le(at + 4));
            } else {
                operations.once(sink, operation, detail.clear().append("function=").append(value.text()));
            }
            return;
        }
        if (function == UNSOLICITED_RESPONSE) {
            seen(sink, mac, hi, lo, Dnp3Attributes.UNSOLICITED, value.clear().append(Dnp3Attributes.TRUE), ts);
        }
        if (function == RESPONSE || function == UNSOLICITED_RESPONSE || function == AUTHENTICATE_RESPONSE) {
            int iin1 = userOctet(payload, at, userLength, 3);
            boolean restart = iin1 >= 0 && (iin1 & IIN1_DEVICE_RESTART) != 0;
            if (restart) {
                seen(sink, mac, hi, lo, Dnp3Attributes.RESTART, value.clear().append(Dnp3Attributes.TRUE), ts);
            }
            long outstation = hi * 0x9E3779B97F4A7C15L ^ lo ^ (long) payload.u16le(at + 6) << 48;
            if (iin1 >= 0 && restarting.set(outstation, restart) && restart) {
                operations.every(sink, DEVICE_RESTART, "outstation=" + payload.u16le(at + 6));
            }
        }
    }

    /** User data octet {@code k} of the frame at {@code at}, skipping the CRC after every 16-octet block; -1 if absent. */
    static int userOctet(Payload payload, int at, int userLength, int k) {
        if (k >= userLength) return -1;
        return payload.u8(at + HEADER_LENGTH + k + CRC_LENGTH * (k / BLOCK_LENGTH));
    }

    /** §4.2.2.5 function codes, into {@link #value}. */
    private void functionName(int function) {
        String name = switch (function) {
            case 0 -> "confirm";
            case 1 -> "read";
            case 2 -> "write";
            case 3 -> "select";
            case 4 -> "operate";
            case 5 -> "direct-operate";
            case 6 -> "direct-operate-nr";
            case 7 -> "immediate-freeze";
            case 8 -> "immediate-freeze-nr";
            case 9 -> "freeze-clear";
            case 10 -> "freeze-clear-nr";
            case 11 -> "freeze-at-time";
            case 12 -> "freeze-at-time-nr";
            case 13 -> "cold-restart";
            case 14 -> "warm-restart";
            case 15 -> "initialize-data";
            case 16 -> "initialize-application";
            case 17 -> "start-application";
            case 18 -> "stop-application";
            case 19 -> "save-configuration";
            case 20 -> "enable-unsolicited";
            case 21 -> "disable-unsolicited";
            case 22 -> "assign-class";
            case 23 -> "delay-measure";
            case 24 -> "record-current-time";
            case 25 -> "open-file";
            case 26 -> "close-file";
            case 27 -> "delete-file";
            case 28 -> "get-file-info";
            case 29 -> "authenticate-file";
            case 30 -> "abort-file";
            case 31 -> "activate-config";
            case 32 -> "authenticate-request";
            case 33 -> "authenticate-error";
            case RESPONSE -> "response";
            case UNSOLICITED_RESPONSE -> "unsolicited-response";
            case AUTHENTICATE_RESPONSE -> "authenticate-response";
            default -> null;
        };
        value.clear();
        if (name != null) value.append(name);
        else value.appendDecimal(function);
    }

    private void seen(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, MAX_VALUES_PER_HOST, Dnp3Attributes.SEEN, ts);
    }

    /** Segments that did not start with a DNP3 link header. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
