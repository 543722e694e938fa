package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.LinkType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 768 UDP")
class UdpDecodingTest {

    @Test
    void fields() {
        Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, udp(68, 67, hex("0101060000")))));
        assertThat(p.isUdp()).isTrue();
        assertThat(p.srcPort()).isEqualTo(68);
        assertThat(p.dstPort()).isEqualTo(67);
        assertThat(p.l4Offset()).isEqualTo(34);
        assertThat(p.payloadOffset()).isEqualTo(42);
        assertThat(p.payloadLength()).isEqualTo(5);
        UdpView udp = p.udp();
        assertThat(udp.valid()).isTrue();
        assertThat(udp.sourcePort()).isEqualTo(68);
        assertThat(udp.destinationPort()).isEqualTo(67);
        assertThat(udp.udpLength()).isEqualTo(13);
        assertThat(udp.checksum()).isZero();
        assertThat(udp.length()).isEqualTo(13);
        assertThat(p.tcpFlags()).isZero();
    }

    @Test
    @DisplayName("Ethernet padding: a 4-byte datagram in a 60-byte frame has 4 bytes of payload")
    void ethernetPadding() {
        byte[] frame = ethernet(EtherTypes.IPV4, concat(ipv4(IpProtocols.UDP, udp(1, 2, hex("cafebabe"))), zeros(14)));
        Packet p = decode(frame);
        assertThat(frame).hasSize(60);
        assertThat(p.payloadLength()).isEqualTo(4);
        assertThat(p.l4Length()).isEqualTo(12);
        assertThat(p.malformed()).isZero();
    }

    @Test
    @DisplayName("A UDP length shorter than the IP payload bounds the payload")
    void udpLengthBoundsPayload() {
        byte[] datagram = withU16(udp(1, 2, zeros(12)), 4, 10);
        Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, datagram)));
        assertThat(p.payloadLength()).isEqualTo(2);
        assertThat(p.udp().length()).isEqualTo(10);
        assertThat(p.l4Length()).isEqualTo(20);
        assertThat(p.malformed()).isZero();
    }

    @Test
    @DisplayName("A UDP length beyond the IP payload is malformed; the captured bytes are the payload")
    void udpLengthTooLarge() {
        byte[] datagram = withU16(udp(1, 2, zeros(12)), 4, 400);
        Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, datagram)));
        assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_UDP);
        assertThat(p.isUdp()).isTrue();
        assertThat(p.payloadLength()).isEqualTo(12);
    }

    @Test
    @DisplayName("A UDP length below 8 is malformed: ports kept, no payload")
    void udpLengthTooSmall() {
        Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, withU16(udp(1, 2, zeros(4)), 4, 7))));
        assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_UDP);
        assertThat(p.srcPort()).isEqualTo(1);
        assertThat(p.payloadOffset()).isEqualTo(-1);
    }

    @Test
    @DisplayName("Fewer than 8 bytes: no ports")
    void truncated() {
        Packet p = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, Arrays.copyOf(udp(1, 2, NO_BYTES), 7))));
        assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_UDP);
        assertThat(p.isUdp()).isFalse();
        assertThat(p.srcPort()).isEqualTo(-1);
    }

    @Test
    @DisplayName("RFC 2675 §4: length 0 over IPv6 means 'use the IP payload length'")
    void jumbogramLength() {
        byte[] datagram = withU16(udp(1, 2, zeros(6)), 4, 0);
        Packet v6 = decode(ethernet(EtherTypes.IPV6, ipv6(IpProtocols.UDP, datagram)));
        assertThat(v6.malformed()).isZero();
        assertThat(v6.payloadLength()).isEqualTo(6);
        Packet v4 = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, datagram)));
        assertThat(v4.malformed()).isEqualTo(Packet.MALFORMED_UDP);
    }

    @Test
    @DisplayName("Real capture: BACnet/IP frames whose 4 FCS bytes were not captured (ITI bacnet_test): cut, not malformed")
    void realCaptureCutBeforeFcs() {
        Path file = Path.of("..", "..", "shared", "data", "pcaps", "ics-iti", "bacnet", "bacnet_test.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data/pcaps absent: skipped");
        PcapFixture capture = PcapFixture.fromFile(file);
        // tshark -r bacnet_test.pcap -T fields -e frame.number -e frame.len -e frame.cap_len -e ip.len -e udp.length -e udp.srcport
        int[][] expected = {{1, 46, 42, 28, 8, 64087}, {2, 46, 42, 28, 8, 64088}, {3, 63, 59, 45, 25, 47808}, {8, 73, 69, 55, 35, 47808}};
        Packet p = new Packet();
        for (int[] row : expected) {
            PcapFixture.Record r = capture.frame(row[0]);
            new PacketDecoder().decode(r.data(), r.data().length, r.wireLength(), r.timestampNanos(), LinkType.ETHERNET, p);
            assertThat(p.wireLength()).isEqualTo(row[1]);
            assertThat(p.length()).isEqualTo(row[2]);
            assertThat(p.isTruncated()).isTrue();
            assertThat(p.l3Length()).isEqualTo(row[3]);
            assertThat(p.payloadLength()).as("frame %d", row[0]).isEqualTo(row[4] - 8);
            assertThat(p.srcPort()).isEqualTo(row[5]);
            assertThat(p.malformed()).isZero();
        }
    }
}
