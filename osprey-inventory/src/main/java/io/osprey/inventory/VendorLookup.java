package io.osprey.inventory;

/** Maps a MAC address to its registered organisation, or null (unknown, randomized or group address). */
@FunctionalInterface
public interface VendorLookup {
    String vendor(long mac);

    VendorLookup NONE = mac -> null;
}
