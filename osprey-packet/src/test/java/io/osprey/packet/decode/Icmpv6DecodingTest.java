package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Icmpv6DecodingTest {

    static final long ROUTER_MAC = 0x0000_5e00_0101L;
    static final byte[] SOURCE_LLA = concat(hex("01 01"), mac(SRC_MAC));
    static final byte[] TARGET_LLA = concat(hex("02 01"), mac(ROUTER_MAC));
    static final byte[] MTU_1500 = hex("05 01 0000 000005dc");
    /** 2001:db8:1::/64, on-link and autonomous, valid 2592000 s, preferred 604800 s. */
    static final byte[] PREFIX = concat(hex("03 04 40 c0 00278d00 00093a80 00000000"), hex("20010db8000100000000000000000000"));
    static final byte[] TARGET = hex("fe800000000000000000000000000001");

    static Packet decodeIcmpv6(byte[] message) { return decode(ethernet(EtherTypes.IPV6, ipv6(IpProtocols.ICMPV6, message))); }

    static byte[] message(int type, int code, byte[] body) { return concat(new byte[] {(byte) type, (byte) code, 0, 0}, body); }

    @Nested
    @DisplayName("RFC 4443 messages")
    class Messages {
        @Test
        void echoRequest() {
            Packet p = decodeIcmpv6(message(Icmpv6View.ECHO_REQUEST, 0, hex("abcd 0001 6869")));
            assertThat(p.isIcmpv6()).isTrue();
            Icmpv6View v = p.icmpv6();
            assertThat(v.type()).isEqualTo(Icmpv6View.ECHO_REQUEST);
            assertThat(v.identifier()).isEqualTo(0xabcd);
            assertThat(v.sequence()).isEqualTo(1);
            assertThat(v.isError()).isFalse();
            assertThat(v.isNeighborDiscovery()).isFalse();
            assertThat(v.ndValid()).isFalse();
            assertThat(v.ndOptions().next()).isFalse();
            assertThat(p.payloadOffset()).isEqualTo(62);
            assertThat(p.payloadLength()).isEqualTo(2);
        }

        @Test
        @DisplayName("§3.2 packet too big: MTU")
        void packetTooBig() {
            Icmpv6View v = decodeIcmpv6(message(Icmpv6View.PACKET_TOO_BIG, 0, hex("00000500"))).icmpv6();
            assertThat(v.isError()).isTrue();
            assertThat(v.mtu()).isEqualTo(1280);
        }

        @Test
        @DisplayName("Fewer than 8 bytes is malformed")
        void truncated() {
            Packet p = decodeIcmpv6(hex("8000 0000 ab"));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_ICMPV6);
            assertThat(p.isIcmpv6()).isFalse();
            assertThat(p.payloadOffset()).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("RFC 4861 §4 neighbour discovery")
    class NeighbourDiscovery {
        @Test
        @DisplayName("§4.1 router solicitation with a source link-layer address")
        void routerSolicitation() {
            Packet p = decodeIcmpv6(message(Icmpv6View.ROUTER_SOLICITATION, 0, concat(zeros(4), SOURCE_LLA)));
            Icmpv6View v = p.icmpv6();
            assertThat(v.ndValid()).isTrue();
            assertThat(v.ndOptionsOffset()).isEqualTo(62);
            assertThat(v.linkLayerAddress()).isEqualTo(SRC_MAC);
            NdOptionCursor c = v.ndOptions();
            assertThat(c.next()).isTrue();
            assertThat(c.type()).isEqualTo(NdOptionCursor.SOURCE_LINK_LAYER_ADDRESS);
            assertThat(c.length()).isEqualTo(8);
            assertThat(c.offset()).isEqualTo(62);
            assertThat(c.valueOffset()).isEqualTo(64);
            assertThat(c.next()).isFalse();
            assertThat(c.malformed()).isFalse();
            assertThat(p.malformed()).isZero();
        }

        @Test
        @DisplayName("§4.2 router advertisement: hop limit, M/O flags, lifetimes; SLLA, MTU and prefix options in order")
        void routerAdvertisement() {
            byte[] fixed = hex("40 c8 0708 00007530 000003e8");
            Packet p = decodeIcmpv6(message(Icmpv6View.ROUTER_ADVERTISEMENT, 0, concat(fixed, SOURCE_LLA, MTU_1500, PREFIX)));
            Icmpv6View v = p.icmpv6();
            assertThat(v.raHopLimit()).isEqualTo(64);
            assertThat(v.raFlags()).isEqualTo(0xc8);
            assertThat(v.raManaged()).isTrue();
            assertThat(v.raOtherConfig()).isTrue();
            assertThat(v.raPreference()).isEqualTo(1);
            assertThat(v.routerLifetime()).isEqualTo(1800);
            assertThat(v.reachableTime()).isEqualTo(30000);
            assertThat(v.retransTimer()).isEqualTo(1000);
            assertThat(v.ndOptionsOffset()).isEqualTo(54 + 16);

            List<Integer> types = new ArrayList<>();
            NdOptionCursor c = v.ndOptions();
            while (c.next()) {
                types.add(c.type());
                switch (c.type()) {
                    case NdOptionCursor.SOURCE_LINK_LAYER_ADDRESS -> assertThat(c.linkLayerAddress()).isEqualTo(SRC_MAC);
                    case NdOptionCursor.MTU -> assertThat(c.mtu()).isEqualTo(1500);
                    case NdOptionCursor.PREFIX_INFORMATION -> {
                        assertThat(c.prefixLength()).isEqualTo(64);
                        assertThat(c.prefixFlags()).isEqualTo(NdOptionCursor.PREFIX_ON_LINK | NdOptionCursor.PREFIX_AUTONOMOUS);
                        assertThat(c.prefixValidLifetime()).isEqualTo(2_592_000);
                        assertThat(c.prefixPreferredLifetime()).isEqualTo(604_800);
                        assertThat(Addresses.ip(c.prefixHi(), c.prefixLo())).isEqualTo("2001:db8:1::");
                        assertThat(c.linkLayerAddress()).isEqualTo(Packet.NO_MAC);
                        assertThat(c.mtu()).isEqualTo(-1);
                    }
                    default -> throw new AssertionError("unexpected option " + c.type());
                }
            }
            assertThat(types).containsExactly(1, 5, 3);
            assertThat(c.malformed()).isFalse();
        }

        @Test
        @DisplayName("§4.3 neighbour solicitation: target and source link-layer address")
        void neighbourSolicitation() {
            Icmpv6View v = decodeIcmpv6(message(Icmpv6View.NEIGHBOR_SOLICITATION, 0, concat(zeros(4), TARGET, SOURCE_LLA))).icmpv6();
            assertThat(Addresses.ip(v.targetHi(), v.targetLo())).isEqualTo("fe80::1");
            assertThat(v.linkLayerAddress()).isEqualTo(SRC_MAC);
            assertThat(v.ndOptionsOffset()).isEqualTo(54 + 24);
        }

        @Test
        @DisplayName("§4.4 neighbour advertisement: R/S/O flags, target, target link-layer address")
        void neighbourAdvertisement() {
            Icmpv6View v = decodeIcmpv6(message(Icmpv6View.NEIGHBOR_ADVERTISEMENT, 0, concat(hex("e0000000"), TARGET, TARGET_LLA))).icmpv6();
            assertThat(v.naRouter()).isTrue();
            assertThat(v.naSolicited()).isTrue();
            assertThat(v.naOverride()).isTrue();
            assertThat(Addresses.ip(v.targetHi(), v.targetLo())).isEqualTo("fe80::1");
            assertThat(v.linkLayerAddress()).isEqualTo(ROUTER_MAC);
            NdOptionCursor c = v.ndOptions();
            assertThat(c.next()).isTrue();
            assertThat(c.type()).isEqualTo(NdOptionCursor.TARGET_LINK_LAYER_ADDRESS);
            Icmpv6View unsolicited = decodeIcmpv6(message(Icmpv6View.NEIGHBOR_ADVERTISEMENT, 0, concat(hex("20000000"), TARGET))).icmpv6();
            assertThat(unsolicited.naRouter()).isFalse();
            assertThat(unsolicited.naSolicited()).isFalse();
            assertThat(unsolicited.naOverride()).isTrue();
            assertThat(unsolicited.linkLayerAddress()).isEqualTo(Packet.NO_MAC);
        }

        @Test
        @DisplayName("§4.5 redirect: target and destination")
        void redirect() {
            byte[] destination = hex("20010db8000000000000000000000099");
            Icmpv6View v = decodeIcmpv6(message(Icmpv6View.REDIRECT, 0, concat(zeros(4), TARGET, destination, TARGET_LLA))).icmpv6();
            assertThat(Addresses.ip(v.targetHi(), v.targetLo())).isEqualTo("fe80::1");
            assertThat(Addresses.ip(v.redirectDestinationHi(), v.redirectDestinationLo())).isEqualTo("2001:db8::99");
            assertThat(v.ndOptionsOffset()).isEqualTo(54 + 40);
            assertThat(v.linkLayerAddress()).isEqualTo(ROUTER_MAC);
        }

        @Test
        @DisplayName("§4.6 an option of length 0 ends the walk as malformed")
        void zeroLengthOption() {
            Icmpv6View v = decodeIcmpv6(message(Icmpv6View.ROUTER_SOLICITATION, 0, concat(zeros(4), hex("01 00 000000000000"), SOURCE_LLA))).icmpv6();
            NdOptionCursor c = v.ndOptions();
            assertThat(c.next()).isFalse();
            assertThat(c.malformed()).isTrue();
            assertThat(v.linkLayerAddress()).isEqualTo(Packet.NO_MAC);
        }

        @Test
        @DisplayName("An option running past the message is malformed")
        void optionPastEnd() {
            Icmpv6View v = decodeIcmpv6(message(Icmpv6View.ROUTER_SOLICITATION, 0, concat(zeros(4), SOURCE_LLA, hex("03 04 40c0")))).icmpv6();
            NdOptionCursor c = v.ndOptions();
            assertThat(c.next()).isTrue();
            assertThat(c.next()).isFalse();
            assertThat(c.malformed()).isTrue();
        }

        @Test
        @DisplayName("On a packet without ICMPv6 the ND options are empty, not an exception")
        void noIcmpv6NoOptions() {
            assertThat(new Packet().icmpv6().ndOptions().next()).isFalse();
            assertThat(new Packet().icmpv6().linkLayerAddress()).isEqualTo(Packet.NO_MAC);
        }

        @Test
        @DisplayName("A message shorter than its fixed part is malformed and has no options")
        void truncatedFixedPart() {
            byte[] ns = message(Icmpv6View.NEIGHBOR_SOLICITATION, 0, concat(zeros(4), TARGET));
            Packet p = decodeIcmpv6(Arrays.copyOf(ns, 20));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_ICMPV6);
            assertThat(p.icmpv6().type()).isEqualTo(Icmpv6View.NEIGHBOR_SOLICITATION);
            assertThat(p.icmpv6().ndValid()).isFalse();
            assertThat(p.icmpv6().ndOptionsOffset()).isEqualTo(-1);
            assertThat(p.icmpv6().ndOptions().next()).isFalse();
        }
    }
}
