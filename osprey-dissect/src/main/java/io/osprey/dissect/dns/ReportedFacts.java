package io.osprey.dissect.dns;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Host;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.packet.decode.Packet;

/**
 * What a dissector has already reported, so that each attribute value, binding and service is reported once:
 * observations are for novelty, not one per packet. Lookups are over primitive keys and allocate nothing; an
 * observation is allocated only when it is new.
 *
 * <p>An attribute value is keyed by its host, the attribute and a 64-bit hash of the value octets (a collision
 * would hide one value, at odds of about 2^-64 per pair). The host is its MAC alone when {@code keyByMac} and the
 * MAC is known, which suits link-local protocols (mDNS, LLMNR, NetBIOS), where the frame's source is the host
 * itself and one device speaking from an IPv4 and an IPv6 address is still one device; otherwise it is the
 * (MAC, IP) pair. Attributes with a per-host cap (the names a host queries) stop at the cap.
 *
 * <p>Bounded: at {@link #MAX_FACTS} entries a table is cleared and facts are re-learned from later traffic,
 * which may report a value again; the inventory keeps the aggregate.
 */
public final class ReportedFacts {
    /** Entries per table before it is cleared: 64 Ki facts use about 5 MB. */
    public static final int MAX_FACTS = 1 << 16;

    private final String source;
    private final boolean keyByMac;
    private final ActivityTable facts = new ActivityTable(256, MAX_FACTS);
    private final ActivityTable valuesPerHost = new ActivityTable(64, MAX_FACTS);
    private final ActivityTable bindings = new ActivityTable(64, MAX_FACTS);
    private final ActivityTable services = new ActivityTable(64, MAX_FACTS);

    public ReportedFacts(String source, boolean keyByMac) {
        this.source = source;
        this.keyByMac = keyByMac;
    }

    public String source() { return source; }

    /** Reports {@code attribute = value} about the host once; returns true when it was new. */
    public boolean attribute(ObservationSink sink, long mac, long ipHi, long ipLo, String attribute,
                             ValueBuffer value, double confidence, long timestampNanos) {
        return attribute(sink, mac, ipHi, ipLo, attribute, value, Integer.MAX_VALUE, confidence, timestampNanos);
    }

    /**
     * Reports {@code attribute = value} about the host once, and at most {@code maxValuesPerHost} distinct values
     * of the attribute per host; returns true when it was reported.
     */
    public boolean attribute(ObservationSink sink, long mac, long ipHi, long ipLo, String attribute,
                             ValueBuffer value, int maxValuesPerHost, double confidence, long timestampNanos) {
        if (value.isEmpty()) return false;
        boolean byMac = keyByMac && mac != Packet.NO_MAC;
        long k0 = mac;
        long k1 = byMac ? 0 : ipHi * 0x9E3779B97F4A7C15L ^ ipLo;
        long attributeHash = attribute.hashCode() * 0xC2B2AE3D27D4EB4FL;
        facts.add(k0, k1, value.hash() ^ attributeHash);
        if (!facts.lastWasNew()) return false;
        if (maxValuesPerHost != Integer.MAX_VALUE) {
            int id = valuesPerHost.add(k0, k1, attributeHash);
            if (valuesPerHost.packets(id) >= maxValuesPerHost) return false;
            valuesPerHost.countId(id, timestampNanos, 0);
            if (valuesPerHost.full()) valuesPerHost.clear();
        }
        if (facts.full()) facts.clear();
        sink.accept(new Observation.Attribute(new Host(mac, ipHi, ipLo), attribute, value.text(), source, confidence,
                timestampNanos));
        return true;
    }

    /** Reports that {@code mac} uses the address once; the caller has checked that the protocol states it. */
    public boolean binding(ObservationSink sink, long mac, long ipHi, long ipLo, long timestampNanos) {
        if (mac == Packet.NO_MAC || ipHi == 0 && ipLo == 0) return false;
        bindings.add(mac, ipHi, ipLo);
        if (!bindings.lastWasNew()) return false;
        if (bindings.full()) bindings.clear();
        sink.accept(new Observation.Binding(mac, ipHi, ipLo, source, timestampNanos));
        return true;
    }

    /** Reports once that the host serves {@code port} over {@code transport}, speaking {@code protocol}. */
    public boolean service(ObservationSink sink, long mac, long ipHi, long ipLo, int port,
                           Observation.Transport transport, String protocol, long timestampNanos) {
        if (!newService(ipHi, ipLo, port, transport)) return false;
        sink.accept(new Observation.Service(new Host(mac, ipHi, ipLo), port, transport, protocol, source,
                timestampNanos));
        return true;
    }

    /** As {@link #service(ObservationSink, long, long, long, int, Observation.Transport, String, long)}, with the
     * protocol name in a buffer that becomes a String only when the service is new. */
    public boolean service(ObservationSink sink, long mac, long ipHi, long ipLo, int port,
                           Observation.Transport transport, ValueBuffer protocol, long timestampNanos) {
        if (!newService(ipHi, ipLo, port, transport)) return false;
        sink.accept(new Observation.Service(new Host(mac, ipHi, ipLo), port, transport,
                protocol.isEmpty() ? null : protocol.text(), source, timestampNanos));
        return true;
    }

    private boolean newService(long ipHi, long ipLo, int port, Observation.Transport transport) {
        if (ipHi == 0 && ipLo == 0) return false;
        services.add(ipHi, ipLo, (long) port << 8 | transport.ordinal());
        if (!services.lastWasNew()) return false;
        if (services.full()) services.clear();
        return true;
    }
}
