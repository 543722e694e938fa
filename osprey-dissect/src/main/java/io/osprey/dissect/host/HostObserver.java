package io.osprey.dissect.host;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Attributes;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Host;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;

/**
 * Link- and IP-layer observations from every packet's headers:
 * <ul>
 *   <li>MACs seen, with their activity (first and last packet, packets and bytes sent);</li>
 *   <li>IP-to-MAC bindings from local traffic: the frame's source MAC and the packet's source IP;</li>
 *   <li>gateway MACs: a MAC that sends packets from many IP sources forwards them for others;</li>
 *   <li>activity per private source IP, for hosts beyond a router (whose frames carry the router's MAC).</li>
 * </ul>
 *
 * <p>A gateway is a MAC seen sending from at least {@value #GATEWAY_IPV4_SOURCES} distinct IPv4 sources or
 * from {@value #GATEWAY_IPV6_PREFIXES} distinct IPv6 /64 prefixes. One host rarely holds more than two IPv4
 * addresses, and its IPv6 privacy addresses (RFC 8981) share one /64, so this tells routers from multi-homed
 * hosts. Link-local and unspecified sources (DHCP discovery from 0.0.0.0) do not count.
 */
public final class HostObserver implements Dissector {
    static final int GATEWAY_IPV4_SOURCES = 3;
    static final int GATEWAY_IPV6_PREFIXES = 3;
    private static final int MAX_ENTRIES = 1 << 20;
    private static final String SOURCE_MAC = "ethernet";
    private static final String SOURCE_IP = "ip";

    private final ActivityTable macs = new ActivityTable(1024, MAX_ENTRIES);
    private final ActivityTable ips = new ActivityTable(1024, MAX_ENTRIES);
    /** The (MAC, IP) source pairs seen: a set. */
    private final ActivityTable bindings = new ActivityTable(1024, MAX_ENTRIES);
    /** The (MAC, IPv6 /64 prefix) pairs seen: a set. */
    private final ActivityTable v6Prefixes = new ActivityTable(1024, MAX_ENTRIES);
    /** Per source MAC: an id into the counters below. */
    private final ActivityTable sourceMacs = new ActivityTable(1024, MAX_ENTRIES);
    private int[] v4Sources = new int[1024];
    private int[] v6Sources = new int[1024];
    private boolean[] gateway = new boolean[1024];

    /** Per MAC id: the protocols already reported, one bit per entry of PROTOCOL_NAMES. */
    private int[] protocolBits = new int[1024];
    private static final String[] PROTOCOL_NAMES = {"ipv4", "ipv6", "tcp", "udp", "icmp", "icmpv6"};
    private static final int ALL_PROTOCOLS = (1 << PROTOCOL_NAMES.length) - 1;

    // A direct-mapped cache of recent (MAC, IP) sources and their ids in the tables above (see countCached).
    private static final int CACHE_BITS = 12;
    private final long[] cacheMac = new long[1 << CACHE_BITS];
    private final long[] cacheHi = new long[1 << CACHE_BITS];
    private final long[] cacheLo = new long[1 << CACHE_BITS];
    private final int[] cacheMacId = new int[1 << CACHE_BITS];
    private final int[] cacheIpId = new int[1 << CACHE_BITS];
    private final int[] cacheGeneration = new int[1 << CACHE_BITS];
    /** Bumped whenever a table is cleared, which invalidates every cached id; starts at 1 so empty slots miss. */
    private int generation = 1;

    @Override
    public String name() {
        return "host";
    }

    @Override
    public Interest interest() {
        return Interest.forAllPackets();
    }

    @Override
    public void dissect(Packet p, Payload payload, FlowView flow, ObservationSink sink) {
        long mac = p.srcMac();
        long now = p.timestampNanos();
        boolean unicastMac = mac != Packet.NO_MAC && !Addresses.isMulticastMac(mac);
        if (!p.isIp()) {
            if (unicastMac) macs.count(mac, 0, 0, now, p.wireLength());
            return;
        }
        long hi = p.srcIpHi(), lo = p.srcIpLo();
        int slot = cacheSlot(mac, lo);
        if (cacheMac[slot] == mac && cacheLo[slot] == lo && cacheHi[slot] == hi && cacheGeneration[slot] == generation) {
            countCached(slot, p, now, sink);
            return;
        }
        int macId = -1, ipId = -1;
        if (unicastMac) {
            macId = macs.count(mac, 0, 0, now, p.wireLength());
        }
        boolean hostIp = !Addresses.isUnspecified(hi, lo) && !Addresses.isMulticast(hi, lo);
        // Activity per IP for private sources (hosts behind a router), and for any source whose frame carries the
        // all-zero MAC of an anonymised capture, where the IP is the only name a host has.
        if (hostIp && (mac == 0 || Addresses.isPrivate(hi, lo)) && !Addresses.isLoopback(hi, lo)) {
            ipId = ips.count(hi, lo, 0, now, p.wireLength());
        }
        if (unicastMac && hostIp) {
            bindings.add(mac, hi, lo);
            if (bindings.lastWasNew() && !countSource(mac, hi, lo, now, sink)) {
                sink.accept(new Observation.Binding(mac, hi, lo, SOURCE_IP, now));
            }
        }
        cacheMac[slot] = mac;
        cacheHi[slot] = hi;
        cacheLo[slot] = lo;
        cacheMacId[slot] = macId;
        cacheIpId[slot] = ipId;
        cacheGeneration[slot] = generation;
        if (macId >= 0) protocols(macId, mac, p, now, sink);
    }

