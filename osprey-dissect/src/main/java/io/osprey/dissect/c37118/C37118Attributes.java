package io.osprey.dissect.c37118;

/**
 * Attribute names of the IEEE C37.118 synchrophasor dissector. Examples are from the ITI ICS-Security-Tools capture
 * C37.118_1PMU_UDP.pcap: a GE PMU (00:a0:f4:01:a3:48, 192.168.0.60) streaming to a PDC (192.168.0.10).
 */
public final class C37118Attributes {
    /**
     * "server" for a data source (a PMU or PDC sending data, header or configuration frames), "client" for the end
     * sending command frames (a PDC or historian).
     */
    public static final String ROLE = "c37118.role";
    public static final String ROLE_SERVER = "server";
    public static final String ROLE_CLIENT = "client";
    /** Frame types a host sent: "data", "header", "config-1", "config-2", "config-3", "command". */
    public static final String FRAME_TYPE = "c37118.frameType";
    /** Standard edition in the SYNC word of frames a host sent: "2005" (version 1), "2011" (version 2). */
    public static final String VERSION = "c37118.version";
    /** IDCODE (stream source) of the frames a data source sent, decimal: "60". */
    public static final String ID_CODE = "c37118.idCode";
    /** Station name (STN) of each PMU block in a configuration frame, blanks trimmed: "PMU1". */
    public static final String STATION_NAME = "c37118.stationName";
    /** Data source IDCODE of each PMU block in a configuration frame, decimal: "61". */
    public static final String PMU_ID_CODE = "c37118.pmuIdCode";
    /** NUM_PMU of a configuration frame, decimal: "1". */
    public static final String PMU_COUNT = "c37118.pmuCount";
    /** Text of a header frame (free-form description of the data source), control octets escaped. */
    public static final String HEADER = "c37118.header";
    /**
     * Command a client sent (C37.118.2-2011 Table 15): "data-off", "data-on", "send-header", "send-config-1",
     * "send-config-2", "send-config-3", "extended-frame". Example: "data-off", "send-config-2", "data-on".
     */
    public static final String FUNCTION = "c37118.function";

    /** Confidence of what the data source states in its own frames and of what is seen on the wire. */
    public static final double STATED = 0.9;

    private C37118Attributes() {}
}
