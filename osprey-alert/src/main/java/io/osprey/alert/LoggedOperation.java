package io.osprey.alert;

import io.osprey.dissect.Host;

import java.util.Arrays;

/**
 * One kind of operation between two ends, as the {@link OperationLog} aggregates it: who asked whom to do what, when
 * first and last, how many times, and the times of the first occurrences (for windowed thresholds and evidence).
 */
public final class LoggedOperation {
    /** Occurrence times kept per entry: enough for any threshold of the catalogue and a readable evidence list. */
    public static final int MAX_TIMES = 256;

    private final Host client, server;
    private final String source, operation, detail;
    private long first = Long.MAX_VALUE, last = Long.MIN_VALUE, count;
    private long[] times = new long[2];
    private int kept;

    LoggedOperation(Host client, Host server, String source, String operation, String detail) {
        this.client = client;
        this.server = server;
        this.source = source;
        this.operation = operation;
        this.detail = detail;
    }

    void occurred(long nanos) {
        first = Math.min(first, nanos);
        last = Math.max(last, nanos);
        count++;
        if (kept == MAX_TIMES) return;
        if (kept == times.length) times = Arrays.copyOf(times, Math.min(MAX_TIMES, kept * 2));
        times[kept++] = nanos;
    }

    public Host client() { return client; }
    public Host server() { return server; }
    public String source() { return source; }
    public String operation() { return operation; }
    public String detail() { return detail; }
    public long first() { return first; }
    public long last() { return last; }
    public long count() { return count; }

    /** The first occurrence times (at most {@link #MAX_TIMES}), in the order seen. */
    public long[] times() { return Arrays.copyOf(times, kept); }
}
