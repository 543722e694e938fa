package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Ipv6DecodingTest {

    static final byte[] UDP_6 = udp(1000, 2000, hex("0102"));

    static Packet decodeIpv6(byte[] packet) { return decode(ethernet(EtherTypes.IPV6, packet)); }

    @Nested
    @DisplayName("RFC 8200 §3 fixed header")
    class Header {
        @Test
        void fields() {
            byte[] packet = withU16(withU16(ipv6(IpProtocols.UDP, UDP_6), 0, 0x6b81), 2, 0x2345);
            Packet p = decodeIpv6(packet);
            assertThat(p.ipVersion()).isEqualTo(6);
            assertThat(Addresses.ip(p.srcIpHi(), p.srcIpLo())).isEqualTo("2001:db8::1");
            assertThat(Addresses.ip(p.dstIpHi(), p.dstIpLo())).isEqualTo("2001:db8::2");
            assertThat(p.ttl()).isEqualTo(64);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.UDP);
            assertThat(p.isFragment()).isFalse();
            assertThat(p.isFirstFragment()).isTrue();
            assertThat(p.fragmentId()).isEqualTo(-1);
            assertThat(p.l3Length()).isEqualTo(50);
            assertThat(p.l4Offset()).isEqualTo(54);
            assertThat(p.isUdp()).isTrue();
            Ipv6View v6 = p.ipv6();
            assertThat(v6.valid()).isTrue();
            assertThat(v6.version()).isEqualTo(6);
            assertThat(v6.trafficClass()).isEqualTo(0xb8);
            assertThat(v6.dscp()).isEqualTo(46);
            assertThat(v6.ecn()).isZero();
            assertThat(v6.flowLabel()).isEqualTo(0x12345);
            assertThat(v6.payloadLength()).isEqualTo(10);
            assertThat(v6.nextHeader()).isEqualTo(IpProtocols.UDP);
            assertThat(v6.hopLimit()).isEqualTo(64);
            assertThat(v6.sourceHi()).isEqualTo(p.srcIpHi());
            assertThat(v6.destinationLo()).isEqualTo(p.dstIpLo());
            assertThat(v6.extensionHeaderCount()).isZero();
        }

        @Test
        void truncatedOrWrongVersion() {
            byte[] packet = ipv6(IpProtocols.UDP, UDP_6);
            Packet cut = decodeIpv6(Arrays.copyOf(packet, 39));
            assertThat(cut.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
            assertThat(cut.isIp()).isFalse();
            Packet v4 = decodeIpv6(withU8(packet, 0, 0x45));
            assertThat(v4.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
        }

        @Test
        @DisplayName("Ethernet padding after the payload length is excluded")
        void padding() {
            byte[] packet = ipv6(IpProtocols.UDP, udp(1, 2, NO_BYTES));
            Packet p = decodeIpv6(concat(packet, zeros(6)));
            assertThat(p.l3Length()).isEqualTo(48);
            assertThat(p.payloadLength()).isZero();
            assertThat(p.malformed()).isZero();
        }

        @Test
        @DisplayName("A payload length beyond an uncut frame is malformed; a snap-length cut is not")
        void payloadLengthTooLarge() {
            byte[] frame = withU16(ethernet(EtherTypes.IPV6, ipv6(IpProtocols.UDP, UDP_6)), 18, 300);
            assertThat(decode(frame).malformed()).isEqualTo(Packet.MALFORMED_IPV6);
            Packet cut = new Packet();
            new PacketDecoder().decode(frame, frame.length, 354, 0, LinkType.ETHERNET, cut);
            assertThat(cut.malformed()).isZero();
            assertThat(cut.isUdp()).isTrue();
        }

        @Test
        @DisplayName("Payload length 0 (RFC 2675 jumbogram, or offload) uses the captured length")
        void zeroPayloadLength() {
            byte[] packet = withU16(ipv6(IpProtocols.UDP, UDP_6), 4, 0);
            Packet p = decodeIpv6(packet);
            assertThat(p.malformed()).isZero();
            assertThat(p.l3Length()).isEqualTo(50);
            assertThat(p.isUdp()).isTrue();
        }
    }

    @Nested
    @DisplayName("RFC 8200 §4 extension headers")
    class ExtensionHeaders {
        @Test
        @DisplayName("§4.3 hop-by-hop, §4.4 routing, §4.6 destination options, in wire order")
        void chain() {
            byte[] payload = concat(extension(IpProtocols.DESTINATION_OPTIONS), extension(IpProtocols.ROUTING),
                    extension(IpProtocols.UDP), UDP_6);
            Packet p = decodeIpv6(ipv6(IpProtocols.HOP_BY_HOP, payload));
            Ipv6View v6 = p.ipv6();
            assertThat(v6.extensionHeaderCount()).isEqualTo(3);
            assertThat(v6.extensionHeaderType(0)).isEqualTo(IpProtocols.HOP_BY_HOP);
            assertThat(v6.extensionHeaderType(1)).isEqualTo(IpProtocols.DESTINATION_OPTIONS);
            assertThat(v6.extensionHeaderType(2)).isEqualTo(IpProtocols.ROUTING);
            assertThat(v6.extensionHeaderOffset(0)).isEqualTo(54);
            assertThat(v6.extensionHeaderOffset(2)).isEqualTo(70);
            assertThat(v6.extensionHeaderLength(1)).isEqualTo(8);
            assertThat(v6.hasExtensionHeader(IpProtocols.ROUTING)).isTrue();
            assertThat(v6.hasExtensionHeader(IpProtocols.FRAGMENT)).isFalse();
            assertThat(v6.routingType()).isEqualTo(1);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.UDP);
            assertThat(p.ipPayloadOffset()).isEqualTo(78);
            assertThat(p.l4Offset()).isEqualTo(78);
            assertThat(p.dstPort()).isEqualTo(2000);
            assertThat(p.payloadLength()).isEqualTo(2);
        }

        @Test
        @DisplayName("Header extension length counts 8-byte units after the first 8")
        void longerHeader() {
            byte[] hopByHop = concat(hex("11 01 01 0c"), zeros(12));
            Packet p = decodeIpv6(ipv6(IpProtocols.HOP_BY_HOP, concat(hopByHop, UDP_6)));
            assertThat(p.ipv6().extensionHeaderLength(0)).isEqualTo(16);
            assertThat(p.l4Offset()).isEqualTo(54 + 16);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("RFC 4302 §2.2 AH: payload length in 4-byte units minus 2")
        void authenticationHeader() {
            byte[] ah = concat(hex("06 04 0000"), hex("00000100"), hex("00000001"), zeros(12));
            byte[] segment = tcp(443, 50000, TcpView.ACK, NO_BYTES, hex("17"));
            Packet p = decodeIpv6(ipv6(IpProtocols.AH, concat(ah, segment)));
            assertThat(p.ipv6().extensionHeaderType(0)).isEqualTo(IpProtocols.AH);
            assertThat(p.ipv6().extensionHeaderLength(0)).isEqualTo(24);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.TCP);
            assertThat(p.isTcp()).isTrue();
            assertThat(p.payloadLength()).isEqualTo(1);
        }

        @Test
        @DisplayName("ESP ends the walk: what follows is encrypted")
        void esp() {
            Packet p = decodeIpv6(ipv6(IpProtocols.HOP_BY_HOP, concat(extension(IpProtocols.ESP), hex("00001000 00000001"), zeros(16))));
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.ESP);
            assertThat(p.l4Offset()).isEqualTo(62);
            assertThat(p.srcPort()).isEqualTo(-1);
            assertThat(p.payloadOffset()).isEqualTo(-1);
            assertThat(p.malformed()).isZero();
        }

        @Test
        @DisplayName("§4.7 no next header: nothing follows")
        void noNextHeader() {
            Packet p = decodeIpv6(ipv6(IpProtocols.DESTINATION_OPTIONS, extension(IpProtocols.NO_NEXT_HEADER)));
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.NO_NEXT_HEADER);
            assertThat(p.l4Offset()).isEqualTo(-1);
            assertThat(p.ipPayloadLength()).isZero();
        }

        @Test
        @DisplayName("MAX_EXTENSION_HEADERS are walked, one more is malformed")
        void limit() {
            Packet atLimit = decodeIpv6(ipv6(IpProtocols.DESTINATION_OPTIONS, concat(chain(Ipv6View.MAX_EXTENSION_HEADERS), UDP_6)));
            assertThat(atLimit.malformed()).isZero();
            assertThat(atLimit.ipv6().extensionHeaderCount()).isEqualTo(Ipv6View.MAX_EXTENSION_HEADERS);
            assertThat(atLimit.isUdp()).isTrue();
            Packet over = decodeIpv6(ipv6(IpProtocols.DESTINATION_OPTIONS, concat(chain(Ipv6View.MAX_EXTENSION_HEADERS + 1), UDP_6)));
            assertThat(over.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
            assertThat(over.ipProtocol()).isEqualTo(-1);
            assertThat(over.l4Offset()).isEqualTo(-1);
        }

        /** {@code n} destination-options headers, the last pointing at UDP. */
        private static byte[] chain(int n) {
            byte[] out = NO_BYTES;
            for (int i = 0; i < n; i++) {
                out = concat(out, extension(i == n - 1 ? IpProtocols.UDP : IpProtocols.DESTINATION_OPTIONS));
            }
            return out;
        }

        @Test
        @DisplayName("An extension header running past the packet is malformed")
        void truncatedExtension() {
            byte[] hopByHop = concat(hex("11 01 01 0c"), zeros(4));
            Packet p = decodeIpv6(ipv6(IpProtocols.HOP_BY_HOP, hopByHop));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
            assertThat(p.l4Offset()).isEqualTo(-1);
            Packet oneByte = decodeIpv6(ipv6(IpProtocols.HOP_BY_HOP, hex("11")));
            assertThat(oneByte.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
        }
    }

    @Nested
    @DisplayName("RFC 8200 §4.5 fragment header")
    class Fragments {
        @Test
        @DisplayName("First fragment (offset 0, M set): the transport header is decoded")
        void first() {
            Packet p = decodeIpv6(ipv6(IpProtocols.FRAGMENT, concat(fragmentHeader(IpProtocols.UDP, 0, true, 0xdeadbeef), udp(1, 2, zeros(40)))));
            assertThat(p.isFragment()).isTrue();
            assertThat(p.isFirstFragment()).isTrue();
            assertThat(p.moreFragments()).isTrue();
            assertThat(p.fragmentId()).isEqualTo(0xdeadbeefL);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.UDP);
            assertThat(p.l4Offset()).isEqualTo(62);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("Later fragment: protocol from the fragment header, no transport header")
        void later() {
            Packet p = decodeIpv6(ipv6(IpProtocols.HOP_BY_HOP,
                    concat(extension(IpProtocols.FRAGMENT), fragmentHeader(IpProtocols.UDP, 1232, false, 7), zeros(40))));
            assertThat(p.isFragment()).isTrue();
            assertThat(p.isFirstFragment()).isFalse();
            assertThat(p.fragmentOffset()).isEqualTo(1232);
            assertThat(p.fragmentId()).isEqualTo(7);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.UDP);
            assertThat(p.srcPort()).isEqualTo(-1);
            assertThat(p.l4Offset()).isEqualTo(-1);
            assertThat(p.ipPayloadOffset()).isEqualTo(70);
            assertThat(p.ipPayloadLength()).isEqualTo(40);
            assertThat(p.ipv6().extensionHeaderCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("A later fragment whose data looks like another header is not walked further")
        void laterFragmentStopsTheWalk() {
            Packet p = decodeIpv6(ipv6(IpProtocols.FRAGMENT, concat(fragmentHeader(IpProtocols.DESTINATION_OPTIONS, 8, true, 9),
                    extension(IpProtocols.UDP), zeros(8))));
            assertThat(p.ipv6().extensionHeaderCount()).isEqualTo(1);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.DESTINATION_OPTIONS);
            assertThat(p.ipPayloadOffset()).isEqualTo(62);
        }

        @Test
        @DisplayName("RFC 6946 atomic fragment (offset 0, M clear) is processed as unfragmented")
        void atomic() {
            Packet p = decodeIpv6(ipv6(IpProtocols.FRAGMENT, concat(fragmentHeader(IpProtocols.UDP, 0, false, 1), UDP_6)));
            assertThat(p.isFragment()).isFalse();
            assertThat(p.isFirstFragment()).isTrue();
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        void truncatedFragmentHeader() {
            Packet p = decodeIpv6(ipv6(IpProtocols.FRAGMENT, hex("11 00 0000 0000")));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
            assertThat(p.isFragment()).isFalse();
        }
    }
}
