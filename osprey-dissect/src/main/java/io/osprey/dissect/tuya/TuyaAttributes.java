package io.osprey.dissect.tuya;

/**
 * Attribute names of Tuya local-protocol observations: the discovery broadcast a Tuya-based device (plug, bulb,
 * sensor, hub) sends every few seconds, {"ip":"192.168.1.50","gwId":"bf3a5e0c7e8f1d2a4bxxxx","active":2,
 * "ability":0,"mode":0,"encrypt":true,"productKey":"keyjup78v54myhan","version":"3.3"}. Every fact is about the
 * sender. Values are the JSON strings as sent.
 */
public final class TuyaAttributes {
    /** {@code gwId}: the device id in the Tuya cloud, "bf3a5e0c7e8f1d2a4bxxxx" (20–22 characters). */
    public static final String DEVICE_ID = "tuya.gwId";
    /** {@code productKey}: names the product (model) in Tuya's catalogue, "keyjup78v54myhan". */
    public static final String PRODUCT_KEY = "tuya.productKey";
    /**
     * Protocol version: the broadcast's {@code version} ("3.1", "3.3", "3.4"), or "3.5" inferred from the 0x6699
     * frame prefix, which only protocol 3.5 uses and whose AES-GCM payload is not decrypted.
     */
    public static final String VERSION = "tuya.version";
    /** {@code ip}: the address the device states as its own, "192.168.1.50". */
    public static final String IP = "tuya.ip";

    /** Confidence of what a device states about itself. */
    public static final double STATED = 0.9;
    /** Confidence of the version inferred from the frame prefix. */
    public static final double INFERRED = 0.6;

    private TuyaAttributes() {}
}
