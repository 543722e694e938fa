package io.osprey.dissect;

import java.util.Arrays;

/**
 * Per-key activity (first and last time, packets, bytes) over keys of three longs — a MAC, an IP, or a
 * (MAC, IP) pair — in an open-addressing table of primitive arrays, so counting a packet allocates nothing.
 * Also serves as a set: {@link #add} tells whether the key is new.
 *
 * <p>Bounded: past {@code maxEntries} the owner is expected to {@link #clear()} after emitting what it
 * holds (observers re-learn from later traffic; the inventory keeps the aggregate).
 */
public final class ActivityTable {
    private final int maxEntries;
    private long[] k0, k1, k2, first, last, packets, bytes;
    private boolean[] dirty;
    private int[] index;
    private int mask;
    private int size;
    private boolean lastWasNew;

    public ActivityTable(int initialCapacity, int maxEntries) {
        this.maxEntries = maxEntries;
        allocate(Math.max(16, Integer.highestOneBit(Math.max(16, initialCapacity))));
    }

    /** Finds or inserts the key; returns its id. {@link #lastWasNew()} tells which. */
    public int add(long a, long b, long c) {
        int h = hash(a, b, c);
        int slot = h & mask;
        while (true) {
            int id = index[slot] - 1;
            if (id < 0) break;
            if (k0[id] == a && k1[id] == b && k2[id] == c) {
                lastWasNew = false;
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (size == k0.length) {
            grow();
            return add(a, b, c);
        }
        int id = size++;
        k0[id] = a; k1[id] = b; k2[id] = c;
        first[id] = Long.MAX_VALUE; last[id] = Long.MIN_VALUE; packets[id] = 0; bytes[id] = 0; dirty[id] = false;
        index[slot] = id + 1;
        lastWasNew = true;
        return id;
    }

    /** Counts one packet of {@code length} bytes at {@code nanos} against the key; returns its id. */
    public int count(long a, long b, long c, long nanos, int length) {
        int id = add(a, b, c);
        countId(id, nanos, length);
        return id;
    }

    /** Counts one packet against an id returned by {@link #add} or {@link #count} since the last {@link #clear}. */
    public void countId(int id, long nanos, int length) {
        if (nanos < first[id]) first[id] = nanos;
        if (nanos > last[id]) last[id] = nanos;
        packets[id]++;
        bytes[id] += length;
        dirty[id] = true;
    }

    public boolean lastWasNew() { return lastWasNew; }
    public int size() { return size; }
    public boolean full() { return size >= maxEntries; }

    public long key0(int id) { return k0[id]; }
    public long key1(int id) { return k1[id]; }
    public long key2(int id) { return k2[id]; }
    public long first(int id) { return first[id]; }
    public long last(int id) { return last[id]; }
    public long packets(int id) { return packets[id]; }
    public long bytes(int id) { return bytes[id]; }
    /** True when the key counted packets since {@link #markClean}. */
    public boolean dirty(int id) { return dirty[id]; }

    /** Starts a new window for the key: counters restart, the key stays. */
    public void markClean(int id) {
        dirty[id] = false;
        first[id] = Long.MAX_VALUE;
        last[id] = Long.MIN_VALUE;
        packets[id] = 0;
        bytes[id] = 0;
    }

    public void clear() {
        Arrays.fill(index, 0);
        size = 0;
    }

    private void allocate(int cap) {
        k0 = new long[cap]; k1 = new long[cap]; k2 = new long[cap];
        first = new long[cap]; last = new long[cap]; packets = new long[cap]; bytes = new long[cap];
        dirty = new boolean[cap];
        index = new int[cap * 2];
        mask = index.length - 1;
    }

    private void grow() {
        int cap = k0.length * 2;
        k0 = Arrays.copyOf(k0, cap); k1 = Arrays.copyOf(k1, cap); k2 = Arrays.copyOf(k2, cap);
        first = Arrays.copyOf(first, cap); last = Arrays.copyOf(last, cap);
        packets = Arrays.copyOf(packets, cap); bytes = Arrays.copyOf(bytes, cap);
        dirty = Arrays.copyOf(dirty, cap);
        index = new int[cap * 2];
        mask = index.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(k0[id], k1[id], k2[id]) & mask;
            while (index[slot] != 0) slot = (slot + 1) & mask;
            index[slot] = id + 1;
        }
    }

    private static int hash(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(b * 0xC2B2AE3D27D4EB4FL, 29) ^ c * 0x165667B19E3779F9L;
        h ^= h >>> 32;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 29;
        return (int) h;
    }
}
