package io.osprey.inventory;

import java.util.List;
import java.util.SortedSet;

/**
 * One device of the inventory, as a snapshot: the fields of the scan output contract
 * (../shared/contracts/scan-output.schema.json). A field that is not known is null, never a guess.
 *
 * @param deviceId stable across runs over the same traffic: {@code mac-<12 hex digits>} for a local device,
 *     {@code ip-<address>} for a routed one
 * @param firstSeenNanos capture time of its first packet, nanoseconds since the epoch
 */
public record Device(
        String deviceId,
        String macAddress,
        List<String> ipAddresses,
        String vendor,
        String deviceName,
        String deviceCategory,
        String deviceType,
        String deviceSubtype,
        String model,
        String osPlatform,
        String osVersion,
        String firmwareVersion,
        String serialNumber,
        SortedSet<String> protocols,
        SortedSet<ServiceEntry> services,
        long firstSeenNanos,
        long lastSeenNanos,
        Boolean randomizedMac,
        NetworkLocation networkLocation,
        long packets,
        long bytes,
        List<Evidence> evidence) {

    /** True when {@code key} (a MAC, an IP or a device id, any case) names this device. */
    public boolean matches(String key) {
        String k = key.trim().toLowerCase(java.util.Locale.ROOT);
        return k.equals(deviceId) || k.equals(macAddress) || k.replace('-', ':').equals(macAddress)
                || ipAddresses.contains(k);
    }
}
