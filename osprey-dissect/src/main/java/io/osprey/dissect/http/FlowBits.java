package io.osprey.dissect.http;

import io.osprey.dissect.FlowView;

import java.util.Arrays;

/**
 * A few bits of state per flow ("a USER command was seen", "a login prompt was sent", "this session was reported"),
 * as {@link FlowMarks} keeps one: indexed by flow id, and told apart from an earlier flow that had the same id by
 * the flow's first-seen time. Grows only to the flow table's highest id, so it is bounded by the table. A packet in
 * no flow has no state: {@link #get} is 0 and {@link #set} does nothing.
 */
public final class FlowBits {
    private long[] firstSeen = new long[0];
    private int[] bits = new int[0];

    /** The flow's bits, 0 for a flow never set. */
    public int get(FlowView flow) {
        int id = flow.id();
        return id >= 0 && id < firstSeen.length && firstSeen[id] == flow.firstSeen() ? bits[id] : 0;
    }

    /** True when all of {@code mask} is set for the flow. */
    public boolean has(FlowView flow, int mask) {
        return (get(flow) & mask) == mask;
    }

    /** Sets {@code mask} for the flow; returns false when it was all set already (or the packet is in no flow). */
    public boolean set(FlowView flow, int mask) {
        int id = slot(flow);
        if (id < 0 || (bits[id] & mask) == mask) return false;
        bits[id] |= mask;
        return true;
    }

    /** Clears {@code mask} for the flow. */
    public void clear(FlowView flow, int mask) {
        int id = slot(flow);
        if (id >= 0) bits[id] &= ~mask;
    }

    /** The flow's slot, started empty when the id was last used by another flow; -1 for no flow. */
    private int slot(FlowView flow) {
        int id = flow.id();
        if (id < 0) return -1;
        if (id >= firstSeen.length) {
            int size = Math.max(id + 1, Math.max(64, firstSeen.length * 2));
            firstSeen = Arrays.copyOf(firstSeen, size);
            bits = Arrays.copyOf(bits, size);
        }
        long first = flow.firstSeen();
        if (firstSeen[id] != first || bits[id] == 0) {
            firstSeen[id] = first;
            bits[id] = 0;
        }
        return id;
    }
}
