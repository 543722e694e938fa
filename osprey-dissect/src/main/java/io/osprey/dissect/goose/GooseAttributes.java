package io.osprey.dissect.goose;

/**
 * Attribute names of the IEC 61850-8-1 GOOSE dissector, about the publishing IED (the frame's source MAC; GOOSE has
 * no IP layer). Examples are from the ITI ICS-Security-Tools captures GOOSE.pcap (a GE F650 relay,
 * 00:a0:f4:08:2f:77) and Sample_File_MMS_and_GOOSE.pcap (ABB IEDs).
 */
public final class GooseAttributes {
    /** "publisher": the host sends GOOSE. Subscribers cannot be seen (GOOSE is multicast and never answered). */
    public static final String ROLE = "goose.role";
    public static final String ROLE_PUBLISHER = "publisher";
    /** APPID of the GOOSE header, "0x" and four hex digits: "0x0001", "0x3001". */
    public static final String APPID = "goose.appid";
    /** GOOSE control block reference: "GEDeviceF650/LLN0$GO$gcb01", "AA1C1Q01A1LD0/LLN0$GO$gcb_A". */
    public static final String GOCB_REF = "goose.gocbRef";
    /** Data set reference: "GEDeviceF650/LLN0$GOOSE1", "AA1C1Q01A1LD0/LLN0$InterlockingA". */
    public static final String DAT_SET = "goose.datSet";
    /** GOOSE identifier: "F650_GOOSE1", "InterlockingA". */
    public static final String GO_ID = "goose.goID";
    /** Configuration revision of the data set, decimal: "1", "5". */
    public static final String CONF_REV = "goose.confRev";
    /**
     * "true" when the publisher marks its messages as simulated/test: the PDU's simulation (Ed. 1 "test") field, or
     * the S bit of Reserved 1 (IEC 61850-8-1 Ed. 2 §C.2.3.2). Not reported when clear.
     */
    public static final String SIMULATION = "goose.simulation";

    /** Confidence of what the publisher states in its own messages. */
    public static final double STATED = 0.9;

    private GooseAttributes() {}
}
