package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 792 ICMP")
class IcmpDecodingTest {

    static Packet decodeIcmp(byte[] message) { return decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.ICMP, message))); }

    @Test
    @DisplayName("Echo request: identifier, sequence, payload after the 8-byte header")
    void echo() {
        Packet p = decodeIcmp(icmp(IcmpView.ECHO_REQUEST, 0, 0x12340001, hex("6162636465")));
        assertThat(p.isIcmp()).isTrue();
        assertThat(p.srcPort()).isEqualTo(-1);
        IcmpView icmp = p.icmp();
        assertThat(icmp.type()).isEqualTo(IcmpView.ECHO_REQUEST);
        assertThat(icmp.code()).isZero();
        assertThat(icmp.checksum()).isZero();
        assertThat(icmp.identifier()).isEqualTo(0x1234);
        assertThat(icmp.sequence()).isEqualTo(1);
        assertThat(icmp.restOfHeader()).isEqualTo(0x12340001);
        assertThat(icmp.isError()).isFalse();
        assertThat(p.payloadOffset()).isEqualTo(42);
        assertThat(p.payloadLength()).isEqualTo(5);
    }

    @Test
    @DisplayName("RFC 1191 fragmentation needed: next-hop MTU; the quoted datagram follows the header")
    void fragmentationNeeded() {
        byte[] quoted = Arrays.copyOf(ipv4(IpProtocols.UDP, udp(1, 2, NO_BYTES)), 28);
        Packet p = decodeIcmp(icmp(IcmpView.DESTINATION_UNREACHABLE, IcmpView.CODE_FRAGMENTATION_NEEDED, 1400, quoted));
        IcmpView icmp = p.icmp();
        assertThat(icmp.isError()).isTrue();
        assertThat(icmp.nextHopMtu()).isEqualTo(1400);
        assertThat(icmp.quotedOffset()).isEqualTo(42);
        assertThat(p.data()[icmp.quotedOffset()]).isEqualTo((byte) 0x45);
        assertThat(p.payloadLength()).isEqualTo(28);
    }

    @Test
    void redirectAndParameterProblem() {
        assertThat(decodeIcmp(icmp(IcmpView.REDIRECT, 1, 0xc0000203, NO_BYTES)).icmp().gateway()).isEqualTo(0xc0000203);
        assertThat(decodeIcmp(icmp(IcmpView.PARAMETER_PROBLEM, 0, 0x14000000, NO_BYTES)).icmp().pointer()).isEqualTo(20);
    }

    @Test
    @DisplayName("Fewer than 8 bytes is malformed")
    void truncated() {
        Packet p = decodeIcmp(Arrays.copyOf(icmp(IcmpView.ECHO_REPLY, 0, 0, NO_BYTES), 7));
        assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_ICMP);
        assertThat(p.isIcmp()).isFalse();
        assertThat(p.payloadOffset()).isEqualTo(-1);
        assertThat(p.ipProtocol()).isEqualTo(IpProtocols.ICMP);
    }
}