    /**
     * The common case: a (MAC, IP) source seen before, whose table ids are cached. A small direct-mapped cache
     * in front of the tables keeps the working set of active hosts in the CPU cache, so a packet of a known host
     * costs two counter updates instead of three hash lookups.
     */
    private void countCached(int slot, Packet p, long now, ObservationSink sink) {
        int macId = cacheMacId[slot], ipId = cacheIpId[slot];
        if (macId >= 0) {
            macs.countId(macId, now, p.wireLength());
            protocols(macId, cacheMac[slot], p, now, sink);
        }
        if (ipId >= 0) ips.countId(ipId, now, p.wireLength());
    }

    private static int cacheSlot(long mac, long lo) {
        long h = (mac ^ Long.rotateLeft(lo, 23)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> (64 - CACHE_BITS));
    }

    /** Counts a new source IP of {@code mac}; returns true when the MAC is a gateway (its bindings are not emitted). */
    private boolean countSource(long mac, long hi, long lo, long now, ObservationSink sink) {
        int id = sourceMacs.add(mac, 0, 0);
        if (id >= gateway.length) {
            int n = gateway.length * 2;
            v4Sources = java.util.Arrays.copyOf(v4Sources, n);
            v6Sources = java.util.Arrays.copyOf(v6Sources, n);
            gateway = java.util.Arrays.copyOf(gateway, n);
        }
        if (sourceMacs.lastWasNew()) {
            v4Sources[id] = 0;
            v6Sources[id] = 0;
            gateway[id] = false;
        }
        if (gateway[id]) return true;
        if (Addresses.isLinkLocal(hi, lo)) return false;
        if (Addresses.isIpv4(hi, lo)) {
            v4Sources[id]++;
        } else {
            v6Prefixes.add(mac, hi, 0);
            if (v6Prefixes.lastWasNew()) v6Sources[id]++;
        }
        if (v4Sources[id] < GATEWAY_IPV4_SOURCES && v6Sources[id] < GATEWAY_IPV6_PREFIXES) return false;
        gateway[id] = true;
        String why = v4Sources[id] >= GATEWAY_IPV4_SOURCES
                ? "sends packets from " + v4Sources[id] + " IPv4 sources"
                : "sends packets from " + v6Sources[id] + " IPv6 /64 prefixes";
        sink.accept(new Observation.Attribute(Host.ofMac(mac), Attributes.ROLE, Attributes.ROLE_GATEWAY,
                SOURCE_IP + " (" + why + ")", 0.9, now));
        return true;
    }

    /** Reports each network and transport protocol a MAC sends, once. */
    private void protocols(int id, long mac, Packet p, long now, ObservationSink sink) {
        if (id >= protocolBits.length) protocolBits = java.util.Arrays.copyOf(protocolBits, Math.max(id + 1, protocolBits.length * 2));
        int bits = protocolBits[id];
        if (bits == ALL_PROTOCOLS) return;
        int network = p.ipVersion() == 4 ? 0 : 1;
        int transport = switch (p.ipProtocol()) {
            case IpProtocols.TCP -> 2;
            case IpProtocols.UDP -> 3;
            case IpProtocols.ICMP -> 4;
            case IpProtocols.ICMPV6 -> 5;
            default -> -1;
        };
        int want = 1 << network | (transport >= 0 ? 1 << transport : 0);
        if ((bits & want) == want) return;
        protocolBits[id] = bits | want;
        for (int b = 0; b < PROTOCOL_NAMES.length; b++) {
            if ((want & ~bits & 1 << b) != 0) {
                sink.accept(new Observation.Attribute(Host.ofMac(mac), Attributes.PROTOCOL, PROTOCOL_NAMES[b],
                        SOURCE_IP, 1.0, now));
            }
        }
    }

    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        boolean macsFull = macs.full();
        boolean anyFull = macsFull || ips.full() || bindings.full();
        emit(macs, true, sink);
        if (macsFull) java.util.Arrays.fill(protocolBits, 0);
        emit(ips, false, sink);
        if (bindings.full()) bindings.clear();
        if (v6Prefixes.full()) v6Prefixes.clear();
        if (anyFull) generation++;
    }

    private static void emit(ActivityTable t, boolean byMac, ObservationSink sink) {
        for (int id = 0; id < t.size(); id++) {
            if (!t.dirty(id)) continue;
            Host h = byMac ? Host.ofMac(t.key0(id)) : Host.ofIp(t.key0(id), t.key1(id));
            sink.accept(new Observation.Activity(h, t.first(id), t.last(id), t.packets(id), t.bytes(id),
                    byMac ? SOURCE_MAC : SOURCE_IP));
            t.markClean(id);
        }
        if (t.full()) t.clear();
    }
}
