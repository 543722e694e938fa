package io.osprey.dissect.http;

import io.osprey.dissect.FlowView;

import java.util.Arrays;

/**
 * One bit of state per flow ("this connection's first request was read", "this session's banner was
 * reported"), without a set: indexed by flow id, and told apart from an earlier flow that had the same id by the
 * flow's first-seen time. Grows only to the flow table's highest id, so it is bounded by the table.
 */
public final class FlowMarks {
    private static final long UNMARKED = Long.MIN_VALUE;
    private long[] firstSeen = new long[0];

    /** True when the flow is marked. */
    public boolean isMarked(FlowView flow) {
        int id = flow.id();
        return id >= 0 && id < firstSeen.length && firstSeen[id] == flow.firstSeen();
    }

    /** Marks the flow; returns false when it was already marked. */
    public boolean mark(FlowView flow) {
        int id = flow.id();
        if (id < 0) return true;
        if (id >= firstSeen.length) {
            int old = firstSeen.length;
            firstSeen = Arrays.copyOf(firstSeen, Math.max(id + 1, Math.max(64, old * 2)));
            Arrays.fill(firstSeen, old, firstSeen.length, UNMARKED);
        }
        if (firstSeen[id] == flow.firstSeen()) return false;
        firstSeen[id] = flow.firstSeen();
        return true;
    }
}
