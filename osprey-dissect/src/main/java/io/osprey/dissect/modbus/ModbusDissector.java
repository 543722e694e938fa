package io.osprey.dissect.modbus;

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
 * Modbus/TCP on TCP 502 (Modbus Messaging on TCP/IP Implementation Guide v1.0b; Modbus Application Protocol
 * v1.1b3). Each ADU is the MBAP header then the PDU (Messaging §3.1.3, big-endian):
 * <pre>
 * 0 transaction id u16 | 2 protocol id u16 (0 = Modbus) | 4 length u16 (unit id + PDU) | 6 unit id u8 | 7 PDU
 * </pre>
 * A segment may hold several ADUs. Requests (to port 502) give the client's functions; responses (from 502) the
 * server's unit ids, its exception codes (function | 0x80, §7) and its Read Device Identification objects
 * (function 43, MEI type 14, §6.21).
 */
public final class ModbusDissector implements Dissector {
    public static final String NAME = "modbus";
    public static final int PORT = 502;
    public static final int MBAP_LENGTH = 7;
    /** §4.1: a PDU is at most 253 octets, so the MBAP length (unit id + PDU) is at most 254 and at least 2. */
    public static final int MAX_PDU_LENGTH = 253;
    static final int EXCEPTION_BIT = 0x80;
    static final int ENCAPSULATED_INTERFACE_TRANSPORT = 43, MEI_READ_DEVICE_ID = 14, MEI_CANOPEN = 13;
    /** Schneider Electric's UMAS rides on function 90, outside the public function codes. */
    static final int UMAS = 90;
    /** ADUs read per segment. */
    public static final int MAX_ADUS_PER_SEGMENT = 16;
    /** Device identification objects read per response (the basic, regular and extended ranges hold 256). */
    public static final int MAX_OBJECTS = 32;
    /** Octets of an identification object kept. */
    public static final int MAX_OBJECT_LENGTH = 128;
    /** Distinct functions, exception codes and unit ids reported per host. */
    public static final int MAX_VALUES_PER_HOST = 32;
    /**
     * Every packet of a connection is examined: a write or an exception can come at any time in a polling session
     * that lasts for hours, and a request already seen costs one table lookup.
     */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;
    /** The operation reported for each exception response. */
    public static final String EXCEPTION_OPERATION = "exception";
    /** §6.1–6.4, 6.5–6.6, 6.11–6.12, 6.16–6.17: the functions whose request starts with an address and a quantity. */
    private static final long ADDRESSED_FUNCTIONS = 1L << 1 | 1L << 2 | 1L << 3 | 1L << 4 | 1L << 5 | 1L << 6
            | 1L << 15 | 1L << 16 | 1L << 22 | 1L << 23;

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
        return Interest.forTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp()) return;
        int src = packet.srcPort(), dst = packet.dstPort();
        boolean fromServer = src == PORT && dst != PORT || src == dst && flow.exists() && !flow.fromClient();
        boolean fromClient = dst == PORT && src != PORT || src == dst && flow.exists() && flow.fromClient();
        if (!fromServer && !fromClient) return;
        int at = 0;
        for (int n = 0; n < MAX_ADUS_PER_SEGMENT && payload.has(at, MBAP_LENGTH + 1); n++) {
            int length = payload.u16(at + 4);
            int function = payload.u8(at + 7);
            operations.between(packet, fromClient);
            if (payload.u16(at + 2) == 0 && length >= 2 && length <= MAX_PDU_LENGTH + 1 && function == 0) {
                // §4.1: "function code 0 is not valid", so a request with it is an illegal operation, not noise
                operations.every(sink, ReportedOperations.functionCode(0), "unit=" + payload.u8(at + 6));
                return;
            }
            if (payload.u16(at + 2) != 0 || length < 2 || length > MAX_PDU_LENGTH + 1
                    || fromClient && function >= EXCEPTION_BIT) {
                malformed++;
                operations.every(sink, ReportedOperations.MALFORMED, null);
                return;
            }
            int pdu = at + MBAP_LENGTH;
            int end = Math.min(at + 6 + length, payload.length());
            if (fromClient) request(packet, payload, at, pdu, end, function, sink);
            else response(packet, payload, at, pdu, end, function, sink);
            at += 6 + length;
        }
    }

    private void request(Packet packet, Payload payload, int at, int pdu, int end, int function, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        seen(sink, mac, hi, lo, ModbusAttributes.ROLE, value.clear().append(ModbusAttributes.ROLE_CLIENT), ts);
        functionName(function, payload.u8(pdu + 1));
        seen(sink, mac, hi, lo, ModbusAttributes.FUNCTION, value, ts);
        detail.clear().append("unit=").appendDecimal(payload.u8(at + 6));
        if (function < 64 && (ADDRESSED_FUNCTIONS >>> function & 1) != 0 && pdu + 5 <= end) {
            int quantity = function == 5 || function == 6 || function == 22 ? 1 : payload.u16(pdu + 3);
            detail.append(" start=").appendDecimal(payload.u16(pdu + 1)).append(" count=").appendDecimal(quantity);
        }
        operations.once(sink, ReportedOperations.functionCode(function & 0x7F), detail);
    }

    private void response(Packet packet, Payload payload, int at, int pdu, int end, int function, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        seen(sink, mac, hi, lo, ModbusAttributes.ROLE, value.clear().append(ModbusAttributes.ROLE_SERVER), ts);
        reported.service(sink, mac, hi, lo, PORT, Observation.Transport.TCP, NAME, ts);
        seen(sink, mac, hi, lo, ModbusAttributes.UNIT_ID, value.clear().appendDecimal(payload.u8(at + 6)), ts);
        if (function >= EXCEPTION_BIT) {
            int code = payload.u8(pdu + 1);
            if (code >= 0 && pdu + 2 <= end) {
                seen(sink, mac, hi, lo, ModbusAttributes.EXCEPTION, value.clear().appendDecimal(code), ts);
                operations.every(sink, EXCEPTION_OPERATION,
                        "unit=" + payload.u8(at + 6) + " function=" + (function & 0x7F) + " code=" + code);
            }
        } else if (function == ENCAPSULATED_INTERFACE_TRANSPORT && payload.u8(pdu + 1) == MEI_READ_DEVICE_ID) {
            deviceIdentification(payload, pdu, end, sink, mac, hi, lo, ts);
        }
    }

    /**
     * §6.21 response: function, MEI type, Read Device ID code, conformity level, more follows, next object id,
     * number of objects, then objects (id u8, length u8, ASCII value).
     */
    private void deviceIdentification(Payload payload, int pdu, int end, ObservationSink sink, long mac, long hi,
                                      long lo, long ts) {
        int count = payload.u8(pdu + 6);
        int p = pdu + 7;
        for (int i = 0; i < Math.min(count, MAX_OBJECTS) && p + 2 <= end; i++) {
            int id = payload.u8(p), length = payload.u8(p + 1);
            if (p + 2 + length > end) {
                malformed++;
                operations.every(sink, ReportedOperations.MALFORMED, null);
                return;
            }
            String attribute = objectAttribute(id);
            if (attribute != null) {
                value.clear();
                for (int k = 0; k < length && value.length() < MAX_OBJECT_LENGTH; k++) value.appendText(payload.u8(p + 2 + k));
                value.trimTrailing(' ').trimTrailing(0);
                reported.attribute(sink, mac, hi, lo, attribute, value, ModbusAttributes.STATED, ts);
            }
            p += 2 + length;
        }
    }

    /** §6.21 Table: the basic (0x00-0x02) and regular (0x03-0x06) objects. */
    private static String objectAttribute(int id) {
        return switch (id) {
            case 0 -> ModbusAttributes.VENDOR_NAME;
            case 1 -> ModbusAttributes.PRODUCT_CODE;
            case 2 -> ModbusAttributes.REVISION;
            case 3 -> ModbusAttributes.VENDOR_URL;
            case 4 -> ModbusAttributes.PRODUCT_NAME;
            case 5 -> ModbusAttributes.MODEL_NAME;
            case 6 -> ModbusAttributes.USER_APPLICATION_NAME;
            default -> null;
        };
    }

    /** §5.1 public function codes (and §6.19–6.21 MEI types of function 43), into {@link #value}. */
    private void functionName(int function, int mei) {
        String name = switch (function) {
            case 1 -> "read-coils";
            case 2 -> "read-discrete-inputs";
            case 3 -> "read-holding-registers";
            case 4 -> "read-input-registers";
            case 5 -> "write-single-coil";
            case 6 -> "write-single-register";
            case 7 -> "read-exception-status";
            case 8 -> "diagnostics";
            case 11 -> "get-comm-event-counter";
            case 12 -> "get-comm-event-log";
            case 15 -> "write-multiple-coils";
            case 16 -> "write-multiple-registers";
            case 17 -> "report-server-id";
            case 20 -> "read-file-record";
            case 21 -> "write-file-record";
            case 22 -> "mask-write-register";
            case 23 -> "read-write-multiple-registers";
            case 24 -> "read-fifo-queue";
            case ENCAPSULATED_INTERFACE_TRANSPORT -> mei == MEI_READ_DEVICE_ID ? "read-device-identification"
                    : mei == MEI_CANOPEN ? "canopen-general-reference" : "encapsulated-interface-transport";
            case UMAS -> "umas";
            default -> null;
        };
        value.clear();
        if (name != null) value.append(name);
        else value.appendDecimal(function);
    }

    private void seen(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, MAX_VALUES_PER_HOST, ModbusAttributes.SEEN, ts);
    }

    /** ADUs that did not read as Modbus/TCP. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
