package io.osprey.dissect.cdp;

/**
 * The attribute names the CDP dissector reports, all about the sending device (the frame's source MAC). Text
 * keeps its octets; control characters (the line breaks of the software version) are written as {@code \DDD}.
 */
public final class CdpAttributes {
    /** Device ID (TLV 0x0001): a host name, or a serial number or MAC on phones and some switches. */
    public static final String DEVICE_ID = "cdp.deviceId";
    /** An address of the device (TLV 0x0002 Addresses), IP text. */
    public static final String ADDRESS = "cdp.address";
    /** A management address (TLV 0x0016), IP text. */
    public static final String MANAGEMENT_ADDRESS = "cdp.managementAddress";
    /** The port the frame was sent from (TLV 0x0003), e.g. "FastEthernet0/1". */
    public static final String PORT_ID = "cdp.portId";
    /** Capabilities (TLV 0x0004), comma-separated names, e.g. "switch,igmp". */
    public static final String CAPABILITIES = "cdp.capabilities";
    /** Software version (TLV 0x0005). */
    public static final String SOFTWARE_VERSION = "cdp.softwareVersion";
    /** Platform (TLV 0x0006), e.g. "cisco WS-C2950-12". */
    public static final String PLATFORM = "cdp.platform";
    /** VTP management domain (TLV 0x0009). */
    public static final String VTP_DOMAIN = "cdp.vtpDomain";
    /** Native VLAN of the port (TLV 0x000a), decimal. */
    public static final String NATIVE_VLAN = "cdp.nativeVlan";
    /** Duplex of the port (TLV 0x000b): "full" or "half". */
    public static final String DUPLEX = "cdp.duplex";
    /** Voice VLAN (TLV 0x000e VoIP VLAN reply), decimal. */
    public static final String VOICE_VLAN = "cdp.voiceVlan";
    /** Power the device draws (TLV 0x0010 power consumption), milliwatts, decimal. */
    public static final String POWER_MILLIWATTS = "cdp.powerMilliwatts";
    /** System name (TLV 0x0014), sent by some devices besides the device ID. */
    public static final String SYSTEM_NAME = "cdp.systemName";

    /** Confidence of what a device states about itself. */
    public static final double STATED = 1.0;

    private CdpAttributes() {}
}
