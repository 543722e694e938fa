package io.osprey.dissect.melsec;

/**
 * Attribute names of Mitsubishi Electric MELSEC observations: SLMP / MC protocol binary 3E and 4E frames (SLMP
 * Reference Manual SH-080956ENG) and the MELSOFT engineering protocol GX Works speaks on UDP/TCP 5560 and 5562,
 * whose layout is not published (see {@link MelsoftFrame}). Commands are about the node that sends requests, the
 * CPU model about the node that answers. Examples: the ITI capture melsoft_UDP_clean_2.pcap (fixtures/melsec/),
 * a GX Works PC and an FX5U; SLMP examples from the reference manual's examples (no SLMP capture is at hand).
 */
public final class MelsecAttributes {
    /** How the node speaks: "slmp-3e", "slmp-4e" or "melsoft". About both ends. */
    public static final String PROTOCOL = "melsec.protocol";
    public static final String PROTOCOL_3E = "slmp-3e";
    public static final String PROTOCOL_4E = "slmp-4e";
    public static final String PROTOCOL_MELSOFT = "melsoft";
    /** "client" for the node that sends requests, "server" for the one that answers. */
    public static final String ROLE = "melsec.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";
    /**
     * An SLMP command a client sent (SH-080956ENG §5, command list), by name: "device-read" (0401),
     * "device-write" (1401), "remote-run" (1001), "remote-stop" (1002), "read-type-name" (0101), "file-write"
     * (1829)...; codes outside the table as four hex digits, "1234".
     */
    public static final String COMMAND = "melsec.command";
    /**
     * A MELSOFT command a client sent, the two command octets in hex as they stand on the wire: "0121" (read CPU
     * model), "0410", "0b2a", "185f", "0b16" (names unknown: the protocol is unpublished). From the capture.
     */
    public static final String MELSOFT_COMMAND = "melsec.melsoftCommand";
    /** CPU model name, 16 octets ASCII of Read Type Name (SLMP 0101) or MELSOFT 0121: "FX5U-32MT/ES", "Q03UDVCPU". */
    public static final String CPU_MODEL = "melsec.cpuModel";
    /** The model code that follows the model name, four upper-case hex digits: "4A29" (the FX5U-32MT/ES). */
    public static final String MODEL_CODE = "melsec.modelCode";

    /** Confidence of what the CPU states about itself. */
    public static final double STATED = 0.9;
    /** Confidence of roles, protocols and commands seen on the wire. */
    public static final double SEEN = 0.8;

    private MelsecAttributes() {}
}
