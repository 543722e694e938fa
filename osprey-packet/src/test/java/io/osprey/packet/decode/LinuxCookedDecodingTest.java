package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinuxCookedDecodingTest {

    static final byte[] UDP_IN_IPV4 = ipv4(IpProtocols.UDP, udp(40000, 53, hex("0102030405")));
    static final byte[] ICMPV6_IN_IPV6 = ipv6(IpProtocols.ICMPV6, icmp(Icmpv6View.ECHO_REQUEST, 0, 0x00010002, hex("aa")));

    /** LINKTYPE_LINUX_SLL header: packet type, ARPHRD, address length, 8 address bytes, protocol. */
    static byte[] sll(int packetType, int arphrd, int addressLength, long address, int protocol) {
        return concat(u16(packetType), u16(arphrd), u16(addressLength), mac(address), u16(0), u16(protocol));
    }

    /** LINKTYPE_LINUX_SLL2 header: protocol, reserved, interface index, ARPHRD, packet type, address length, address. */
    static byte[] sll2(int protocol, int ifIndex, int arphrd, int packetType, int addressLength, long address) {
        return concat(u16(protocol), u16(0), u32(ifIndex), u16(arphrd), new byte[] {(byte) packetType, (byte) addressLength},
                mac(address), u16(0));
    }

    @Nested
    @DisplayName("LINKTYPE_LINUX_SLL (cooked v1, 16 bytes)")
    class CookedV1 {
        @Test
        void ethernetSourceAndProtocol() {
            byte[] frame = concat(sll(LinuxSllView.TO_US, LinuxSllView.ARPHRD_ETHER, 6, SRC_MAC, EtherTypes.IPV4), UDP_IN_IPV4);
            Packet p = decode(frame, LinkType.LINUX_SLL);
            assertThat(p.srcMac()).isEqualTo(SRC_MAC);
            assertThat(p.dstMac()).isEqualTo(Packet.NO_MAC);
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.l3Offset()).isEqualTo(16);
            assertThat(p.isUdp()).isTrue();
            assertThat(p.dstPort()).isEqualTo(53);
            assertThat(p.payloadLength()).isEqualTo(5);
            LinuxSllView sll = p.sll();
            assertThat(sll.valid()).isTrue();
            assertThat(sll.version()).isEqualTo(1);
            assertThat(sll.packetType()).isEqualTo(LinuxSllView.TO_US);
            assertThat(sll.arphrdType()).isEqualTo(LinuxSllView.ARPHRD_ETHER);
            assertThat(sll.addressLength()).isEqualTo(6);
            assertThat(sll.protocol()).isEqualTo(EtherTypes.IPV4);
            assertThat(sll.interfaceIndex()).isEqualTo(-1);
            assertThat(p.ethernet().valid()).isFalse();
            assertThat(p.malformed()).isZero();
        }

        @Test
        @DisplayName("An address that is not 6 bytes (tun, ppp) gives no MAC")
        void noMacForOtherAddressLengths() {
            Packet p = decode(concat(sll(LinuxSllView.OUTGOING, 65534, 0, 0, EtherTypes.IPV6), ICMPV6_IN_IPV6), LinkType.LINUX_SLL);
            assertThat(p.srcMac()).isEqualTo(Packet.NO_MAC);
            assertThat(p.sll().packetType()).isEqualTo(LinuxSllView.OUTGOING);
            assertThat(p.isIcmpv6()).isTrue();
        }

        @Test
        @DisplayName("Protocol 0x0004: an 802.2 LLC header follows")
        void llc() {
            byte[] frame = concat(sll(LinuxSllView.MULTICAST, LinuxSllView.ARPHRD_ETHER, 6, SRC_MAC, LinuxSllView.PROTOCOL_802_2_LLC),
                    hex("42 42 03"), zeros(35));
            Packet p = decode(frame, LinkType.LINUX_SLL);
            assertThat(p.etherType()).isEqualTo(EtherTypes.LLC);
            assertThat(p.llcDsap()).isEqualTo(0x42);
            assertThat(p.l3Offset()).isEqualTo(19);
        }

        @Test
        @DisplayName("Protocol 0x8100: the VLAN tag was not stripped by the kernel")
        void vlanTag() {
            byte[] frame = concat(sll(LinuxSllView.TO_US, LinuxSllView.ARPHRD_ETHER, 6, SRC_MAC, EtherTypes.VLAN),
                    u16(20), u16(EtherTypes.IPV4), UDP_IN_IPV4);
            Packet p = decode(frame, LinkType.LINUX_SLL);
            assertThat(p.outerVlan()).isEqualTo(20);
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.l3Offset()).isEqualTo(20);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("ARPHRD_NETLINK: the protocol field is not an EtherType")
        void netlink() {
            byte[] frame = concat(sll(LinuxSllView.OUTGOING, LinuxSllView.ARPHRD_NETLINK, 0, 0, EtherTypes.IPV4), UDP_IN_IPV4);
            Packet p = decode(frame, LinkType.LINUX_SLL);
            assertThat(p.etherType()).isZero();
            assertThat(p.isIp()).isFalse();
            assertThat(p.l3Offset()).isEqualTo(16);
        }

        @Test
        void truncated() {
            byte[] frame = concat(sll(0, 1, 6, SRC_MAC, EtherTypes.IPV4), UDP_IN_IPV4);
            Packet p = decode(Arrays.copyOf(frame, 15), LinkType.LINUX_SLL);
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.srcMac()).isEqualTo(Packet.NO_MAC);
            assertThat(p.sll().valid()).isFalse();
        }
    }

    @Nested
    @DisplayName("LINKTYPE_LINUX_SLL2 (20 bytes)")
    class CookedV2 {
        @Test
        void allFields() {
            byte[] frame = concat(sll2(EtherTypes.IPV6, 3, LinuxSllView.ARPHRD_ETHER, LinuxSllView.BROADCAST, 6, SRC_MAC), ICMPV6_IN_IPV6);
            Packet p = decode(frame, LinkType.LINUX_SLL2);
            assertThat(p.srcMac()).isEqualTo(SRC_MAC);
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV6);
            assertThat(p.l3Offset()).isEqualTo(20);
            assertThat(p.isIcmpv6()).isTrue();
            LinuxSllView sll = p.sll();
            assertThat(sll.version()).isEqualTo(2);
            assertThat(sll.interfaceIndex()).isEqualTo(3);
            assertThat(sll.packetType()).isEqualTo(LinuxSllView.BROADCAST);
            assertThat(sll.arphrdType()).isEqualTo(LinuxSllView.ARPHRD_ETHER);
            assertThat(sll.addressLength()).isEqualTo(6);
            assertThat(sll.protocol()).isEqualTo(EtherTypes.IPV6);
            assertThat(sll.headerLength()).isEqualTo(20);
        }

        @Test
        void truncated() {
            byte[] frame = concat(sll2(EtherTypes.IPV6, 3, 1, 0, 6, SRC_MAC), ICMPV6_IN_IPV6);
            Packet p = decode(Arrays.copyOf(frame, 19), LinkType.LINUX_SLL2);
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.l3Offset()).isEqualTo(-1);
        }
    }
}
