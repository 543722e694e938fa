package io.osprey.inventory.oui;

import java.util.Arrays;

/**
 * The assignments of one registry: ascending prefixes and, at the same index, the vendor's position in the
 * registry's name table. Binary search over a primitive array: no allocation, no boxing per lookup.
 */
final class PrefixTable {
    private final Registry registry;
    private final int shift;
    private final long[] prefixes;
    private final int[] vendorIndexes;

    /** Takes ownership of the arrays; {@code prefixes} must be ascending and unique. */
    PrefixTable(Registry registry, long[] prefixes, int[] vendorIndexes) {
        if (prefixes.length != vendorIndexes.length) throw new IllegalArgumentException("length mismatch");
        this.registry = registry;
        this.shift = MacAddress.BITS - registry.prefixBits();
        this.prefixes = prefixes;
        this.vendorIndexes = vendorIndexes;
    }

    Registry registry() { return registry; }

    int size() { return prefixes.length; }

    long prefix(int index) { return prefixes[index]; }

    int vendorIndex(int index) { return vendorIndexes[index]; }

    /** Index of the assignment {@code mac} falls in, or a negative number. */
    int indexOf(long mac) {
        return Arrays.binarySearch(prefixes, (mac & MacAddress.MASK) >>> shift);
    }
}
