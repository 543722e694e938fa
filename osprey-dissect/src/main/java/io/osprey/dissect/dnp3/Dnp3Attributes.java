package io.osprey.dissect.dnp3;

/**
 * Attribute names of DNP3 observations (IEEE 1815-2012). Each fact is about the station that sent the frame: the
 * master (link control DIR = 1) or the outstation (DIR = 0). Examples are from ics-iti dnp3_test_data_part1.pcap.
 */
public final class Dnp3Attributes {
    /** "master" or "outstation", from the link-layer DIR bit of the frames the host sends (§9.2.4.1.3.1). */
    public static final String ROLE = "dnp3.role";
    /** The link address the host sends from (source field, §9.2.4.1.3), in decimal: "3" (master), "4", "6". */
    public static final String ADDRESS = "dnp3.address";
    /**
     * An application function code the host sends (§4.2.2.5), by name: "confirm", "read", "write",
     * "cold-restart", "warm-restart", "stop-application", "enable-unsolicited", "disable-unsolicited" from masters;
     * "response", "unsolicited-response" from outstations; undefined codes in decimal: "99".
     */
    public static final String FUNCTION = "dnp3.function";
    /** "true" for an outstation that sends unsolicited responses (function 130). */
    public static final String UNSOLICITED = "dnp3.unsolicited";
    /** "true" for an outstation whose response carries IIN1.7 DEVICE_RESTART (§4.2.2.7.1): it has restarted. */
    public static final String RESTART = "dnp3.restart";

    public static final String ROLE_MASTER = "master";
    public static final String ROLE_OUTSTATION = "outstation";
    public static final String TRUE = "true";

    /** Confidence of what is seen on the wire: roles, functions, addresses, indications. */
    public static final double SEEN = 0.8;

    private Dnp3Attributes() {}
}
