package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Ipv4DecodingTest {

    static final byte[] UDP_4 = udp(1000, 2000, hex("01020304"));
    /** RFC 2113 router alert, 4 bytes. */
    static final byte[] ROUTER_ALERT = hex("94040000");

    @Nested
    @DisplayName("RFC 791 §3.1 header fields")
    class Header {
        @Test
        void fields() {
            byte[] ip = withU8(ipv4(IpProtocols.UDP, NO_BYTES, Ipv4View.FLAG_DONT_FRAGMENT, UDP_4), 1, 0xb9);
            Packet p = decode(ethernet(EtherTypes.IPV4, ip));
            assertThat(p.ipVersion()).isEqualTo(4);
            assertThat(p.srcIpHi()).isZero();
            assertThat(p.srcIpLo()).isEqualTo(Packet.IPV4_MAPPED_PREFIX | 0xc0000201L);
            assertThat(p.dstIpLo()).isEqualTo(Packet.IPV4_MAPPED_PREFIX | 0xc6336402L);
            assertThat(p.srcIpv4()).isEqualTo(SRC_IPV4);
            assertThat(p.dstIpv4()).isEqualTo(DST_IPV4);
            assertThat(p.ttl()).isEqualTo(64);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.UDP);
            assertThat(p.isFragment()).isFalse();
            assertThat(p.isFirstFragment()).isTrue();
            assertThat(p.fragmentId()).isEqualTo(0x1c46);
            assertThat(p.l3Length()).isEqualTo(32);
            assertThat(p.ipPayloadOffset()).isEqualTo(34);
            assertThat(p.ipPayloadLength()).isEqualTo(12);
            assertThat(p.l4Offset()).isEqualTo(34);
            Ipv4View v4 = p.ipv4();
            assertThat(v4.valid()).isTrue();
            assertThat(v4.version()).isEqualTo(4);
            assertThat(v4.ihl()).isEqualTo(5);
            assertThat(v4.headerLength()).isEqualTo(20);
            assertThat(v4.tos()).isEqualTo(0xb9);
            assertThat(v4.dscp()).isEqualTo(46);
            assertThat(v4.ecn()).isEqualTo(1);
            assertThat(v4.totalLength()).isEqualTo(32);
            assertThat(v4.identification()).isEqualTo(0x1c46);
            assertThat(v4.dontFragment()).isTrue();
            assertThat(v4.moreFragments()).isFalse();
            assertThat(v4.reservedFlag()).isFalse();
            assertThat(v4.fragmentOffset()).isZero();
            assertThat(v4.ttl()).isEqualTo(64);
            assertThat(v4.protocol()).isEqualTo(IpProtocols.UDP);
            assertThat(v4.source()).isEqualTo(SRC_IPV4);
            assertThat(v4.destination()).isEqualTo(DST_IPV4);
            assertThat(v4.optionsLength()).isZero();
            assertThat(v4.headerChecksumValid()).as("TOS was changed after the checksum").isFalse();
            assertThat(decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, UDP_4))).ipv4().headerChecksumValid()).isTrue();
        }

        @Test
        @DisplayName("IHL below 5 or a version other than 4 is malformed")
        void invalidVersionOrIhl() {
            byte[] ip = ipv4(IpProtocols.UDP, UDP_4);
            Packet shortIhl = decode(ethernet(EtherTypes.IPV4, withU8(ip, 0, 0x44)));
            assertThat(shortIhl.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(shortIhl.isIp()).isFalse();
            assertThat(shortIhl.l4Offset()).isEqualTo(-1);
            Packet version6 = decode(ethernet(EtherTypes.IPV4, withU8(ip, 0, 0x65)));
            assertThat(version6.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(version6.ipv4().valid()).isFalse();
        }

        @Test
        @DisplayName("Fewer than 20 bytes is malformed")
        void truncatedHeader() {
            Packet p = decode(ethernet(EtherTypes.IPV4, Arrays.copyOf(ipv4(IpProtocols.UDP, UDP_4), 19)));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(p.isIp()).isFalse();
        }
    }

    @Nested
    @DisplayName("RFC 791 §3.1 IHL > 5 options")
    class Options {
        @Test
        @DisplayName("The options bytes are exposed and the transport header follows them")
        void routerAlert() {
            byte[] frame = ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, ROUTER_ALERT, 0, UDP_4));
            Packet p = decode(frame);
            Ipv4View v4 = p.ipv4();
            assertThat(v4.ihl()).isEqualTo(6);
            assertThat(v4.optionsOffset()).isEqualTo(34);
            assertThat(v4.optionsLength()).isEqualTo(4);
            assertThat(Arrays.copyOfRange(p.data(), v4.optionsOffset(), v4.optionsOffset() + v4.optionsLength())).isEqualTo(ROUTER_ALERT);
            assertThat(v4.headerChecksumValid()).isTrue();
            assertThat(p.l4Offset()).isEqualTo(38);
            assertThat(p.srcPort()).isEqualTo(1000);
            assertThat(p.payloadLength()).isEqualTo(4);
        }

        @Test
        @DisplayName("The maximum IHL of 15 (40 bytes of options)")
        void maximumOptions() {
            byte[] options = concat(hex("07 27 04"), zeros(36), hex("00"));
            Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, options, 0, UDP_4)));
            assertThat(p.ipv4().headerLength()).isEqualTo(Ipv4View.MAX_HEADER_LENGTH);
            assertThat(p.ipv4().optionsLength()).isEqualTo(40);
            assertThat(p.l4Offset()).isEqualTo(14 + 60);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("Options cut by the capture: addresses known, no transport, malformed")
        void truncatedOptions() {
            byte[] frame = ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, ROUTER_ALERT, 0, UDP_4));
            Packet p = decode(Arrays.copyOf(frame, 14 + 22));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(p.ipVersion()).isEqualTo(4);
            assertThat(p.srcIpv4()).isEqualTo(SRC_IPV4);
            assertThat(p.l4Offset()).isEqualTo(-1);
            assertThat(p.srcPort()).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("RFC 791 §3.1 total length vs captured length")
    class TotalLength {
        @Test
        @DisplayName("Ethernet padding after the datagram is not part of it")
        void paddingExcluded() {
            byte[] ip = ipv4(IpProtocols.UDP, udp(7, 7, NO_BYTES));
            Packet p = decode(ethernet(EtherTypes.IPV4, concat(ip, zeros(18))));
            assertThat(p.length()).isEqualTo(60);
            assertThat(p.l3Length()).isEqualTo(28);
            assertThat(p.ipv4().length()).isEqualTo(28);
            assertThat(p.ipPayloadLength()).isEqualTo(8);
            assertThat(p.l4Length()).isEqualTo(8);
            assertThat(p.payloadLength()).isZero();
            assertThat(p.malformed()).isZero();
        }

        @Test
        @DisplayName("A total length beyond an uncut frame is malformed; what is there is still decoded")
        void totalLengthTooLarge() {
            byte[] frame = ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, UDP_4));
            byte[] lying = withU16(frame, 16, 200);
            Packet p = decode(lying);
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(p.l3Length()).isEqualTo(32);
            assertThat(p.srcPort()).isEqualTo(1000);
        }

        @Test
        @DisplayName("The same frame cut by the snap length is not malformed")
        void snapLengthCut() {
            byte[] frame = ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, udp(1000, 2000, zeros(100))));
            Packet p = new Packet();
            new PacketDecoder().decode(frame, 64, frame.length, 0, LinkType.ETHERNET, p);
            assertThat(p.isTruncated()).isTrue();
            assertThat(p.malformed()).isZero();
            assertThat(p.l3Length()).isEqualTo(50);
            assertThat(p.payloadLength()).isEqualTo(64 - 42);
            assertThat(p.udp().udpLength()).isEqualTo(108);
        }

        @Test
        @DisplayName("Total length 0 (segmentation offload on the capturing host) uses the captured length")
        void segmentationOffload() {
            byte[] frame = withU16(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.TCP, tcp(1, 2, TcpView.ACK, NO_BYTES, zeros(30)))), 16, 0);
            Packet p = decode(frame);
            assertThat(p.malformed()).isZero();
            assertThat(p.l3Length()).isEqualTo(70);
            assertThat(p.payloadLength()).isEqualTo(30);
        }

        @Test
        @DisplayName("A total length below the header length is malformed")
        void totalLengthBelowHeader() {
            Packet p = decode(withU16(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, UDP_4)), 16, 19));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(p.l4Offset()).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("RFC 791 §3.2 fragments (MF flag, fragment offset)")
    class Fragments {
        final byte[] udpHeaderAndData = udp(5000, 6000, zeros(24));

        @Test
        @DisplayName("First fragment (MF, offset 0): the transport header is decoded")
        void firstFragment() {
            Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, NO_BYTES, Ipv4View.FLAG_MORE_FRAGMENTS, udpHeaderAndData)));
            assertThat(p.isFragment()).isTrue();
            assertThat(p.isFirstFragment()).isTrue();
            assertThat(p.moreFragments()).isTrue();
            assertThat(p.fragmentOffset()).isZero();
            assertThat(p.srcPort()).isEqualTo(5000);
            assertThat(p.l4Offset()).isEqualTo(34);
        }

        @Test
        @DisplayName("Middle fragment (MF, offset > 0): protocol known, no ports")
        void middleFragment() {
            Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, NO_BYTES, Ipv4View.FLAG_MORE_FRAGMENTS | 185, zeros(32))));
            assertThat(p.isFragment()).isTrue();
            assertThat(p.isFirstFragment()).isFalse();
            assertThat(p.fragmentOffset()).isEqualTo(185 * 8);
            assertThat(p.ipv4().fragmentOffsetBytes()).isEqualTo(1480);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.UDP);
            assertThat(p.srcPort()).isEqualTo(-1);
            assertThat(p.dstPort()).isEqualTo(-1);
            assertThat(p.isUdp()).isFalse();
            assertThat(p.l4Offset()).isEqualTo(-1);
            assertThat(p.payloadOffset()).isEqualTo(-1);
            assertThat(p.ipPayloadOffset()).isEqualTo(34);
            assertThat(p.ipPayloadLength()).isEqualTo(32);
            assertThat(p.fragmentId()).isEqualTo(0x1c46);
        }

        @Test
        @DisplayName("Last fragment (MF clear, offset > 0) is a fragment too")
        void lastFragment() {
            Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, NO_BYTES, 370, zeros(8))));
            assertThat(p.isFragment()).isTrue();
            assertThat(p.isFirstFragment()).isFalse();
            assertThat(p.moreFragments()).isFalse();
            assertThat(p.srcPort()).isEqualTo(-1);
        }
    }
}
