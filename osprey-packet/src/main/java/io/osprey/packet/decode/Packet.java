package io.osprey.packet.decode;

/**
 * The decoded headers of one frame, as a reusable flyweight: {@link PacketDecoder#decode} fills the same
 * instance for every frame, so reading a packet allocates nothing. Fields are offsets into the frame's
 * bytes and the few header values every later stage needs; the per-layer views ({@link #tcp()}, ...) read
 * the rest in place.
 *
 * <p>Addresses: a MAC is the 48-bit value in the low bits of a long (-1 when absent). An IP address is 128
 * bits in two longs; IPv4 is stored IPv4-mapped ({@code ::ffff:a.b.c.d}, RFC 4291 §2.5.5.2) so that flows
 * and hosts of both versions share one key layout.
 *
 * <p>Lengths: every offset is -1 or within {@code [0, length()]}, and every offset plus its length stays
 * within {@link #length()}. Layer lengths are the captured bytes, clipped by the length fields of the
 * enclosing headers (IEEE 802.3 length, IP total/payload length, UDP length), so Ethernet padding never
 * counts as payload.
 *
 * <p>Malformed input never throws: the decoder sets one {@code MALFORMED_*} bit per layer whose header was
 * truncated or invalid and stops there (the fields of the layers above stay at their "absent" values). A
 * capture cut by the snap length is not malformed as long as the headers are complete; see
 * {@link #isTruncated()}. The view of the layer that failed is still positioned on the bytes that were
 * there; its {@code valid()} tells whether its fixed header is complete.
 */
public final class Packet {
    public static final long NO_MAC = -1L;
    public static final int NO_VLAN = -1;
    /** The high 64 bits of an IPv4-mapped IPv6 address are 0; the low ones are 0x0000ffff_aabbccdd. */
    public static final long IPV4_MAPPED_PREFIX = 0x0000_ffff_0000_0000L;

    /** Bits of {@link #malformed()}: Ethernet/VLAN/LLC/SNAP, SLL, NULL/LOOP or raw-IP framing. */
    public static final int MALFORMED_LINK = 1;
    public static final int MALFORMED_ARP = 1 << 1;
    /** IPv4 header truncated, version/IHL invalid, or the total length disagrees with the frame. */
    public static final int MALFORMED_IPV4 = 1 << 2;
    /** IPv6 header or an extension header truncated, too many extension headers, or bad payload length. */
    public static final int MALFORMED_IPV6 = 1 << 3;
    public static final int MALFORMED_TCP = 1 << 4;
    public static final int MALFORMED_UDP = 1 << 5;
    public static final int MALFORMED_ICMP = 1 << 6;
    public static final int MALFORMED_ICMPV6 = 1 << 7;

    // ---- what decode() filled; package-private so the decoder writes them directly
    byte[] data;
    int length;
    int wireLength;
    long timestampNanos;
    int linkType;

    long srcMac = NO_MAC;
    long dstMac = NO_MAC;
    int outerVlan = NO_VLAN;
    int innerVlan = NO_VLAN;
    /** The EtherType after VLAN tags and LLC/SNAP, 0 when unknown; for SLL the protocol field. */
    int etherType;
    /** Offset of the network layer (ARP, IP, or an unknown EtherType's payload), -1 when none. */
    int l3Offset = -1;
    int l3Length;

    /** IEEE 802.2 LLC header of 802.3 frames, -1 when absent. */
    int llcDsap = -1;
    int llcSsap = -1;
    int llcControl = -1;
    /** RFC 1042 SNAP header, -1 when absent. */
    int snapOui = -1;
    int snapProtocolId = -1;

    int ipVersion;
    long srcIpHi, srcIpLo, dstIpHi, dstIpLo;
    int ttl;
    /** The transport protocol number (after IPv6 extension headers), -1 when not IP. */
    int ipProtocol = -1;
    boolean fragment;
    boolean firstFragment;
    boolean moreFragments;
    int fragmentOffset;
    long fragmentId = -1;
    int ipPayloadOffset = -1;
    int ipPayloadLength;
    int l4Offset = -1;
    int l4Length;

    int srcPort = -1;
    int dstPort = -1;
    int tcpFlags;
    int payloadOffset = -1;
    int payloadLength;

    /** Bit set of layers that were truncated or malformed; 0 for a well-formed packet. */
    int malformed;

