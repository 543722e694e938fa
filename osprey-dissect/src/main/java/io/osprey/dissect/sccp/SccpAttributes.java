package io.osprey.dissect.sccp;

/**
 * Attribute names of Cisco Skinny (SCCP) observations, about the station (the phone): its role from any message it
 * sends to the call manager, the rest from StationRegisterMessage.
 */
public final class SccpAttributes {
    /** The station's device name, e.g. "SEP001122334455" ("SEP" and the phone's MAC in hex, for phones). */
    public static final String DEVICE_NAME = "sccp.deviceName";
    /** The station user id, decimal; not reported when 0 (unset). */
    public static final String USER_ID = "sccp.userId";
    /** The device type number, decimal, e.g. "7". */
    public static final String DEVICE_TYPE = "sccp.deviceType";
    /** The device type's well-known name from the data table device-types.tsv, e.g. "Cisco IP Phone 7960". */
    public static final String DEVICE_TYPE_NAME = "sccp.deviceTypeName";
    /** The highest protocol version the station speaks, decimal. */
    public static final String PROTOCOL_VERSION = "sccp.protocolVersion";

    /** The station's part: {@link #ROLE_STATION} for a host sending Skinny messages to a call manager's port. */
    public static final String ROLE = "sccp.role";
    public static final String ROLE_STATION = "station";

    /** Confidence of what a station states about itself when it registers. */
    public static final double STATED = 1.0;

    private SccpAttributes() {}
}
