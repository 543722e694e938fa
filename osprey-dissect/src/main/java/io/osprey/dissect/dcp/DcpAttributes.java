package io.osprey.dissect.dcp;

/**
 * The attribute names the PROFINET DCP dissector reports. Identify responses, Get responses and Hello requests
 * describe the device that sends them (the frame's source MAC); a Set request describes its target (the frame's
 * destination MAC) and its sender, the engineering tool; an Identify request describes its sender. Text blocks keep
 * their octets, control characters written as {@code \DDD} by {@link io.osprey.dissect.dns.ValueBuffer}.
 */
public final class DcpAttributes {
    /** NameOfStation (option 2, suboption 2), e.g. "plc-1" or "switch3". */
    public static final String STATION_NAME = "dcp.stationName";
    /** DeviceVendorValue (option 2, suboption 1), the "type of station" text, e.g. "S7-1500" or "SCALANCE X-200". */
    public static final String VENDOR_TEXT = "dcp.vendorText";
    /** VendorID of the DeviceID block (option 2, suboption 3), four lower-case hex digits: "002a" is Siemens. */
    public static final String VENDOR_ID = "dcp.vendorId";
    /** The vendor's name for {@link #VENDOR_ID}, from profinet-vendors.tsv, e.g. "Siemens". */
    public static final String VENDOR = "dcp.vendor";
    /** DeviceID of the DeviceID block, four lower-case hex digits, e.g. "0a01". */
    public static final String DEVICE_ID = "dcp.deviceId";
    /**
     * DeviceRole (option 2, suboption 4), the roles set, comma-separated: "io-device", "io-controller",
     * "io-multidevice", "io-supervisor", e.g. "io-device,io-controller".
     */
    public static final String ROLE = "dcp.role";
    /** DeviceOptions (option 2, suboption 5): the option/suboption pairs the device supports, e.g. "1/1,1/2,2/2". */
    public static final String DEVICE_OPTIONS = "dcp.deviceOptions";
    /** AliasName (option 2, suboption 6): the port and chassis name the device answers to, e.g. "port-001.switch3". */
    public static final String ALIAS_NAME = "dcp.aliasName";
    /** IP address of the IP parameter block (option 1, suboption 2 or 3), e.g. "192.168.0.1"; "0.0.0.0" not reported. */
    public static final String IP = "dcp.ip";
    /** Subnet mask of the IP parameter block, e.g. "255.255.255.0". */
    public static final String NETMASK = "dcp.netmask";
    /** Standard gateway of the IP parameter block when set, e.g. "192.168.0.254". */
    public static final String GATEWAY = "dcp.gateway";
    /**
     * What a Set request changes on its target (the destination MAC): "ip", "station-name", "dhcp", "signal"
     * (blink to be found), "factory-reset" (Control option 5 suboption 5 FactoryReset or 6 ResetToFactory).
     */
    public static final String SET_REQUEST = "dcp.setRequest";
    /** "true" for the sender of a Set request: an engineering station or an IO controller assigning names. */
    public static final String SETTER = "dcp.setter";
    /** "true" for the sender of an Identify request. */
    public static final String IDENTIFY_REQUEST = "dcp.identifyRequest";
    /**
     * The NameOfStation an Identify request looks for, about its sender, e.g. "switch3": a device with a name checks
     * at start-up that no other device has it, while a controller looks up its IO devices, hence a lower confidence.
     */
    public static final String IDENTIFY_NAME = "dcp.identifyName";

    /** Confidence of what a device states about itself in a response. */
    public static final double STATED = 0.9;
    /** Confidence of the name a device looks for in an Identify request (often its own, not always). */
    public static final double LOOKED_UP = 0.5;
    /** Confidence of what a Set request's sender does or asks of its target. */
    public static final double SEEN = 0.8;

    private DcpAttributes() {}
}
