package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.LinkType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawAndLoopbackDecodingTest {

    static final byte[] V4 = ipv4(IpProtocols.TCP, tcp(1234, 80, TcpView.SYN, NO_BYTES, NO_BYTES));
    static final byte[] V6 = ipv6(IpProtocols.UDP, udp(546, 547, hex("01")));

    @Nested
    @DisplayName("LINKTYPE_RAW (and legacy 12, 14): the version nibble selects IPv4 or IPv6")
    class RawIp {
        @ParameterizedTest
        @ValueSource(ints = {LinkType.RAW, LinkType.RAW_LEGACY_12, LinkType.RAW_LEGACY_14})
        void ipv4AndIpv6(int linkType) {
            Packet v4 = decode(V4, linkType);
            assertThat(v4.ipVersion()).isEqualTo(4);
            assertThat(v4.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(v4.l3Offset()).isZero();
            assertThat(v4.isTcp()).isTrue();
            assertThat(v4.srcMac()).isEqualTo(Packet.NO_MAC);
            Packet v6 = decode(V6, linkType);
            assertThat(v6.ipVersion()).isEqualTo(6);
            assertThat(v6.etherType()).isEqualTo(EtherTypes.IPV6);
            assertThat(v6.isUdp()).isTrue();
            assertThat(v6.dstPort()).isEqualTo(547);
        }

        @Test
        @DisplayName("Another version nibble decodes nothing")
        void notIp() {
            Packet p = new Packet();
            byte[] frame = withU8(V4, 0, 0x55);
            assertThat(new PacketDecoder().decode(frame, frame.length, frame.length, 0, LinkType.RAW, p)).isFalse();
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.l3Offset()).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229)")
    class FixedVersion {
        @Test
        void eachCarriesItsVersion() {
            assertThat(decode(V4, LinkType.IPV4).isTcp()).isTrue();
            assertThat(decode(V6, LinkType.IPV6).isUdp()).isTrue();
        }

        @Test
        @DisplayName("An IPv6 packet under LINKTYPE_IPV4 is a malformed IPv4 header")
        void versionMismatch() {
            Packet p = new Packet();
            assertThat(new PacketDecoder().decode(V6, V6.length, V6.length, 0, LinkType.IPV4, p)).isFalse();
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV4);
            assertThat(p.isIp()).isFalse();
            assertThat(new PacketDecoder().decode(V4, V4.length, V4.length, 0, LinkType.IPV6, p)).isFalse();
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_IPV6);
        }
    }

    @Nested
    @DisplayName("LINKTYPE_NULL (host byte order) and LINKTYPE_LOOP (network byte order)")
    class Loopback {
        @Test
        @DisplayName("AF_INET written by a little-endian host")
        void nullLittleEndian() {
            Packet p = decode(concat(hex("02000000"), V4), LinkType.NULL);
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.l3Offset()).isEqualTo(4);
            assertThat(p.isTcp()).isTrue();
        }

        @Test
        @DisplayName("AF_INET written by a big-endian host")
        void nullBigEndian() {
            Packet p = decode(concat(hex("00000002"), V4), LinkType.NULL);
            assertThat(p.ipVersion()).isEqualTo(4);
            assertThat(p.isTcp()).isTrue();
        }

        @ParameterizedTest(name = "AF_INET6 = {0} (BSD 24, FreeBSD 28, Darwin 30), both byte orders")
        @ValueSource(ints = {24, 28, 30})
        void nullIpv6Families(int family) {
            Packet little = decode(concat(new byte[] {(byte) family, 0, 0, 0}, V6), LinkType.NULL);
            assertThat(little.ipVersion()).isEqualTo(6);
            assertThat(little.isUdp()).isTrue();
            Packet big = decode(concat(u32(family), V6), LinkType.NULL);
            assertThat(big.ipVersion()).isEqualTo(6);
            assertThat(big.l3Offset()).isEqualTo(4);
        }

        @Test
        void loopNetworkOrder() {
            Packet p = decode(concat(u32(2), V4), LinkType.LOOP);
            assertThat(p.ipVersion()).isEqualTo(4);
            Packet v6 = decode(concat(u32(24), V6), LinkType.LOOP);
            assertThat(v6.ipVersion()).isEqualTo(6);
        }

        @Test
        @DisplayName("Another family (7, OSI) leaves the payload undecoded")
        void unknownFamily() {
            Packet p = new Packet();
            byte[] frame = concat(u32(7), V4);
            assertThat(new PacketDecoder().decode(frame, frame.length, frame.length, 0, LinkType.NULL, p)).isTrue();
            assertThat(p.etherType()).isZero();
            assertThat(p.isIp()).isFalse();
            assertThat(p.l3Offset()).isEqualTo(4);
            assertThat(p.l3Length()).isEqualTo(V4.length);
        }

        @Test
        void truncated() {
            Packet p = decode(hex("020000"), LinkType.NULL);
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.l3Offset()).isEqualTo(-1);
        }
    }
}
