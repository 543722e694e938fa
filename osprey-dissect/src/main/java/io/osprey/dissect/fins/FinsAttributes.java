package io.osprey.dissect.fins;

/**
 * Attribute names of Omron FINS observations (FINS Commands Reference Manual W227, CS/CJ Communications Commands
 * W342 §5). Commands are about the node that sends them; the controller's identity and mode about the node that
 * answers. Examples are from the ITI ICS-Security-Tools capture omron_test.pcap (fixtures/fins/), a CP1L answering
 * Controller Data Read over FINS/UDP and FINS/TCP.
 */
public final class FinsAttributes {
    /** "client" for a node that sends FINS commands, "server" for one that answers them. */
    public static final String ROLE = "fins.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";
    /**
     * A command a client sent (MRC/SRC, W342 §5-1), by name: "controller-data-read" (0501), "memory-area-read"
     * (0101), "memory-area-write" (0102), "program-area-read" (0306), "program-area-write" (0307), "run" (0401),
     * "stop" (0402), "controller-status-read" (0601), "clock-read" (0701), "error-log-read" (2102),
     * "file-memory-format" (2204), "forced-set-reset" (2301)...; codes outside the table as four hex digits, "0a01".
     */
    public static final String COMMAND = "fins.command";
    /** Controller Data Read (0501) response, CPU Unit model, 20 octets ASCII: "CP1L-EL20DR-D". */
    public static final String CONTROLLER_MODEL = "fins.controllerModel";
    /** Controller Data Read response, CPU Unit internal system version, 20 octets ASCII: "01.00". */
    public static final String CONTROLLER_VERSION = "fins.controllerVersion";
    /** Controller Data Read response, area data: program area size in Kwords, decimal: "10". */
    public static final String PROGRAM_AREA_SIZE = "fins.programAreaSize";
    /** Controller Data Read response, area data: number of DM words, decimal: "10768". */
    public static final String DM_WORDS = "fins.dmWords";
    /** Controller Status Read (0601) response, operating mode: "program", "monitor" or "run". */
    public static final String MODE = "fins.mode";

    /** Confidence of what the controller states about itself. */
    public static final double STATED = 0.9;
    /** Confidence of roles and commands seen on the wire. */
    public static final double SEEN = 0.8;

    private FinsAttributes() {}
}
