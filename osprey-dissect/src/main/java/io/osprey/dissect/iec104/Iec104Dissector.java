package io.osprey.dissect.iec104;

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
 * IEC 60870-5-104 on TCP 2404. A segment holds APDUs (IEC 60870-5-104 §5), each an APCI then, for I-format, an
 * ASDU (IEC 60870-5-101 §7 with the 104 field sizes of §8):
 * <pre>
 * APCI: 0 start 0x68 | 1 length u8 (control field + ASDU, 4-253) | 2 control field, 4 octets
 *       I-format: bit 0 of octet 1 = 0 (send and receive sequence numbers)
 *       S-format: octet 1 = 0x01 (receive sequence number)
 *       U-format: octet 1 low bits = 0x03, STARTDT/STOPDT/TESTFR act and con in bits 2-7
 * ASDU: 6 type id u8 | 7 variable structure qualifier (SQ, count) | 8 cause of transmission (T, P/N, 6-bit cause)
 *       9 originator address u8 | 10 common address u16le | 12 information objects
 * </pre>
 * Only I-format APDUs carry an ASDU; S- and U-format ones still prove the roles and the server.
 */
public final class Iec104Dissector implements Dissector {
    public static final String NAME = "iec104";
    public static final int PORT = 2404;
    /** §5.1: start octet of every APDU. */
    static final int START = 0x68;
    static final int APCI_LENGTH = 6;
    /** §5.1: the length octet counts the four control octets and the ASDU, at most 253. */
    public static final int CONTROL_LENGTH = 4, MAX_APDU_LENGTH = 253;
    /** 101 §7 with 104 §8 sizes: type id, VSQ, two cause octets, two common address octets. */
    public static final int ASDU_HEADER_LENGTH = 6;
    /** 101 §7.2.3: the cause is the low six bits of the first COT octet (bit 7 test, bit 6 negative). */
    static final int CAUSE_MASK = 0x3f;
    /** APDUs read per segment. */
    public static final int MAX_APDUS_PER_SEGMENT = 16;
    /** Distinct type ids, causes and common addresses reported per host. */
    public static final int MAX_VALUES_PER_HOST = 64;
    /**
     * Every packet of a connection is examined: a command or a reset can come at any time in a session that lasts
     * for hours, and an ASDU already seen costs one table lookup.
     */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;
    /** §7.2.1.1 C_RP_NA_1, reset process: restarts the controlled station, reported at every occurrence. */
    static final int RESET_PROCESS = 105;

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
        boolean fromControlled = src == PORT && dst != PORT || src == dst && flow.exists() && !flow.fromClient();
        boolean fromControlling = dst == PORT && src != PORT || src == dst && flow.exists() && flow.fromClient();
        if (!fromControlled && !fromControlling) return;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        operations.between(packet, fromControlling);
        int at = 0;
        for (int n = 0; n < MAX_APDUS_PER_SEGMENT && payload.has(at, APCI_LENGTH); n++) {
            int length = payload.u8(at + 1);
            if (payload.u8(at) != START || length < CONTROL_LENGTH || length > MAX_APDU_LENGTH) {
                malformed++;
                operations.every(sink, ReportedOperations.MALFORMED, null);
                return;
            }
            if (n == 0) {
                seen(sink, mac, hi, lo, Iec104Attributes.ROLE, value.clear().append(
                        fromControlled ? Iec104Attributes.ROLE_CONTROLLED : Iec104Attributes.ROLE_CONTROLLING), ts);
                if (fromControlled) reported.service(sink, mac, hi, lo, PORT, Observation.Transport.TCP, NAME, ts);
            }
            boolean informationFormat = (payload.u8(at + 2) & 1) == 0;
            if (informationFormat && length >= CONTROL_LENGTH + ASDU_HEADER_LENGTH) {
                if (!payload.has(at + APCI_LENGTH, ASDU_HEADER_LENGTH)) return;
                asdu(payload, at + APCI_LENGTH, sink, mac, hi, lo, ts);
            }
            at += 2 + length;
        }
    }

    private void asdu(Payload payload, int asdu, ObservationSink sink, long mac, long hi, long lo, long ts) {
        int type = payload.u8(asdu);
        String typeName = typeName(type);
        value.clear();
        if (typeName != null) value.append(typeName);
        else value.appendDecimal(type);
        seen(sink, mac, hi, lo, Iec104Attributes.TYPE_ID, value, ts);
        int cause = payload.u8(asdu + 2) & CAUSE_MASK;
        String causeName = causeName(cause);
        value.clear();
        if (causeName != null) value.append(causeName);
        else if (cause >= 21 && cause <= 36) value.append("interrogated-group-").appendDecimal(cause - 20);
        else if (cause >= 38 && cause <= 41) value.append("counter-interrogated-group-").appendDecimal(cause - 37);
        else value.appendDecimal(cause);
        seen(sink, mac, hi, lo, Iec104Attributes.CAUSE, value, ts);
        seen(sink, mac, hi, lo, Iec104Attributes.COMMON_ADDRESS, value.clear().appendDecimal(payload.u16le(asdu + 4)), ts);
        String operation = typeName != null ? typeName : "type-" + type;
        if (type == RESET_PROCESS) {
            operations.every(sink, operation, "commonAddress=" + payload.u16le(asdu + 4));
        } else {
            detail.clear().append("cause=").append(causeName != null ? causeName : Integer.toString(cause))
                    .append(" commonAddress=").appendDecimal(payload.u16le(asdu + 4));
            operations.once(sink, operation, detail);
        }
    }

    /** IEC 60870-5-101 §7.2.1.1 and IEC 60870-5-104 §8: the type identifications in the compatible range. */
    static String typeName(int type) {
        return switch (type) {
            case 1 -> "M_SP_NA_1";
            case 2 -> "M_SP_TA_1";
            case 3 -> "M_DP_NA_1";
            case 4 -> "M_DP_TA_1";
            case 5 -> "M_ST_NA_1";
            case 6 -> "M_ST_TA_1";
            case 7 -> "M_BO_NA_1";
            case 8 -> "M_BO_TA_1";
            case 9 -> "M_ME_NA_1";
            case 10 -> "M_ME_TA_1";
            case 11 -> "M_ME_NB_1";
            case 12 -> "M_ME_TB_1";
            case 13 -> "M_ME_NC_1";
            case 14 -> "M_ME_TC_1";
            case 15 -> "M_IT_NA_1";
            case 16 -> "M_IT_TA_1";
            case 17 -> "M_EP_TA_1";
            case 18 -> "M_EP_TB_1";
            case 19 -> "M_EP_TC_1";
            case 20 -> "M_PS_NA_1";
            case 21 -> "M_ME_ND_1";
            case 30 -> "M_SP_TB_1";
            case 31 -> "M_DP_TB_1";
            case 32 -> "M_ST_TB_1";
            case 33 -> "M_BO_TB_1";
            case 34 -> "M_ME_TD_1";
            case 35 -> "M_ME_TE_1";
            case 36 -> "M_ME_TF_1";
            case 37 -> "M_IT_TB_1";
            case 38 -> "M_EP_TD_1";
            case 39 -> "M_EP_TE_1";
            case 40 -> "M_EP_TF_1";
            case 45 -> "C_SC_NA_1";
            case 46 -> "C_DC_NA_1";
            case 47 -> "C_RC_NA_1";
            case 48 -> "C_SE_NA_1";
            case 49 -> "C_SE_NB_1";
            case 50 -> "C_SE_NC_1";
            case 51 -> "C_BO_NA_1";
            case 58 -> "C_SC_TA_1";
            case 59 -> "C_DC_TA_1";
            case 60 -> "C_RC_TA_1";
            case 61 -> "C_SE_TA_1";
            case 62 -> "C_SE_TB_1";
            case 63 -> "C_SE_TC_1";
            case 64 -> "C_BO_TA_1";
            case 70 -> "M_EI_NA_1";
            case 100 -> "C_IC_NA_1";
            case 101 -> "C_CI_NA_1";
            case 102 -> "C_RD_NA_1";
            case 103 -> "C_CS_NA_1";
            case 104 -> "C_TS_NA_1";
            case 105 -> "C_RP_NA_1";
            case 106 -> "C_CD_NA_1";
            case 107 -> "C_TS_TA_1";
            case 110 -> "P_ME_NA_1";
            case 111 -> "P_ME_NB_1";
            case 112 -> "P_ME_NC_1";
            case 113 -> "P_AC_NA_1";
            case 120 -> "F_FR_NA_1";
            case 121 -> "F_SR_NA_1";
            case 122 -> "F_SC_NA_1";
            case 123 -> "F_LS_NA_1";
            case 124 -> "F_AF_NA_1";
            case 125 -> "F_SG_NA_1";
            case 126 -> "F_DR_TA_1";
            case 127 -> "F_SC_NB_1";
            default -> null;
        };
    }

    /** IEC 60870-5-101 §7.2.3: causes of transmission (groups 21-36 and 38-41 are named by the caller). */
    static String causeName(int cause) {
        return switch (cause) {
            case 1 -> "periodic";
            case 2 -> "background-scan";
            case 3 -> "spontaneous";
            case 4 -> "initialized";
            case 5 -> "request";
            case 6 -> "activation";
            case 7 -> "activation-con";
            case 8 -> "deactivation";
            case 9 -> "deactivation-con";
            case 10 -> "activation-termination";
            case 11 -> "return-remote";
            case 12 -> "return-local";
            case 13 -> "file-transfer";
            case 20 -> "interrogated";
            case 37 -> "counter-interrogated";
            case 44 -> "unknown-type";
            case 45 -> "unknown-cause";
            case 46 -> "unknown-common-address";
            case 47 -> "unknown-object-address";
            default -> null;
        };
    }

    private void seen(ObservationSink sink, long mac, long hi, long lo, String attribute, ValueBuffer v, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, v, MAX_VALUES_PER_HOST, Iec104Attributes.SEEN, ts);
    }

    /** APDUs that did not read as IEC 60870-5-104. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
