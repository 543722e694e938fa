package io.osprey.dissect.dnp3;

/**
 * One flag per outstation (a 64-bit key), in a primitive open-addressed table: whether its last response carried
 * IIN1.7 DEVICE_RESTART. A restart is the flag going from clear (or unknown) to set; an outstation whose master
 * never clears the bit repeats it in every response, which is one restart, not thousands. Bounded: when full the
 * table is cleared, and an outstation still restarting is reported once more.
 */
final class RestartFlags {
    static final int CAPACITY = 1 << 12;
    private static final long EMPTY = 0;
    private final long[] keys = new long[CAPACITY * 2];
    private final boolean[] flags = new boolean[CAPACITY * 2];
    private int size;

    /** Records the outstation's flag; returns true when it changed (a first sighting counts as a change). */
    boolean set(long key, boolean flag) {
        long k = key == EMPTY ? 1 : key;
        int mask = keys.length - 1;
        int slot = (int) (k * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (keys[slot] != EMPTY && keys[slot] != k) slot = (slot + 1) & mask;
        if (keys[slot] == k) {
            boolean changed = flags[slot] != flag;
            flags[slot] = flag;
            return changed;
        }
        if (size >= CAPACITY) {
            java.util.Arrays.fill(keys, EMPTY);
            size = 0;
            return set(key, flag);
        }
        keys[slot] = k;
        flags[slot] = flag;
        size++;
        return true;
    }
}
