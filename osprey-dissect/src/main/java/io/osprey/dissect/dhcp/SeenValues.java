package io.osprey.dissect.dhcp;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Payload;

/**
 * The (host, attribute, value) triples already reported, so each is observed once: observations are for
 * novelty. Values are keyed by a 64-bit hash of their wire bytes, computed in place, so a packet that
 * repeats what is known allocates nothing. Bounded: when full the set starts over, and the values seen
 * after that are reported again (harmless: the inventory merges them).
 */
public final class SeenValues {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private final ActivityTable seen;

    public SeenValues(int maxEntries) {
        seen = new ActivityTable(256, maxEntries);
    }

    /** True the first time this host (MAC, IP) is seen with this value key. */
    public boolean firstTime(long mac, long ipHi, long ipLo, long valueKey) {
        seen.add(mac, ipHi * 0x9E3779B97F4A7C15L ^ ipLo, valueKey);
        if (!seen.lastWasNew()) return false;
        if (seen.full()) seen.clear();
        return true;
    }

    /** A key for attribute number {@code attribute} with the value held in {@code n} bytes at {@code at}. */
    public static long key(int attribute, Payload p, int at, int n) {
        long h = FNV_OFFSET ^ (long) attribute << 48 ^ n;
        for (int i = 0; i < n; i++) {
            int b = p.u8(at + i);
            if (b < 0) break;
            h = (h ^ b) * FNV_PRIME;
        }
        return mix(h);
    }

    /** A key for attribute number {@code attribute} with a numeric value (an address, a code, a hash). */
    public static long key(int attribute, long value) {
        return mix(mix(value) + attribute * 0x9E3779B97F4A7C15L);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
