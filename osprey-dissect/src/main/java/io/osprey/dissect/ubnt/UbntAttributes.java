package io.osprey.dissect.ubnt;

/**
 * Attribute names of Ubiquiti discovery protocol observations, one per TLV a device sends about itself. Example
 * values are those of a UniFi Security Gateway (ndpi ubntac2.pcap).
 */
public final class UbntAttributes {
    /** TLV 0x03, the full firmware string: "UniFiSecurityGateway.ER-e120.v4.3.33.4936086.161203.2031". */
    public static final String FIRMWARE = "ubnt.firmware";
    /** TLV 0x16, the firmware version alone: "4.3.33.4936086". */
    public static final String FIRMWARE_VERSION = "ubnt.firmwareVersion";
    /** TLV 0x0b: the device's host name, "ubnt". */
    public static final String HOSTNAME = "ubnt.hostname";
    /** TLV 0x0c, the platform (short model code): "UGW3". */
    public static final String PLATFORM = "ubnt.platform";
    /** TLV 0x15, the model: "UGW3"; airOS devices send names such as "NanoStation loco M5". */
    public static final String MODEL = "ubnt.model";
    /** TLV 0x14, the long model name some (version 1) devices send: "UAP-AC-Pro-Gen2". */
    public static final String MODEL_FULL = "ubnt.modelFull";
    /** TLV 0x0d: the wireless network an access point or station serves or joined, "office". */
    public static final String ESSID = "ubnt.essid";

    /** Confidence of what a device states about itself. */
    public static final double STATED = 0.9;

    private UbntAttributes() {}
}
