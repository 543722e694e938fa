package io.osprey.dissect;

import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * Reports {@link Observation.Operation}s for one dissector. A dissector learns the two ends of an exchange once per
 * packet ({@link #between}) and then reports what it decoded:
 * <ul>
 *   <li>{@link #every}: operations that change a controller (a download, a stop, a restart, a factory reset) or say
 *   something went wrong (an exception, a malformed PDU), reported at each occurrence so that alerts carry true
 *   counts and times;</li>
 *   <li>{@link #once}: routine operations (a read of holding registers, a CIP Get Attribute), reported once per
 *   pair of ends, operation and detail, which is all a baseline needs, without an observation per poll.</li>
 * </ul>
 * Lookups are over primitive keys and allocate nothing; an observation is allocated only when it is reported.
 * Bounded: at {@link #MAX_ENTRIES} entries the "once" table is cleared, and routine operations may be reported again.
 */
public final class ReportedOperations {
    /** Distinct (pair, operation, detail) entries remembered: 64 Ki entries use about 5 MB. */
    public static final int MAX_ENTRIES = 1 << 16;
    /** Occurrences of one "every" operation per pair reported, after which it counts as routine. */
    public static final int MAX_OCCURRENCES = 1024;
    /** The operation every dissector reports for a PDU that breaks its protocol's framing or header. */
    public static final String MALFORMED = "malformed";
    /** The operation reporting the operating mode a controller states ("run", "stop"), as its detail. */
    public static final String MODE = "mode";
    /**
     * The summary {@link #flushPolling} reports for a routine operation repeated at least {@link #MIN_POLLS} times:
     * detail "fc-3 unit=1 start=0 count=10 every=1.000s n=3600" (the operation, its detail, the mean interval and
     * the count), at the time of the last occurrence.
     */
    public static final String POLLING = "polling";
    public static final int MIN_POLLS = 3;
    /** The prefix of the operation naming a one-octet function code: "fc-3" (Modbus, DNP3). */
    public static final String FUNCTION_CODE = "fc-";
    private static final String[] FUNCTION_CODES = new String[256];
    static {
        for (int i = 0; i < FUNCTION_CODES.length; i++) FUNCTION_CODES[i] = FUNCTION_CODE + i;
    }
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final String source;
    private final ActivityTable seen = new ActivityTable(64, MAX_ENTRIES);
    /** The operation first reported for each "once" entry, by table id, for the polling summaries. */
    private Observation.Operation[] firsts = new Observation.Operation[64];
    private long clientMac = Packet.NO_MAC, clientHi, clientLo, serverMac = Packet.NO_MAC, serverHi, serverLo, nanos;

    public ReportedOperations(String source) {
        this.source = source;
    }

    /** "fc-3": the operation naming a function code (its low 8 bits), from a table, so reporting allocates nothing. */
    public static String functionCode(int code) {
        return FUNCTION_CODES[code & 0xFF];
    }

    /** The ends of the exchange the next reports are about, and the packet's time. */
    public ReportedOperations between(long clientMac, long clientHi, long clientLo,
                                      long serverMac, long serverHi, long serverLo, long timestampNanos) {
        this.clientMac = clientMac;
        this.clientHi = clientHi;
        this.clientLo = clientLo;
        this.serverMac = serverMac;
        this.serverHi = serverHi;
        this.serverLo = serverLo;
        this.nanos = timestampNanos;
        return this;
    }

    /** The ends of {@code packet}, its source being the client when {@code fromClient}. */
    public ReportedOperations between(Packet packet, boolean fromClient) {
        return fromClient
                ? between(packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), packet.dstMac(), packet.dstIpHi(),
                        packet.dstIpLo(), packet.timestampNanos())
                : between(packet.dstMac(), packet.dstIpHi(), packet.dstIpLo(), packet.srcMac(), packet.srcIpHi(),
                        packet.srcIpLo(), packet.timestampNanos());
    }

    /** Reports an operation at each occurrence (up to {@link #MAX_OCCURRENCES} per pair, operation and detail). */
    public void every(ObservationSink sink, String operation, String detail) {
        int id = seen.add(pairKey(), serverKey(), keyOf(operation, detail == null ? 0 : detail.hashCode()) ^ 1);
        if (seen.packets(id) >= MAX_OCCURRENCES) return;
        seen.countId(id, nanos, 0);
        if (seen.full()) seen.clear();
        emit(sink, operation, detail == null ? "" : detail);
    }

    /** Reports a routine operation once per pair, operation and detail; later occurrences are only counted. */
    public boolean once(ObservationSink sink, String operation, ValueBuffer detail) {
        return once(sink, operation, detail.hash(), detail, null);
    }

    /** Reports a routine operation with no detail once per pair; later occurrences are only counted. */
    public boolean once(ObservationSink sink, String operation) {
        return once(sink, operation, 0, null, "");
    }

    private boolean once(ObservationSink sink, String operation, long detailHash, ValueBuffer detail, String text) {
        int id = seen.add(pairKey(), serverKey(), keyOf(operation, detailHash));
        seen.countId(id, nanos, 0);
        if (!seen.lastWasNew()) return false;
        if (seen.full()) {
            seen.clear();
            java.util.Arrays.fill(firsts, null);
            id = -1;
        }
        Observation.Operation o = emit(sink, operation, detail != null ? detail.text() : text);
        if (id >= 0) {
            if (id >= firsts.length) firsts = java.util.Arrays.copyOf(firsts, Math.max(id + 1, firsts.length * 2));
            firsts[id] = o;
        }
        return true;
    }

    /**
     * Reports, for each routine operation repeated at least {@link #MIN_POLLS} times, its mean interval: the
     * polling a baseline learns. Dissectors of polled protocols call it when the pipeline ends.
     */
    public void flushPolling(ObservationSink sink) {
        for (int id = 0; id < Math.min(seen.size(), firsts.length); id++) {
            Observation.Operation first = firsts[id];
            long n = seen.packets(id);
            if (first == null || n < MIN_POLLS) continue;
            double interval = (seen.last(id) - seen.first(id)) / 1e9 / (n - 1);
            String detail = first.operation() + (first.detail().isEmpty() ? "" : " " + first.detail())
                    + String.format(java.util.Locale.ROOT, " every=%.3fs n=%d", interval, n);
            sink.accept(new Observation.Operation(first.client(), first.server(), first.source(), POLLING, detail,
                    seen.last(id)));
        }
    }

    private long pairKey() { return (clientMac * MIX ^ clientHi) * MIX ^ clientLo; }

    private long serverKey() { return (serverMac * MIX ^ serverHi) * MIX ^ serverLo; }

    private static long keyOf(String operation, long detailHash) {
        return (operation.hashCode() * 0xC2B2AE3D27D4EB4FL ^ detailHash) << 1;
    }

    private Observation.Operation emit(ObservationSink sink, String operation, String detail) {
        Observation.Operation o = new Observation.Operation(new Host(clientMac, clientHi, clientLo),
                new Host(serverMac, serverHi, serverLo), source, operation, detail, nanos);
        sink.accept(o);
        return o;
    }
}
