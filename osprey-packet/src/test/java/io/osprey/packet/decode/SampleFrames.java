package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;

import io.osprey.packet.capture.LinkType;
import java.util.ArrayList;
import java.util.List;

/**
 * One well-formed frame per link type and protocol path, each with the ends of its headers and the
 * malformed bit that a cut inside each header must raise. Shared by the truncation, property, fuzz-seed
 * and allocation tests.
 */
final class SampleFrames {
    /** A header that ends at {@code end} (absolute) and whose cut sets {@code bit}. */
    record Header(int end, int bit) {}

    record Sample(String name, int linkType, byte[] bytes, List<Header> headers) {
        @Override
        public String toString() { return name; }
    }

    private SampleFrames() {}

    static final byte[] LINUX_SYN_OPTIONS = TcpDecodingTest.LINUX_SYN_OPTIONS;

    static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        out.add(new Sample("ethernet ipv4 udp", LinkType.ETHERNET,
                ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, udp(68, 67, hex("01020304")))),
                List.of(h(14, Packet.MALFORMED_LINK), h(34, Packet.MALFORMED_IPV4), h(42, Packet.MALFORMED_UDP))));
        out.add(new Sample("802.1Q ipv4+options tcp+options", LinkType.ETHERNET,
                concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.VLAN, 0, 10), u16(EtherTypes.IPV4),
                        ipv4(IpProtocols.TCP, Ipv4DecodingTest.ROUTER_ALERT, 0, tcp(40000, 502, TcpView.SYN, LINUX_SYN_OPTIONS, hex("00")))),
                List.of(h(18, Packet.MALFORMED_LINK), h(42, Packet.MALFORMED_IPV4), h(82, Packet.MALFORMED_TCP))));
        out.add(new Sample("QinQ ipv6 hop-by-hop fragment udp", LinkType.ETHERNET,
                concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.QINQ, 0, 100), tag(EtherTypes.VLAN, 0, 200), u16(EtherTypes.IPV6),
                        ipv6(IpProtocols.HOP_BY_HOP, concat(extension(IpProtocols.FRAGMENT), fragmentHeader(IpProtocols.UDP, 0, true, 1),
                                udp(53, 53, hex("abcd"))))),
                List.of(h(22, Packet.MALFORMED_LINK), h(62, Packet.MALFORMED_IPV6), h(70, Packet.MALFORMED_IPV6),
                        h(78, Packet.MALFORMED_IPV6), h(86, Packet.MALFORMED_UDP))));
        out.add(new Sample("802.3 llc/snap ipv4 udp", LinkType.ETHERNET,
                snap(concat(hex("aa aa 03 000000"), u16(EtherTypes.IPV4), ipv4(IpProtocols.UDP, udp(1, 2, hex("ff"))))),
                List.of(h(14, Packet.MALFORMED_LINK), h(22, Packet.MALFORMED_LINK), h(42, Packet.MALFORMED_IPV4), h(50, Packet.MALFORMED_UDP))));
        out.add(new Sample("802.3 snap cdp", LinkType.ETHERNET,
                snap(concat(hex("aa aa 03 00000c 2000"), hex("02b40000"))),
                List.of(h(14, Packet.MALFORMED_LINK), h(22, Packet.MALFORMED_LINK))));
        out.add(new Sample("ethernet arp", LinkType.ETHERNET, ethernet(EtherTypes.ARP, ArpDecodingTest.REQUEST),
                List.of(h(14, Packet.MALFORMED_LINK), h(42, Packet.MALFORMED_ARP))));
        out.add(new Sample("ethernet ipv6 icmpv6 router advertisement", LinkType.ETHERNET,
                ethernet(EtherTypes.IPV6, ipv6(IpProtocols.ICMPV6, Icmpv6DecodingTest.message(Icmpv6View.ROUTER_ADVERTISEMENT, 0,
                        concat(hex("40 c0 0708 00007530 000003e8"), Icmpv6DecodingTest.SOURCE_LLA, Icmpv6DecodingTest.MTU_1500,
                                Icmpv6DecodingTest.PREFIX)))),
                List.of(h(14, Packet.MALFORMED_LINK), h(54, Packet.MALFORMED_IPV6), h(70, Packet.MALFORMED_ICMPV6))));
        out.add(new Sample("sll ipv4 icmp", LinkType.LINUX_SLL,
                concat(LinuxCookedDecodingTest.sll(0, 1, 6, SRC_MAC, EtherTypes.IPV4), ipv4(IpProtocols.ICMP, icmp(8, 0, 0x10001, hex("61")))),
                List.of(h(16, Packet.MALFORMED_LINK), h(36, Packet.MALFORMED_IPV4), h(44, Packet.MALFORMED_ICMP))));
        out.add(new Sample("sll2 ipv6 icmpv6 neighbour solicitation", LinkType.LINUX_SLL2,
                concat(LinuxCookedDecodingTest.sll2(EtherTypes.IPV6, 2, 1, 0, 6, SRC_MAC),
                        ipv6(IpProtocols.ICMPV6, Icmpv6DecodingTest.message(Icmpv6View.NEIGHBOR_SOLICITATION, 0,
                                concat(zeros(4), Icmpv6DecodingTest.TARGET, Icmpv6DecodingTest.SOURCE_LLA)))),
                List.of(h(20, Packet.MALFORMED_LINK), h(60, Packet.MALFORMED_IPV6), h(84, Packet.MALFORMED_ICMPV6))));
        out.add(new Sample("null ipv6 tcp", LinkType.NULL,
                concat(hex("1e000000"), ipv6(IpProtocols.TCP, tcp(1, 2, TcpView.ACK, NO_BYTES, hex("0102")))),
                List.of(h(4, Packet.MALFORMED_LINK), h(44, Packet.MALFORMED_IPV6), h(64, Packet.MALFORMED_TCP))));
        out.add(new Sample("loop ipv4 tcp", LinkType.LOOP,
                concat(u32(2), ipv4(IpProtocols.TCP, tcp(1, 2, TcpView.ACK, NO_BYTES, hex("0102")))),
                List.of(h(4, Packet.MALFORMED_LINK), h(24, Packet.MALFORMED_IPV4), h(44, Packet.MALFORMED_TCP))));
        out.add(new Sample("raw ipv4 tcp", LinkType.RAW,
                ipv4(IpProtocols.TCP, tcp(1, 2, TcpView.SYN, TcpDecodingTest.WINDOWS_SYN_OPTIONS, NO_BYTES)),
                List.of(h(20, Packet.MALFORMED_IPV4), h(52, Packet.MALFORMED_TCP))));
        out.add(new Sample("ipv6 link type, later fragment", LinkType.IPV6,
                ipv6(IpProtocols.FRAGMENT, concat(fragmentHeader(IpProtocols.TCP, 1448, true, 5), zeros(16))),
                List.of(h(40, Packet.MALFORMED_IPV6), h(48, Packet.MALFORMED_IPV6))));
        out.add(new Sample("ipv4 link type, later fragment", LinkType.IPV4,
                ipv4(IpProtocols.UDP, NO_BYTES, 100, zeros(16)),
                List.of(h(20, Packet.MALFORMED_IPV4))));
        return out;
    }

    /** Every sample plus the frames of the real fixtures, as (link type, bytes). */
    static List<Sample> withFixtures() {
        List<Sample> out = new ArrayList<>(all());
        for (String name : List.of("tcp-syn-options-mss-sok-ts-nop-ws.pcap", "icmpv6-router-solicitation-arp-dhcp-eapol.pcap",
                "llc-snap-cdp-and-lldp.pcap", "ipv4-router-alert-and-ipv6-hop-by-hop.pcap")) {
            PcapFixture capture = PcapFixture.fromResource(name);
            for (PcapFixture.Record r : capture.frames()) {
                out.add(new Sample(name + " #" + r.number(), capture.linkType(), r.data(), List.of()));
            }
        }
        return out;
    }

    private static Header h(int end, int bit) { return new Header(end, bit); }

    /** An IEEE 802.3 frame: the length field counts the LLC payload. */
    private static byte[] snap(byte[] llcPayload) {
        return concat(mac(DST_MAC), mac(SRC_MAC), u16(llcPayload.length), llcPayload);
    }
}
