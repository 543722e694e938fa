package io.osprey.packet.decode;

/**
 * What must hold after any decode, whatever the input: offsets are -1 or inside the frame, no layer runs
 * past the captured bytes, layers nest in order. Throws AssertionError, so property, fuzz and example
 * tests share it.
 */
final class PacketInvariants {
    private PacketInvariants() {}

    static void check(Packet p) {
        int length = p.length();
        if (length < 0 || (p.data() != null && length > p.data().length)) {
            throw new AssertionError("length " + length + " outside the buffer: " + p);
        }
        range("l3", p.l3Offset(), p.l3Length(), length, p);
        range("ip payload", p.ipPayloadOffset(), p.ipPayloadLength(), length, p);
        range("l4", p.l4Offset(), p.l4Length(), length, p);
        range("payload", p.payloadOffset(), p.payloadLength(), length, p);
        order(p.l3Offset(), p.ipPayloadOffset(), "l3 <= ip payload", p);
        order(p.ipPayloadOffset(), p.l4Offset(), "ip payload <= l4", p);
        order(p.l4Offset(), p.payloadOffset(), "l4 <= payload", p);
        if (p.l4Offset() >= 0 && p.payloadOffset() >= 0
                && p.payloadOffset() + p.payloadLength() > p.l4Offset() + p.l4Length()) {
            throw new AssertionError("payload runs past the transport layer: " + p);
        }
        if (p.l3Offset() >= 0 && p.l4Offset() >= 0 && p.l4Offset() + p.l4Length() > p.l3Offset() + p.l3Length()) {
            throw new AssertionError("transport layer runs past the network layer: " + p);
        }
        if ((p.srcPort() >= 0) != (p.dstPort() >= 0) || p.srcPort() > 0xffff || p.dstPort() > 0xffff) {
            throw new AssertionError("ports " + p.srcPort() + "/" + p.dstPort() + ": " + p);
        }
        if (p.srcPort() >= 0 && !(p.isTcp() || p.isUdp())) {
            throw new AssertionError("ports without TCP or UDP: " + p);
        }
        if (p.isFragment() && !p.isFirstFragment() && p.l4Offset() >= 0) {
            throw new AssertionError("a later fragment got a transport header: " + p);
        }
        if (p.ipVersion() == 0 && (p.ipProtocol() != -1 || p.l4Offset() != -1)) {
            throw new AssertionError("transport fields without IP: " + p);
        }
        if ((p.srcMac() < -1 || p.srcMac() > Addresses.MAX_MAC) || (p.dstMac() < -1 || p.dstMac() > Addresses.MAX_MAC)) {
            throw new AssertionError("MAC outside 48 bits: " + p);
        }
        if (p.outerVlan() < -1 || p.outerVlan() > 0xfff || p.innerVlan() < -1 || p.innerVlan() > 0xfff) {
            throw new AssertionError("VLAN id outside 12 bits: " + p);
        }
        if (p.isTcp() && p.tcp().offset() + p.tcp().length() > length) {
            throw new AssertionError("TCP view past the frame: " + p);
        }
        if (p.isUdp() && p.udp().offset() + p.udp().length() > length) {
            throw new AssertionError("UDP view past the frame: " + p);
        }
        // The option cursors and the p0f layout must stay inside the frame too (they throw if not).
        if (p.isTcp()) {
            TcpOptionCursor c = p.tcp().options();
            while (c.next()) {
                if (c.offset() < 0 || c.offset() + c.length() > length) {
                    throw new AssertionError("TCP option outside the frame: " + p);
                }
            }
            p.tcp().mss();
            p.tcp().tsVal();
            p.tcp().appendOptionLayout(new StringBuilder());
        }
        if (p.isIcmpv6()) {
            NdOptionCursor c = p.icmpv6().ndOptions();
            while (c.next()) {
                if (c.offset() < 0 || c.offset() + c.length() > length) {
                    throw new AssertionError("ND option outside the frame: " + p);
                }
                c.linkLayerAddress();
                c.prefixHi();
                c.mtu();
            }
        }
        if (p.isArp()) {
            p.arp().senderMac();
            p.arp().targetIp();
        }
        if (p.ethernet().valid()) {
            p.ethernet().typeOrLength();
        }
        if (p.sll().valid()) {
            p.sll().mac();
            p.sll().interfaceIndex();
        }
    }

    private static void range(String what, int offset, int len, int length, Packet p) {
        if (offset == -1) {
            return;
        }
        if (offset < 0 || offset > length || len < 0 || offset + len > length) {
            throw new AssertionError(what + " [" + offset + ", +" + len + ") outside [0, " + length + "]: " + p);
        }
    }

    private static void order(int outer, int inner, String what, Packet p) {
        if (outer >= 0 && inner >= 0 && inner < outer) {
            throw new AssertionError(what + " violated: " + p);
        }
    }
}
