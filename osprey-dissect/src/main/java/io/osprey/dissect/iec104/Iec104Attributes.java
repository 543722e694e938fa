package io.osprey.dissect.iec104;

/**
 * Attribute names of IEC 60870-5-104 observations. Each fact is about the station that sent the APDU. Examples are
 * from ics-iti TestDissectIec104.pcap (controlling station 172.27.248.109, controlled station 172.27.248.79).
 */
public final class Iec104Attributes {
    /**
     * "controlling" for the station that connects to TCP 2404 (IEC 60870-5-104 §9: the controlling station is the
     * TCP client), "controlled" for the one that listens (an RTU, IED or gateway).
     */
    public static final String ROLE = "iec104.role";
    /**
     * An ASDU type identification the host sends (IEC 60870-5-101 §7.2.1, IEC 60870-5-104 §8), by its standard
     * mnemonic: "C_IC_NA_1", "C_SC_NA_1", "C_DC_NA_1", "C_CS_NA_1" from the controlling station; "M_EI_NA_1",
     * "M_SP_NA_1", "M_DP_NA_1", "M_SP_TB_1" from the controlled one; undefined codes in decimal: "24".
     */
    public static final String TYPE_ID = "iec104.typeId";
    /**
     * A cause of transmission the host sends (IEC 60870-5-101 §7.2.3, six bits), by name: "activation",
     * "activation-con", "activation-termination", "interrogated", "spontaneous", "initialized"; undefined in decimal.
     */
    public static final String CAUSE = "iec104.cause";
    /** A common address of ASDU (station address, two octets in 104) the host sends, in decimal: "37133". */
    public static final String COMMON_ADDRESS = "iec104.commonAddress";

    public static final String ROLE_CONTROLLING = "controlling";
    public static final String ROLE_CONTROLLED = "controlled";

    /** Confidence of what is seen on the wire. */
    public static final double SEEN = 0.8;

    private Iec104Attributes() {}
}
