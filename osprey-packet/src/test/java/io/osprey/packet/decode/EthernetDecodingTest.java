package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.Frame;
import io.osprey.packet.capture.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EthernetDecodingTest {

    static final byte[] UDP_IN_IPV4 = ipv4(IpProtocols.UDP, udp(5353, 5353, hex("cafe")));

    @Nested
    @DisplayName("IEEE 802.3 §3.1.1 Ethernet II")
    class EthernetII {
        @Test
        void addressesTypeAndNetworkOffset() {
            Packet p = decode(ethernet(EtherTypes.IPV4, UDP_IN_IPV4));
            assertThat(p.dstMac()).isEqualTo(DST_MAC);
            assertThat(p.srcMac()).isEqualTo(SRC_MAC);
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.l3Offset()).isEqualTo(14);
            assertThat(p.outerVlan()).isEqualTo(Packet.NO_VLAN);
            assertThat(p.innerVlan()).isEqualTo(Packet.NO_VLAN);
            assertThat(p.isLlc()).isFalse();
            assertThat(p.ethernet().valid()).isTrue();
            assertThat(p.ethernet().destination()).isEqualTo(DST_MAC);
            assertThat(p.ethernet().source()).isEqualTo(SRC_MAC);
            assertThat(p.ethernet().tagCount()).isZero();
            assertThat(p.ethernet().headerLength()).isEqualTo(14);
            assertThat(p.isUdp()).isTrue();
            assertThat(p.malformed()).isZero();
        }

        @Test
        void unknownEtherTypeKeepsItsPayload() {
            Packet p = decode(ethernet(EtherTypes.LLDP, hex("0207 04 001122334455")));
            assertThat(p.etherType()).isEqualTo(EtherTypes.LLDP);
            assertThat(p.l3Offset()).isEqualTo(14);
            assertThat(p.l3Length()).isEqualTo(9);
            assertThat(p.isIp()).isFalse();
            assertThat(p.ipProtocol()).isEqualTo(-1);
        }

        @Test
        void decodesFromAFrame() {
            byte[] bytes = ethernet(EtherTypes.IPV4, UDP_IN_IPV4);
            Frame frame = new Frame();
            System.arraycopy(bytes, 0, frame.buffer(bytes.length), 0, bytes.length);
            frame.set(1_700_000_000_123_456_789L, LinkType.ETHERNET, 0, bytes.length, bytes.length + 10);
            Packet p = new Packet();
            assertThat(new PacketDecoder().decode(frame, p)).isTrue();
            assertThat(p.timestampNanos()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(p.wireLength()).isEqualTo(bytes.length + 10);
            assertThat(p.length()).isEqualTo(bytes.length);
            assertThat(p.isTruncated()).isTrue();
            assertThat(p.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(p.dstPort()).isEqualTo(5353);
        }

        @Test
        @DisplayName("A header shorter than 14 bytes decodes nothing")
        void truncatedHeader() {
            Packet p = decode(Arrays.copyOf(ethernet(EtherTypes.IPV4, UDP_IN_IPV4), 13));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.srcMac()).isEqualTo(Packet.NO_MAC);
            assertThat(p.l3Offset()).isEqualTo(-1);
        }

        @Test
        @DisplayName("Empty frames and unsupported link types return false without a malformed bit")
        void nothingToDecode() {
            Packet p = new Packet();
            PacketDecoder decoder = new PacketDecoder();
            assertThat(decoder.decode(new byte[0], 0, 0, 0, LinkType.ETHERNET, p)).isFalse();
            assertThat(p.malformed()).isZero();
            byte[] frame = ethernet(EtherTypes.IPV4, UDP_IN_IPV4);
            assertThat(decoder.decode(frame, frame.length, frame.length, 0, 105, p)).isFalse();
            assertThat(p.l3Offset()).isEqualTo(-1);
            assertThat(p.srcMac()).isEqualTo(Packet.NO_MAC);
            assertThat(decoder.decode(null, 10, 10, 0, LinkType.ETHERNET, p)).isFalse();
        }

        @Test
        @DisplayName("A length beyond the buffer is clipped to it")
        void lengthClippedToBuffer() {
            byte[] frame = ethernet(EtherTypes.IPV4, UDP_IN_IPV4);
            Packet p = new Packet();
            assertThat(new PacketDecoder().decode(frame, frame.length + 100, 0, 0, LinkType.ETHERNET, p)).isTrue();
            assertThat(p.length()).isEqualTo(frame.length);
            assertThat(p.wireLength()).isEqualTo(frame.length);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("Decoding resets every field of the previous packet")
        void reuseResets() {
            Packet p = new Packet();
            PacketDecoder decoder = new PacketDecoder();
            byte[] tagged = concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.VLAN, 0, 7), u16(EtherTypes.IPV4), UDP_IN_IPV4);
            decoder.decode(tagged, tagged.length, tagged.length, 0, LinkType.ETHERNET, p);
            byte[] arp = ethernet(EtherTypes.ARP, ArpDecodingTest.REQUEST);
            decoder.decode(arp, arp.length, arp.length, 0, LinkType.ETHERNET, p);
            assertThat(p.outerVlan()).isEqualTo(Packet.NO_VLAN);
            assertThat(p.isIp()).isFalse();
            assertThat(p.srcPort()).isEqualTo(-1);
            assertThat(p.payloadOffset()).isEqualTo(-1);
            assertThat(p.ipProtocol()).isEqualTo(-1);
            assertThat(p.udp().valid()).isFalse();
            assertThat(p.ipv4().valid()).isFalse();
            assertThat(p.ethernet().tagCount()).isZero();
            assertThat(p.isArp()).isTrue();
        }
    }

    @Nested
    @DisplayName("IEEE 802.1Q §9.6 VLAN tags and 802.1ad QinQ")
    class VlanTags {
        @Test
        void singleTag() {
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.VLAN, 5, 100), u16(EtherTypes.IPV4), UDP_IN_IPV4));
            assertThat(p.outerVlan()).isEqualTo(100);
            assertThat(p.innerVlan()).isEqualTo(Packet.NO_VLAN);
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.l3Offset()).isEqualTo(18);
            assertThat(p.ethernet().tagCount()).isEqualTo(1);
            assertThat(p.ethernet().tagProtocolId(0)).isEqualTo(EtherTypes.VLAN);
            assertThat(p.ethernet().priority(0)).isEqualTo(5);
            assertThat(p.ethernet().vlanId(0)).isEqualTo(100);
            assertThat(p.ethernet().dropEligible(0)).isFalse();
            assertThat(p.ethernet().typeOrLength()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.ethernet().headerLength()).isEqualTo(18);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("802.1ad S-tag 0x88a8 outside a C-tag: outer and inner VLAN, combined key")
        void qinq() {
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.QINQ, 0, 300), tag(EtherTypes.VLAN, 0, 42),
                    u16(EtherTypes.IPV4), UDP_IN_IPV4));
            assertThat(p.outerVlan()).isEqualTo(300);
            assertThat(p.innerVlan()).isEqualTo(42);
            assertThat(p.vlanKey()).isEqualTo(300 << 12 | 42);
            assertThat(p.l3Offset()).isEqualTo(22);
            assertThat(p.ethernet().tagCount()).isEqualTo(2);
            assertThat(p.ethernet().vlanId(1)).isEqualTo(42);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("Pre-standard QinQ TPID 0x9100")
        void legacyQinq() {
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.QINQ_LEGACY, 0, 4094), tag(EtherTypes.VLAN, 0, 1),
                    u16(EtherTypes.IPV4), UDP_IN_IPV4));
            assertThat(p.outerVlan()).isEqualTo(4094);
            assertThat(p.innerVlan()).isEqualTo(1);
            assertThat(p.isUdp()).isTrue();
        }

        @Test
        @DisplayName("PROFINET RT in a VLAN 0 priority tag (PCP 6)")
        void priorityTag() {
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.VLAN, 6, 0), u16(EtherTypes.PROFINET), hex("fefe 05 00")));
            assertThat(p.outerVlan()).isZero();
            assertThat(p.etherType()).isEqualTo(EtherTypes.PROFINET);
            assertThat(p.ethernet().priority(0)).isEqualTo(6);
            assertThat(p.l3Offset()).isEqualTo(18);
        }

        @Test
        @DisplayName("More than MAX_VLAN_TAGS tags is malformed")
        void tooManyTags() {
            byte[] tags = new byte[0];
            for (int i = 0; i <= EthernetView.MAX_VLAN_TAGS; i++) {
                tags = concat(tags, tag(EtherTypes.VLAN, 0, i + 1));
            }
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), tags, u16(EtherTypes.IPV4), UDP_IN_IPV4));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.l3Offset()).isEqualTo(-1);
            assertThat(p.isIp()).isFalse();

            byte[] maxTags = new byte[0];
            for (int i = 0; i < EthernetView.MAX_VLAN_TAGS; i++) {
                maxTags = concat(maxTags, tag(EtherTypes.VLAN, 0, i + 1));
            }
            Packet ok = decode(concat(mac(DST_MAC), mac(SRC_MAC), maxTags, u16(EtherTypes.IPV4), UDP_IN_IPV4));
            assertThat(ok.malformed()).isZero();
            assertThat(ok.isUdp()).isTrue();
        }

        @Test
        void truncatedTag() {
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), u16(EtherTypes.VLAN), u16(100)));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.outerVlan()).isEqualTo(Packet.NO_VLAN);
            assertThat(p.l3Offset()).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("IEEE 802.3 length field, 802.2 LLC and RFC 1042 SNAP")
    class LlcSnap {
        /** Spanning tree BPDU: DSAP=SSAP=0x42, UI; 35 bytes of BPDU after 3 of LLC. */
        final byte[] stpLlc = concat(hex("42 42 03"), zeros(35));

        @Test
        @DisplayName("LLC without SNAP: pseudo EtherType LLC, SAPs, payload bounded by the length field")
        void spanningTree() {
            byte[] frame = concat(mac(0x0180c2000000L), mac(SRC_MAC), u16(stpLlc.length), stpLlc, zeros(7));
            Packet p = decode(frame);
            assertThat(p.etherType()).isEqualTo(EtherTypes.LLC);
            assertThat(p.isLlc()).isTrue();
            assertThat(p.llcDsap()).isEqualTo(0x42);
            assertThat(p.llcSsap()).isEqualTo(0x42);
            assertThat(p.llcControl()).isEqualTo(0x03);
            assertThat(p.snapOui()).isEqualTo(-1);
            assertThat(p.l3Offset()).isEqualTo(17);
            assertThat(p.l3Length()).as("padding after the 802.3 length is not payload").isEqualTo(35);
            assertThat(p.ethernet().isLengthField()).isTrue();
            assertThat(p.ethernet().typeOrLength()).isEqualTo(38);
            assertThat(p.malformed()).isZero();
        }

        @Test
        @DisplayName("IEEE 802.2 §5.3: I-format PDUs have a two-byte control field")
        void informationFormatControl() {
            byte[] llc = hex("f0 f0 0a 0b 01 02");
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), u16(llc.length), llc));
            assertThat(p.llcControl()).isEqualTo(0x0a0b);
            assertThat(p.l3Offset()).isEqualTo(18);
            assertThat(p.l3Length()).isEqualTo(2);
        }

        @Test
        @DisplayName("SNAP OUI 000000: the protocol id is an EtherType and decoding continues")
        void snapEncapsulatedEtherType() {
            byte[] snap = concat(hex("aa aa 03 000000"), u16(EtherTypes.IPV4), UDP_IN_IPV4);
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), u16(snap.length), snap));
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.snapOui()).isZero();
            assertThat(p.snapProtocolId()).isEqualTo(EtherTypes.IPV4);
            assertThat(p.l3Offset()).isEqualTo(22);
            assertThat(p.isUdp()).isTrue();
            assertThat(p.dstPort()).isEqualTo(5353);
        }

        @Test
        @DisplayName("SNAP with Cisco OUI 00000c / 0x2000: CDP is recognisable")
        void snapCdp() {
            byte[] snap = concat(hex("aa aa 03 00000c 2000"), hex("02 b4 0000"));
            Packet p = decode(concat(mac(0x0100_0ccc_ccccL), mac(SRC_MAC), u16(snap.length), snap));
            assertThat(p.etherType()).isEqualTo(EtherTypes.SNAP);
            assertThat(p.snapOui()).isEqualTo(EtherTypes.OUI_CISCO);
            assertThat(p.snapProtocolId()).isEqualTo(EtherTypes.SNAP_CISCO_CDP);
            assertThat(p.isSnap(EtherTypes.OUI_CISCO, EtherTypes.SNAP_CISCO_CDP)).isTrue();
            assertThat(p.isSnap(EtherTypes.OUI_CISCO, EtherTypes.SNAP_CISCO_DTP)).isFalse();
            assertThat(p.l3Offset()).isEqualTo(22);
            assertThat(p.l3Length()).isEqualTo(4);
        }

        @Test
        @DisplayName("Novell raw 802.3: IPX right after the length")
        void novellRaw() {
            byte[] ipx = hex("ffff 001e 00 11");
            Packet p = decode(concat(mac(DST_MAC), mac(SRC_MAC), u16(ipx.length), ipx));
            assertThat(p.etherType()).isEqualTo(EtherTypes.IPX);
            assertThat(p.isLlc()).isFalse();
            assertThat(p.l3Offset()).isEqualTo(14);
        }

        @Test
        @DisplayName("A length field beyond the frame is malformed unless the capture was cut")
        void lengthBeyondFrame() {
            byte[] frame = concat(mac(DST_MAC), mac(SRC_MAC), u16(100), stpLlc);
            Packet p = decode(frame);
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(p.l3Length()).isEqualTo(35);

            Packet cut = new Packet();
            new PacketDecoder().decode(frame, frame.length, 114, 0, LinkType.ETHERNET, cut);
            assertThat(cut.malformed()).isZero();
            assertThat(cut.llcDsap()).isEqualTo(0x42);
        }

        @Test
        @DisplayName("LLC and SNAP headers cut short are malformed")
        void truncatedLlc() {
            assertThat(decode(concat(mac(DST_MAC), mac(SRC_MAC), u16(2), hex("42 42"))).malformed()).isEqualTo(Packet.MALFORMED_LINK);
            Packet snap = decode(concat(mac(DST_MAC), mac(SRC_MAC), u16(6), hex("aa aa 03 00 00 0c")));
            assertThat(snap.malformed()).isEqualTo(Packet.MALFORMED_LINK);
            assertThat(snap.snapOui()).isEqualTo(-1);
            assertThat(snap.l3Offset()).isEqualTo(-1);
        }
    }
}
