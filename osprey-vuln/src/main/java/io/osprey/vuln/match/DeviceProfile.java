package io.osprey.vuln.match;

/**
 * What the inventory knows of a device, as plain strings; any of them may be {@code null}.
 * {@code model} is the marketing or part name as observed ("DCS-930LB", "CPU 315-2 PN/DP", "1756-ENBT/A").
 */
public record DeviceProfile(String vendor, String model, String firmwareVersion, String osPlatform,
                            String osVersion, String deviceType, String deviceCategory) {

    public static DeviceProfile of(String vendor, String model, String firmwareVersion) {
        return new DeviceProfile(vendor, model, firmwareVersion, null, null, null, null);
    }
}
