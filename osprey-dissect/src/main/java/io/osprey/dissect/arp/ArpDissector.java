package io.osprey.dissect.arp;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Attributes;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Host;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.ArpView;
import io.osprey.packet.decode.EtherTypes;
import io.osprey.packet.decode.Packet;

/**
 * IP-to-MAC bindings from ARP (RFC 826): the sender of a request or reply states its own hardware and
 * protocol address. An ARP probe (RFC 5227 §2.1.1: sender IP 0.0.0.0) binds nothing; its target is only a
 * candidate. Each (MAC, IP) pair is reported once, with the time it was first seen.
 *
 * <p>Also reports two {@link Observation.Operation}s, on which the alert engine finds ARP scans and ARP spoofing:
 * <ul>
 *   <li>{@value #WHO_HAS}: a request asking for another host's address (not a gratuitous announcement), from the
 *   requester (its ARP sender MAC and IP) to the host it asks for (the target IP), once per requester and target,
 *   the target IP as detail. A scan is one requester asking for many targets;</li>
 *   <li>{@value #CLAIM}: a reply or a gratuitous ARP (RFC 5227 §3) in which a MAC claims an address that another
 *   MAC claimed last, at every such change, from and to the new claimant, with detail
 *   "ip=10.0.0.5 mac=&lt;new MAC&gt; previous=&lt;last MAC&gt;". The first claim of an address and repeated claims by
 *   the same MAC are no change; an address claimed by two MACs in turn is the mark of ARP cache poisoning.</li>
 * </ul>
 */
public final class ArpDissector implements Dissector {
    public static final String NAME = "arp";
    public static final String WHO_HAS = "who-has";
    public static final String CLAIM = "claim";
    private static final int MAX_PAIRS = 1 << 20;
    private final ActivityTable seen = new ActivityTable(256, MAX_PAIRS);
    private final ClaimedAddresses claims = new ClaimedAddresses();
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forEtherTypes(EtherTypes.ARP);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isArp()) return;
        ArpView arp = packet.arp();
        long mac = arp.senderMac();
        int ip = arp.senderIp();
        if (mac == 0 || (mac & 0x0100_0000_0000L) != 0) return;
        int opcode = arp.opcode();
        if (opcode == ArpView.REQUEST && !arp.isGratuitous()) whoHas(arp, mac, ip, packet.timestampNanos(), sink);
        if (ip == 0) return;
        long lo = ipv4Lo(ip);
        if (opcode == ArpView.REPLY || arp.isGratuitous()) claim(mac, ip, lo, packet.timestampNanos(), sink);
        seen.add(mac, 0, lo);
        if (!seen.lastWasNew()) return;
        if (seen.full()) seen.clear();
        sink.accept(new Observation.Binding(mac, 0, lo, name(), packet.timestampNanos()));
        sink.accept(new Observation.Attribute(Host.ofMac(mac), Attributes.PROTOCOL, name(), name(), 1.0,
                packet.timestampNanos()));
    }

    /** A request for the target's MAC; a probe (sender 0.0.0.0) asks too, from a host with no address yet. */
    private void whoHas(ArpView arp, long mac, int ip, long nanos, ObservationSink sink) {
        int target = arp.targetIp();
        if (target == 0) return;
        detail.clear().appendDecimal(target >>> 24).append('.').appendDecimal(target >>> 16 & 0xff).append('.')
                .appendDecimal(target >>> 8 & 0xff).append('.').appendDecimal(target & 0xff);
        operations.between(mac, 0, ip == 0 ? 0 : ipv4Lo(ip), Packet.NO_MAC, 0, ipv4Lo(target), nanos)
                .once(sink, WHO_HAS, detail);
    }

    private void claim(long mac, int ip, long lo, long nanos, ObservationSink sink) {
        long previous = claims.claim(ip, mac);
        if (previous == Packet.NO_MAC || previous == mac) return;
        operations.between(mac, 0, lo, mac, 0, lo, nanos).every(sink, CLAIM,
                "ip=" + Addresses.ipv4(ip) + " mac=" + Addresses.mac(mac) + " previous=" + Addresses.mac(previous));
    }

    private static long ipv4Lo(int ip) {
        return Packet.IPV4_MAPPED_PREFIX | (ip & 0xffffffffL);
    }
}
