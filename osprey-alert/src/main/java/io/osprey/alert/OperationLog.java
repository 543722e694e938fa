package io.osprey.alert;

import io.osprey.dissect.Host;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link Observation.Operation} of a run, aggregated by (client, server, protocol, operation, detail): the raw
 * material of the baseline, the alerts and the OT communication map. Other observations are ignored, so the log can
 * sit beside the inventory as a second sink.
 *
 * <p>Bounded: after {@link #MAX_ENTRIES} distinct entries new kinds are counted as dropped, never stored; the
 * dissectors already report routine operations once per pair, so only a scan of a very large network gets there.
 */
public final class OperationLog implements ObservationSink {
    public static final int MAX_ENTRIES = 1 << 20;

    private record Key(Host client, Host server, String source, String operation, String detail) {}

    private final Map<Key, LoggedOperation> entries = new HashMap<>();
    private List<LoggedOperation> sorted;
    private long dropped;

    @Override
    public void accept(Observation observation) {
        if (observation instanceof Observation.Operation o) add(o);
    }

    public void add(Observation.Operation o) {
        Key key = new Key(o.client(), o.server(), o.source(), o.operation(), o.detail());
        LoggedOperation entry = entries.get(key);
        if (entry == null) {
            if (entries.size() >= MAX_ENTRIES) {
                dropped++;
                return;
            }
            entry = new LoggedOperation(o.client(), o.server(), o.source(), o.operation(), o.detail());
            entries.put(key, entry);
            sorted = null;
        }
        entry.occurred(o.timestampNanos());
    }

    /**
     * The log split at a capture time: the occurrences before {@code cutoffNanos} and those at or after it. Counts
     * past the times an entry keeps ({@link LoggedOperation#MAX_TIMES}) go to the later part.
     */
    public OperationLog[] split(long cutoffNanos) {
        OperationLog before = new OperationLog(), after = new OperationLog();
        entries.forEach((key, e) -> {
            long[] times = e.times();
            long early = 0;
            for (long t : times) {
                if (t < cutoffNanos) {
                    before.entry(key, e).occurred(t);
                    early++;
                }
            }
            LoggedOperation late = null;
            for (long t : times) {
                if (t >= cutoffNanos) (late = after.entry(key, e)).occurred(t);
            }
            for (long n = e.count() - times.length; n > 0; n--) (late = after.entry(key, e)).occurred(e.last());
            if (late == null && early == 0) after.entry(key, e).occurred(e.last());
        });
        return new OperationLog[] {before, after};
    }

    private LoggedOperation entry(Key key, LoggedOperation like) {
        sorted = null;
        return entries.computeIfAbsent(key, k -> new LoggedOperation(like.client(), like.server(), like.source(),
                like.operation(), like.detail()));
    }

    /**
     * The entries by their first occurrence (then by protocol, operation and detail, so the order is the same in
     * every run); an unmodifiable list, sorted once until the log changes.
     */
    public List<LoggedOperation> entries() {
        if (sorted == null) {
            List<LoggedOperation> list = new ArrayList<>(entries.values());
            list.sort(Comparator.comparingLong(LoggedOperation::first).thenComparing(LoggedOperation::source)
                    .thenComparing(LoggedOperation::operation).thenComparing(LoggedOperation::detail));
            sorted = Collections.unmodifiableList(list);
        }
        return sorted;
    }

    public int size() { return entries.size(); }

    /** Operations not kept because the log was full. */
    public long dropped() { return dropped; }
}
