package io.osprey.dissect.dns;

import java.util.Arrays;

/**
 * The names proven to resolve to an address by a message from that address ({@link SelfNames}), remembered across
 * messages so that an SRV record of a later announcement from the same address can be credited to it. A fixed
 * open-addressing set of 64-bit keys (address and name hash mixed; a collision would credit one wrong SRV, at odds
 * of about 2^-64), cleared when half full: forgetting costs only a later re-proof.
 */
final class OwnNames {
    private final long[] keys;
    private final int mask;
    private final int maxSize;
    private int size;

    /** {@code capacity} is rounded up to a power of two; the set holds up to half of it. */
    OwnNames(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity - 1) << 1);
        keys = new long[cap];
        mask = cap - 1;
        maxSize = cap / 2;
    }

    void add(long ipHi, long ipLo, long nameHash) {
        long k = key(ipHi, ipLo, nameHash);
        int slot = slot(k);
        while (keys[slot] != 0) {
            if (keys[slot] == k) return;
            slot = (slot + 1) & mask;
        }
        if (size == maxSize) {
            Arrays.fill(keys, 0);
            size = 0;
            slot = slot(k);
        }
        keys[slot] = k;
        size++;
    }

    boolean contains(long ipHi, long ipLo, long nameHash) {
        long k = key(ipHi, ipLo, nameHash);
        for (int slot = slot(k); keys[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == k) return true;
        }
        return false;
    }

    int size() { return size; }

    /** Never 0, the empty-slot marker. */
    private static long key(long ipHi, long ipLo, long nameHash) {
        long k = (ipHi * 0xC2B2AE3D27D4EB4FL ^ ipLo) * 0x9E3779B97F4A7C15L ^ nameHash;
        return k == 0 ? 1 : k;
    }

    private int slot(long k) {
        return (int) (k ^ k >>> 29 ^ k >>> 47) & mask;
    }
}
