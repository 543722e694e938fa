package io.osprey.inventory.classify;

/** The device fields a classification rule may set, named as in the scan output contract. */
public enum DeviceField {
    VENDOR("vendor"),
    MODEL("model"),
    DEVICE_TYPE("deviceType"),
    DEVICE_SUBTYPE("deviceSubtype"),
    OS_PLATFORM("osPlatform"),
    OS_VERSION("osVersion"),
    FIRMWARE_VERSION("firmwareVersion"),
    DEVICE_NAME("deviceName"),
    SERIAL_NUMBER("serialNumber");

    private final String jsonName;

    DeviceField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() { return jsonName; }

    /** The field named {@code name} as in the contract ("deviceType"), or null. */
    public static DeviceField byName(String name) {
        for (DeviceField f : values()) if (f.jsonName.equals(name)) return f;
        return null;
    }
}
