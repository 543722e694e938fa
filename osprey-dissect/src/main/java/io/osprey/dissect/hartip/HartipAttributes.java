package io.osprey.dissect.hartip;

/**
 * Attribute names of HART-IP observations (FieldComm Group HCF_SPEC-085 "HART-IP", UDP and TCP 5094), and of the
 * HART token-passing PDUs they carry (HCF_SPEC-081 data link, HCF_SPEC-127 universal commands). Behaviour facts are
 * about the client; identity (command 0 answers) about the device or gateway that answers. Examples are from the ITI
 * capture hart_ip.pcap (a client polling a Rosemount HART-IP device).
 */
public final class HartipAttributes {
    /** "client" (sent requests) or "server" (sent responses). */
    public static final String ROLE = "hartip.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";
    /** HART-IP header version the host uses: "1". */
    public static final String VERSION = "hartip.version";
    /**
     * A HART-IP message the client requested: "session-initiate", "session-close", "keep-alive", "token-passing-pdu",
     * "direct-pdu", "read-audit-log". Example: the first four.
     */
    public static final String MESSAGE = "hartip.message";
    /** A HART command the client sent in a PDU, "command-N" (16-bit numbers of command 31 too): "command-0", "command-48". */
    public static final String FUNCTION = "hartip.function";
    /** Command 0 answer, expanded device type (HART 7) or device type (HART 5), hex: "0x264e". */
    public static final String EXPANDED_DEVICE_TYPE = "hartip.expandedDeviceType";
    /** Command 0 answer, manufacturer identification code (HCF_SPEC-183 table 8), decimal: "38". */
    public static final String MANUFACTURER_ID = "hartip.manufacturerId";
    /** Command 0 answer, device revision level: "4". */
    public static final String DEVICE_REVISION = "hartip.deviceRevision";
    /** Command 0 answer, HART universal command revision: "7". */
    public static final String UNIVERSAL_REVISION = "hartip.universalRevision";
    /** Command 0 answer, software revision level: "1". */
    public static final String SOFTWARE_REVISION = "hartip.softwareRevision";
    /** Command 0 answer, the 24-bit device id (unique per manufacturer and device type), hex: "0000d2". */
    public static final String DEVICE_ID = "hartip.deviceId";

    /** Confidence of what a device states about itself, and of what is seen on the wire. */
    public static final double STATED = 0.9;

    private HartipAttributes() {}
}
