package io.osprey.dissect.tplink;

/**
 * Attribute names of TP-Link Kasa smart-home protocol observations. Device facts come from the
 * {@code system.get_sysinfo} response a plug, switch or bulb sends about itself; example values are those of an
 * HS110(EU) plug. Values are the JSON strings as sent.
 */
public final class TplinkAttributes {
    /** {@code model}: "HS110(EU)". */
    public static final String MODEL = "tplink.model";
    /** {@code alias}: the name the owner gave the device, "Living room lamp". */
    public static final String ALIAS = "tplink.alias";
    /** {@code sw_ver}: "1.2.5 Build 171213 Rel.101523". */
    public static final String SOFTWARE_VERSION = "tplink.swVersion";
    /** {@code hw_ver}: "1.0". */
    public static final String HARDWARE_VERSION = "tplink.hwVersion";
    /** {@code dev_name}: "Wi-Fi Smart Plug With Energy Monitoring". */
    public static final String DEVICE_NAME = "tplink.devName";
    /** {@code type}, or {@code mic_type} on bulbs: "IOT.SMARTPLUGSWITCH", "IOT.SMARTBULB". */
    public static final String TYPE = "tplink.type";
    /** {@code mac}, or {@code mic_mac} on bulbs: "50:C7:BF:00:C7:03" (bulbs send "50C7BF00C703"). */
    public static final String MAC = "tplink.mac";
    /** {@code deviceId}: 40 hex digits naming the unit, "8006A2F3D3C05F8B5A1C0A1F7C9D4E0B1A2B3C4D". */
    public static final String DEVICE_ID = "tplink.deviceId";
    /** "true" when the response carries an {@code oemId} (the value, a per-OEM hex id, is not reported). */
    public static final String HAS_OEM_ID = "tplink.hasOemId";
    /** "true" when the response carries a {@code hwId} (the value, a per-hardware hex id, is not reported). */
    public static final String HAS_HW_ID = "tplink.hasHwId";
    /**
     * A command a Kasa client sent, as "module.method" for each method of each module of the request:
     * "system.get_sysinfo", "emeter.get_realtime". Describes the sender, a Kasa app or hub.
     */
    public static final String REQUEST = "tplink.request";

    /** Confidence of what a device states about itself. */
    public static final double STATED = 0.9;
    /** Confidence that the sender of a request is a Kasa client (it may be a scanner). */
    public static final double CLIENT = 0.7;

    private TplinkAttributes() {}
}
