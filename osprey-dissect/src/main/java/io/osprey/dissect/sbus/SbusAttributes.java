package io.osprey.dissect.sbus;

/**
 * Attribute names of SAIA (SBC) Ether-S-Bus observations (SBC "S-Bus for the PCD family" manual 26/739, Ether-S-Bus
 * chapter). Commands and the client's role are about the station that sends requests; the PCD status, type and
 * firmware version about the PCD that answers them. No public capture holds Ether-S-Bus: the examples are from the
 * hand-built telegrams of the tests.
 */
public final class SbusAttributes {
    /** "client" for the station that sends requests (a PG5 engineering PC, a SCADA), "server" for the PCD. */
    public static final String ROLE = "sbus.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";
    /**
     * A command a client sent, by name: "read-register" (06), "write-register" (0E), "read-flag" (02),
     * "read-pcd-status-own" (1B), "read-firmware-version" (20), "run-all" (30), "stop-own" (43), "clear-flags" (5B),
     * "restart-cold-all" (39)...; a code outside the command list as two hex digits, "fe".
     */
    public static final String FUNCTION = "sbus.function";
    /** The S-Bus station number a PCD is addressed as (0-253; 254 is reserved, 255 broadcast): "10". */
    public static final String STATION = "sbus.station";
    /** The PCD's state from a Read PCD Status answer: "run" ('R'), "stop" ('S') or "halt" ('H'). */
    public static final String STATUS = "sbus.status";
    /** Read Firmware Version answer, the PCD type, 5 characters: "D3M54". */
    public static final String PCD_TYPE = "sbus.pcdType";
    /** Read Firmware Version answer, the firmware version, 3 characters: "1A0". */
    public static final String FIRMWARE_VERSION = "sbus.firmwareVersion";

    /** The PCD states its status, type and version. */
    public static final double STATED = 0.9;
    /** Roles and commands are seen in the traffic. */
    public static final double SEEN = 0.8;

    private SbusAttributes() {}
}
