package io.osprey.dissect.lldp;

/**
 * The attribute names the LLDP dissector reports, all about the sending device (the frame's source MAC). Text
 * TLVs keep their octets; control characters (the line breaks of multi-line system descriptions) are written as
 * {@code \DDD} by {@link io.osprey.dissect.dns.ValueBuffer}.
 */
public final class LldpAttributes {
    /** Chassis ID (IEEE 802.1AB-2016 §8.5.2): a MAC as "00:13:21:57:ca:40", a network address as IP text, else text. */
    public static final String CHASSIS_ID = "lldp.chassisId";
    /** How the chassis ID is to be read (Table 8-2): "mac-address", "interface-name", "local", ... */
    public static final String CHASSIS_ID_SUBTYPE = "lldp.chassisIdSubtype";
    /** Port ID (§8.5.3), formatted as the chassis ID. */
    public static final String PORT_ID = "lldp.portId";
    /** How the port ID is to be read (Table 8-3). */
    public static final String PORT_ID_SUBTYPE = "lldp.portIdSubtype";
    /** Port description (§8.5.5). */
    public static final String PORT_DESCRIPTION = "lldp.portDescription";
    /** System name (§8.5.6). */
    public static final String SYSTEM_NAME = "lldp.systemName";
    /** System description (§8.5.7): often vendor, model and firmware. */
    public static final String SYSTEM_DESCRIPTION = "lldp.systemDescription";
    /** Supported system capabilities (§8.5.8.1, Table 8-4), comma-separated names, e.g. "bridge,router". */
    public static final String CAPABILITIES = "lldp.capabilities";
    /** Enabled system capabilities (§8.5.8.2), same names. */
    public static final String CAPABILITIES_ENABLED = "lldp.capabilitiesEnabled";
    /** A management address (§8.5.9): IP text, or a MAC for the IANA "all 802" family, else hex. */
    public static final String MANAGEMENT_ADDRESS = "lldp.managementAddress";
    /** Manufacturer Usage Description URL (RFC 8520 §4.2, IANA OUI 00-00-5E subtype 1). */
    public static final String MUD_URL = "lldp.mudUrl";
    /** Port VLAN ID (IEEE 802.1Q-2018 Annex D.2.1, OUI 00-80-C2 subtype 1), decimal. */
    public static final String PORT_VLAN_ID = "lldp.portVlanId";

    /** LLDP-MED capabilities (ANSI/TIA-1057 §10.2.2.1), comma-separated names, e.g. "capabilities,network-policy". */
    public static final String MED_CAPABILITIES = "lldp.med.capabilities";
    /** LLDP-MED device type (TIA-1057 §10.2.2.2): "endpoint-class-1".."endpoint-class-3", "network-connectivity". */
    public static final String MED_DEVICE_CLASS = "lldp.med.deviceClass";
    /**
     * A network policy (TIA-1057 §10.2.3): application type and VLAN, e.g. "voice vlan=50", "voice untagged" or
     * "voice unknown" (policy not yet known to the sender).
     */
    public static final String MED_NETWORK_POLICY = "lldp.med.networkPolicy";
    /** Inventory TLVs (TIA-1057 §10.2.6), text as sent. */
    public static final String MED_HARDWARE_REVISION = "lldp.med.hardwareRevision";
    public static final String MED_FIRMWARE_REVISION = "lldp.med.firmwareRevision";
    public static final String MED_SOFTWARE_REVISION = "lldp.med.softwareRevision";
    public static final String MED_SERIAL_NUMBER = "lldp.med.serialNumber";
    public static final String MED_MANUFACTURER = "lldp.med.manufacturer";
    public static final String MED_MODEL = "lldp.med.model";
    public static final String MED_ASSET_ID = "lldp.med.assetId";

    /** Confidence of what a device states about itself. */
    public static final double STATED = 1.0;

    private LldpAttributes() {}
}
