package io.osprey.alert;

import io.osprey.dissect.Host;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;

import java.util.ArrayList;
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
        }
        entry.occurred(o.timestampNanos());
    }

    /** The entries, in no particular order. */
    public List<LoggedOperation> entries() { return new ArrayList<>(entries.values()); }

    public int size() { return entries.size(); }

    /** Operations not kept because the log was full. */
    public long dropped() { return dropped; }
}