    final EthernetView ethernet = new EthernetView();
    final LinuxSllView sll = new LinuxSllView();
    final ArpView arp = new ArpView();
    final Ipv4View ipv4 = new Ipv4View();
    final Ipv6View ipv6 = new Ipv6View();
    final TcpView tcp = new TcpView();
    final UdpView udp = new UdpView();
    final IcmpView icmp = new IcmpView();
    final Icmpv6View icmpv6 = new Icmpv6View();

    void reset() {
        srcMac = dstMac = NO_MAC;
        outerVlan = innerVlan = NO_VLAN;
        etherType = 0;
        l3Offset = l4Offset = payloadOffset = ipPayloadOffset = -1;
        l3Length = 0;
        llcDsap = llcSsap = llcControl = snapOui = snapProtocolId = -1;
        ipVersion = 0;
        srcIpHi = srcIpLo = dstIpHi = dstIpLo = 0;
        ttl = 0;
        ipProtocol = -1;
        fragment = firstFragment = moreFragments = false;
        fragmentOffset = 0;
        fragmentId = -1;
        l4Length = payloadLength = ipPayloadLength = 0;
        srcPort = dstPort = -1;
        tcpFlags = 0;
        malformed = 0;
        ethernet.clear();
        sll.clear();
        arp.clear();
        ipv4.clear();
        ipv6.clear();
        tcp.clear();
        udp.clear();
        icmp.clear();
        icmpv6.clear();
    }

    public byte[] data() { return data; }
    public int length() { return length; }
    public int wireLength() { return wireLength; }
    public long timestampNanos() { return timestampNanos; }
    public int linkType() { return linkType; }
    /** True when the capture kept fewer bytes than the frame had on the wire (snap length). */
    public boolean isTruncated() { return length < wireLength; }

    public long srcMac() { return srcMac; }
    public long dstMac() { return dstMac; }
    public int outerVlan() { return outerVlan; }
    public int innerVlan() { return innerVlan; }
    /**
     * The VLAN that keys flows and hosts, in 24 bits: 0 untagged (or priority-tagged, VLAN 0), the id for one
     * tag, and outer &lt;&lt; 12 | inner for QinQ (802.1ad).
     */
    public int vlanKey() {
        if (outerVlan == NO_VLAN) return 0;
        return innerVlan == NO_VLAN ? outerVlan & 0xfff : (outerVlan & 0xfff) << 12 | (innerVlan & 0xfff);
    }
    /**
     * The EtherType after VLAN tags and LLC/SNAP, 0 when unknown; for SLL the protocol field when it is an
     * EtherType. 802.3 frames without one carry {@link EtherTypes#LLC} or {@link EtherTypes#SNAP}.
     */
    public int etherType() { return etherType; }
    public int l3Offset() { return l3Offset; }
    /** Captured bytes of the network layer; for IP bounded by its total/payload length. */
    public int l3Length() { return l3Length; }

    /** True for an IEEE 802.3 frame with an 802.2 LLC header (with or without SNAP). */
    public boolean isLlc() { return llcDsap >= 0; }
    public int llcDsap() { return llcDsap; }
    public int llcSsap() { return llcSsap; }
    /** LLC control field: one byte for U-format frames, two for I/S-format. */
    public int llcControl() { return llcControl; }
    /** SNAP organisationally unique identifier (24 bits), -1 without SNAP. */
    public int snapOui() { return snapOui; }
    /** SNAP protocol id: an EtherType when the OUI is 0, else defined by the OUI's owner. */
    public int snapProtocolId() { return snapProtocolId; }
    /** True for an LLC/SNAP frame with this OUI and protocol id, e.g. Cisco 00000c / 0x2000 for CDP. */
    public boolean isSnap(int oui, int protocolId) { return snapOui == oui && snapProtocolId == protocolId; }

