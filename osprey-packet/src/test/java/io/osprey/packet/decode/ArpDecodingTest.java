package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 826 ARP")
class ArpDecodingTest {

    /** Who has 192.0.2.2? Tell 192.0.2.1 (SRC_MAC). */
    static final byte[] REQUEST = concat(hex("0001 0800 06 04 0001"), mac(SRC_MAC), hex("c0000201"), mac(0), hex("c0000202"));

    @Test
    void request() {
        Packet p = decode(ethernet(EtherTypes.ARP, REQUEST));
        assertThat(p.isArp()).isTrue();
        assertThat(p.isIp()).isFalse();
        assertThat(p.l3Offset()).isEqualTo(14);
        ArpView arp = p.arp();
        assertThat(arp.valid()).isTrue();
        assertThat(arp.hardwareType()).isEqualTo(ArpView.HARDWARE_ETHERNET);
        assertThat(arp.protocolType()).isEqualTo(EtherTypes.IPV4);
        assertThat(arp.hardwareLength()).isEqualTo(6);
        assertThat(arp.protocolLength()).isEqualTo(4);
        assertThat(arp.opcode()).isEqualTo(ArpView.REQUEST);
        assertThat(arp.senderMac()).isEqualTo(SRC_MAC);
        assertThat(arp.senderIp()).isEqualTo(0xc0000201);
        assertThat(arp.targetMac()).isZero();
        assertThat(arp.targetIp()).isEqualTo(0xc0000202);
        assertThat(arp.isGratuitous()).isFalse();
        assertThat(arp.isProbe()).isFalse();
        assertThat(p.malformed()).isZero();
    }

    @Test
    @DisplayName("Ethernet padding after the 28 bytes is ignored")
    void padded() {
        Packet p = decode(ethernet(EtherTypes.ARP, concat(REQUEST, zeros(18))));
        assertThat(p.isArp()).isTrue();
        assertThat(p.malformed()).isZero();
    }

    @Test
    @DisplayName("RFC 5227 §2.1.1 probe and §3 announcement")
    void probeAndGratuitous() {
        byte[] probe = withU16(withU16(REQUEST, 14, 0), 16, 0);
        assertThat(decode(ethernet(EtherTypes.ARP, probe)).arp().isProbe()).isTrue();
        byte[] announcement = withU16(withU16(REQUEST, 24, 0xc000), 26, 0x0201);
        assertThat(decode(ethernet(EtherTypes.ARP, announcement)).arp().isGratuitous()).isTrue();
    }

    @Test
    @DisplayName("Hardware type 6 (IEEE 802) also carries 48-bit MACs")
    void ieee802HardwareType() {
        Packet p = decode(ethernet(EtherTypes.ARP, withU16(REQUEST, 0, ArpView.HARDWARE_IEEE_802)));
        assertThat(p.isArp()).isTrue();
    }

    @Test
    @DisplayName("Other address sizes are ARP, but not Ethernet/IPv4 ARP")
    void otherAddressSizes() {
        byte[] frame = ethernet(EtherTypes.ARP, withU8(REQUEST, 4, 8));
        Packet p = decode(frame);
        assertThat(p.arp().valid()).isFalse();
        assertThat(p.isArp()).isFalse();
        assertThat(p.etherType()).isEqualTo(EtherTypes.ARP);
    }

    @Test
    void truncated() {
        Packet fixedPartCut = decode(ethernet(EtherTypes.ARP, Arrays.copyOf(REQUEST, 7)));
        assertThat(fixedPartCut.malformed()).isEqualTo(Packet.MALFORMED_ARP);
        assertThat(fixedPartCut.isArp()).isFalse();
        Packet addressesCut = decode(ethernet(EtherTypes.ARP, Arrays.copyOf(REQUEST, 27)));
        assertThat(addressesCut.malformed()).isEqualTo(Packet.MALFORMED_ARP);
        assertThat(addressesCut.isArp()).isFalse();
    }
}
