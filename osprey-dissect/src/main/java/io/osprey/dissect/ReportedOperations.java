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
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final String source;
    private final ActivityTable seen = new ActivityTable(64, MAX_ENTRIES);
    private long clientMac = Packet.NO_MAC, clientHi, clientLo, serverMac = Packet.NO_MAC, serverHi, serverLo, nanos;

    public ReportedOperations(String source) {
        this.source = source;
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

    /** Reports a routine operation once per pair, operation and detail. */
    public boolean once(ObservationSink sink, String operation, ValueBuffer detail) {
        seen.add(pairKey(), serverKey(), keyOf(operation, detail.hash()));
        if (!seen.lastWasNew()) return false;
        if (seen.full()) seen.clear();
        emit(sink, operation, detail.text());
        return true;
    }

    /** Reports a routine operation with no detail once per pair. */
    public boolean once(ObservationSink sink, String operation) {
        seen.add(pairKey(), serverKey(), keyOf(operation, 0));
        if (!seen.lastWasNew()) return false;
        if (seen.full()) seen.clear();
        emit(sink, operation, "");
        return true;
    }

    private long pairKey() { return (clientMac * MIX ^ clientHi) * MIX ^ clientLo; }

    private long serverKey() { return (serverMac * MIX ^ serverHi) * MIX ^ serverLo; }

    private static long keyOf(String operation, long detailHash) {
        return (operation.hashCode() * 0xC2B2AE3D27D4EB4FL ^ detailHash) << 1;
    }

    private void emit(ObservationSink sink, String operation, String detail) {
        sink.accept(new Observation.Operation(new Host(clientMac, clientHi, clientLo),
                new Host(serverMac, serverHi, serverLo), source, operation, detail, nanos));
    }
}
