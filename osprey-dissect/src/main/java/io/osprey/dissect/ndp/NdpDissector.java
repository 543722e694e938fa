package io.osprey.dissect.ndp;

import io.osprey.dissect.Attributes;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Icmpv6View;
import io.osprey.packet.decode.NdOptionCursor;
import io.osprey.packet.decode.Packet;

/**
 * IPv6 Neighbor Discovery (RFC 4861), read from the packet decoder's {@link Icmpv6View}:
 * <ul>
 *   <li>Router Advertisement (§4.2): its sender is a router ({@link Attributes#ROLE} =
 *   {@link Attributes#ROLE_GATEWAY}; only routers send RAs, §6.2.6), with its router lifetime, M/O flags and
 *   preference, advertised prefixes (§4.6.2) and MTU (§4.6.4);</li>
 *   <li>Neighbor Advertisement (§4.4): the target address belongs to the target link-layer address (or, without
 *   that option, to the sender when it advertises its own source address); the R flag marks a router;</li>
 *   <li>Neighbor and Router Solicitation and RA (§4.1, §4.2, §4.3): the source link-layer address option binds the
 *   sender's source address. Duplicate address detection, from the unspecified address (RFC 4862 §5.4.2), binds
 *   nothing: its target is only tentative.</li>
 * </ul>
 * Facts are about the MAC the message states, falling back to the frame's source; each is reported once.
 */
public final class NdpDissector implements Dissector {
    public static final String NAME = "ndp";
    /** RFC 4861 §6.1.1, §7.1.2: an ND message that crossed a router (hop limit below 255) is invalid. */
    public static final int ND_HOP_LIMIT = 255;
    /** Options read per message; a router advertises a handful of prefixes. */
    public static final int MAX_OPTIONS = 32;
    /** Prefixes per router reported. */
    public static final int MAX_PREFIXES_PER_HOST = 16;
    /** Distinct values per router of the other RA attributes (they change on reconfiguration only). */
    public static final int MAX_VALUES_PER_HOST = 8;
    static final String[] PREFERENCES = {"medium", "high", "reserved", "low"};

