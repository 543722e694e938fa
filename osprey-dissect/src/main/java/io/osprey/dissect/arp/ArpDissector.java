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
import io.osprey.packet.decode.ArpView;
import io.osprey.packet.decode.EtherTypes;
import io.osprey.packet.decode.Packet;

/**
 * IP-to-MAC bindings from ARP (RFC 826): the sender of a request or reply states its own hardware and
 * protocol address. An ARP probe (RFC 5227 §2.1.1: sender IP 0.0.0.0) binds nothing; its target is only a
 * candidate. Each (MAC, IP) pair is reported once, with the time it was first seen.
 */
public final class ArpDissector implements Dissector {
    private static final int MAX_PAIRS = 1 << 20;
    private final ActivityTable seen = new ActivityTable(256, MAX_PAIRS);

    @Override
    public String name() {
        return "arp";
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
        if (ip == 0 || mac == 0 || (mac & 0x0100_0000_0000L) != 0) return;
        long lo = Packet.IPV4_MAPPED_PREFIX | (ip & 0xffffffffL);
        seen.add(mac, 0, lo);
        if (!seen.lastWasNew()) return;
        if (seen.full()) seen.clear();
        sink.accept(new Observation.Binding(mac, 0, lo, name(), packet.timestampNanos()));
        sink.accept(new Observation.Attribute(Host.ofMac(mac), Attributes.PROTOCOL, name(), name(), 1.0,
                packet.timestampNanos()));
    }
}