    public boolean isArp() { return etherType == EtherTypes.ARP && arp.valid(); }
    public boolean isIp() { return ipVersion != 0; }
    public int ipVersion() { return ipVersion; }
    public long srcIpHi() { return srcIpHi; }
    public long srcIpLo() { return srcIpLo; }
    public long dstIpHi() { return dstIpHi; }
    public long dstIpLo() { return dstIpLo; }
    /** IPv4 TTL or IPv6 hop limit. */
    public int ttl() { return ttl; }
    /** The upper-layer protocol (after IPv6 extension headers); -1 when not IP or the header chain broke. */
    public int ipProtocol() { return ipProtocol; }
    public boolean isFragment() { return fragment; }
    /** True for a fragment at offset 0 (its transport header was decoded) and for unfragmented packets. */
    public boolean isFirstFragment() { return firstFragment; }
    /** The MF flag (IPv4) or M flag of the fragment header (IPv6). */
    public boolean moreFragments() { return moreFragments; }
    /** Fragment offset in bytes. */
    public int fragmentOffset() { return fragmentOffset; }
    /** IPv4 identification, or the IPv6 fragment header's identification; -1 for IPv6 without one. */
    public long fragmentId() { return fragmentId; }
    /** Offset of the IP payload after the IP header and IPv6 extension headers, also for later fragments. */
    public int ipPayloadOffset() { return ipPayloadOffset; }
    public int ipPayloadLength() { return ipPayloadLength; }
    /** Offset of the transport header; -1 for non-first fragments and when not IP. */
    public int l4Offset() { return l4Offset; }
    public int l4Length() { return l4Length; }

    public boolean isTcp() { return ipProtocol == IpProtocols.TCP && srcPort >= 0; }
    public boolean isUdp() { return ipProtocol == IpProtocols.UDP && srcPort >= 0; }
    public boolean isIcmp() { return ipProtocol == IpProtocols.ICMP && icmp.valid(); }
    public boolean isIcmpv6() { return ipProtocol == IpProtocols.ICMPV6 && icmpv6.valid(); }
    public int srcPort() { return srcPort; }
    public int dstPort() { return dstPort; }
    /** TCP flags byte (FIN=0x01 SYN=0x02 RST=0x04 PSH=0x08 ACK=0x10 URG=0x20 ECE=0x40 CWR=0x80). */
    public int tcpFlags() { return tcpFlags; }
    /** Offset of the application payload (after TCP/UDP, or after ICMP's header), -1 when none. */
    public int payloadOffset() { return payloadOffset; }
    /** Captured payload bytes available from {@link #payloadOffset()}. */
    public int payloadLength() { return payloadLength; }
    public int malformed() { return malformed; }
    public boolean isMalformed() { return malformed != 0; }

    /** Views over the layers present, positioned on this packet's bytes; valid until the next decode. */
    public EthernetView ethernet() { return ethernet; }
    public LinuxSllView sll() { return sll; }
    public ArpView arp() { return arp; }
    public Ipv4View ipv4() { return ipv4; }
    public Ipv6View ipv6() { return ipv6; }
    public TcpView tcp() { return tcp; }
    public UdpView udp() { return udp; }
    public IcmpView icmp() { return icmp; }
    public Icmpv6View icmpv6() { return icmpv6; }

    /** The source IPv4 address as an int, valid when {@link #ipVersion()} is 4. */
    public int srcIpv4() { return (int) srcIpLo; }
    public int dstIpv4() { return (int) dstIpLo; }

    /** A one-line summary for logs and test failures (allocates; not for the hot path). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Packet[len=").append(length);
        if (srcMac != NO_MAC) {
            s.append(' ').append(Addresses.mac(srcMac)).append(" > ").append(Addresses.mac(dstMac));
        }
        if (outerVlan != NO_VLAN) {
            s.append(" vlan=").append(outerVlan);
            if (innerVlan != NO_VLAN) {
                s.append('/').append(innerVlan);
            }
        }
        s.append(" type=0x").append(Integer.toHexString(etherType));
        if (ipVersion != 0) {
            s.append(' ').append(Addresses.ip(srcIpHi, srcIpLo));
            if (srcPort >= 0) {
                s.append(':').append(srcPort);
            }
            s.append(" > ").append(Addresses.ip(dstIpHi, dstIpLo));
            if (dstPort >= 0) {
                s.append(':').append(dstPort);
            }
            s.append(" proto=").append(ipProtocol);
        }
        if (payloadOffset >= 0) {
            s.append(" payload=").append(payloadOffset).append('+').append(payloadLength);
        }
        if (malformed != 0) {
            s.append(" malformed=0x").append(Integer.toHexString(malformed));
        }
        return s.append(']').toString();
    }
}