    private final ValueBuffer value = new ValueBuffer();
    private final int[] groups = new int[8];
    /** Keyed by MAC: ND is link-local, the stated MAC is the host itself. */
    private final ReportedFacts reported = new ReportedFacts(NAME, true);
    private long invalid;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forAllPackets();
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isIcmpv6()) return;
        Icmpv6View icmp = packet.icmpv6();
        int type = icmp.type();
        if (type < Icmpv6View.ROUTER_SOLICITATION || type > Icmpv6View.NEIGHBOR_ADVERTISEMENT) return;
        if (!icmp.ndValid() || icmp.code() != 0 || packet.ttl() != ND_HOP_LIMIT) {
            invalid++;
            return;
        }
        long ts = packet.timestampNanos();
        long srcHi = packet.srcIpHi(), srcLo = packet.srcIpLo();
        long stated = statedLinkLayerAddress(icmp);
        long mac = stated != Packet.NO_MAC ? stated : packet.srcMac();
        boolean fromUnspecified = srcHi == 0 && srcLo == 0;
        switch (type) {
            case Icmpv6View.ROUTER_SOLICITATION, Icmpv6View.NEIGHBOR_SOLICITATION -> {
                if (!fromUnspecified && stated != Packet.NO_MAC) reported.binding(sink, stated, srcHi, srcLo, ts);
            }
            case Icmpv6View.ROUTER_ADVERTISEMENT -> {
                if (stated != Packet.NO_MAC) reported.binding(sink, stated, srcHi, srcLo, ts);
                routerAdvertisement(icmp, mac, srcHi, srcLo, ts, sink);
            }
            default -> neighborAdvertisement(packet, icmp, stated, ts, sink);
        }
    }

    /** ND messages of types 133-136 dropped as invalid (§6.1, §7.1: hop limit, code, length). */
    public long invalid() { return invalid; }

    private void routerAdvertisement(Icmpv6View icmp, long mac, long hi, long lo, long ts, ObservationSink sink) {
        reported.attribute(sink, mac, hi, lo, Attributes.ROLE, value.clear().append(Attributes.ROLE_GATEWAY),
                NdpAttributes.STATED, ts);
        value.clear().appendDecimal(icmp.routerLifetime());
        reported.attribute(sink, mac, hi, lo, NdpAttributes.ROUTER_LIFETIME, value, MAX_VALUES_PER_HOST,
                NdpAttributes.STATED, ts);
        value.clear().append("M=").append(icmp.raManaged() ? '1' : '0').append(" O=")
                .append(icmp.raOtherConfig() ? '1' : '0').append(" Prf=").append(PREFERENCES[icmp.raPreference()]);
        reported.attribute(sink, mac, hi, lo, NdpAttributes.RA_FLAGS, value, MAX_VALUES_PER_HOST,
                NdpAttributes.STATED, ts);
        NdOptionCursor options = icmp.ndOptions();
        for (int n = 0; n < MAX_OPTIONS && options.next(); n++) {
            if (options.prefixLength() >= 0) {
                int length = Math.min(options.prefixLength(), 128);
                appendPrefix(options.prefixHi(), options.prefixLo(), length);
                reported.attribute(sink, mac, hi, lo, NdpAttributes.PREFIX, value, MAX_PREFIXES_PER_HOST,
                        NdpAttributes.STATED, ts);
            } else if (options.mtu() >= 0) {
                appendDecimal(value.clear(), options.mtu());
                reported.attribute(sink, mac, hi, lo, NdpAttributes.MTU, value, MAX_VALUES_PER_HOST,
                        NdpAttributes.STATED, ts);
            }
        }
    }

    /**
     * §4.4: the target link-layer address option names the target's MAC; without it, a node answering for its own
     * address (source = target) is the frame's source. A proxy's answer without the option binds nothing.
     */
    private void neighborAdvertisement(Packet packet, Icmpv6View icmp, long stated, long ts, ObservationSink sink) {
        long targetHi = icmp.targetHi(), targetLo = icmp.targetLo();
        boolean own = targetHi == packet.srcIpHi() && targetLo == packet.srcIpLo();
        long mac = stated != Packet.NO_MAC ? stated : own ? packet.srcMac() : Packet.NO_MAC;
        if (mac == Packet.NO_MAC || Addresses.isMulticast(targetHi, targetLo)) return;
        reported.binding(sink, mac, targetHi, targetLo, ts);
        if (icmp.naRouter()) {
            reported.attribute(sink, mac, targetHi, targetLo, Attributes.ROLE,
                    value.clear().append(Attributes.ROLE_GATEWAY), NdpAttributes.STATED, ts);
        }
    }

    /** The source (RS, NS, RA) or target (NA) link-layer address option's MAC, if any and unicast. */
    private static long statedLinkLayerAddress(Icmpv6View icmp) {
        long mac = icmp.linkLayerAddress();
        return mac == Packet.NO_MAC || Addresses.isMulticastMac(mac) || mac == 0 ? Packet.NO_MAC : mac;
    }

    /** "prefix/length" with the bits past the length cleared (§4.6.2: they are ignored). */
    private void appendPrefix(long hi, long lo, int length) {
        long maskHi = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long maskLo = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        value.clear();
        appendIpv6(hi & maskHi, lo & maskLo);
        value.append('/').appendDecimal(length);
    }

    /** The text form of RFC 5952 §4 (the longest run of two or more zero groups as "::"), without allocating. */
    private void appendIpv6(long hi, long lo) {
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                value.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) value.append(':');
            appendHex(groups[i]);
        }
    }

    private void appendHex(int group) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = group >>> shift & 0xf;
            if (d == 0 && !started && shift > 0) continue;
            started = true;
            value.append(d < 10 ? '0' + d : 'a' + d - 10);
        }
    }

    private static void appendDecimal(ValueBuffer out, long n) {
        if (n >= 10) appendDecimal(out, n / 10);
        out.append((int) ('0' + n % 10));
    }
}
