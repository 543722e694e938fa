package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.capture.LinkType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Takes the network layer of every real fixture frame and wraps it in each other link layer the decoder
 * supports: whatever the framing, the network and transport fields must come out the same (offsets
 * shifted by the framing's length).
 */
class ReencapsulationTest {

    record Framing(String name, int linkType, boolean ipOnly, Function<Packet, byte[]> header) {
        @Override
        public String toString() { return name; }
    }

    static List<Framing> framings() {
        return List.of(
                new Framing("802.1Q", LinkType.ETHERNET, false,
                        p -> concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.VLAN, 3, 12), u16(p.etherType()))),
                new Framing("802.1ad QinQ", LinkType.ETHERNET, false,
                        p -> concat(mac(DST_MAC), mac(SRC_MAC), tag(EtherTypes.QINQ, 0, 7), tag(EtherTypes.VLAN, 0, 8), u16(p.etherType()))),
                new Framing("Linux SLL", LinkType.LINUX_SLL, false,
                        p -> LinuxCookedDecodingTest.sll(LinuxSllView.TO_US, LinuxSllView.ARPHRD_ETHER, 6, SRC_MAC, p.etherType())),
                new Framing("Linux SLL2", LinkType.LINUX_SLL2, false,
                        p -> LinuxCookedDecodingTest.sll2(p.etherType(), 4, LinuxSllView.ARPHRD_ETHER, LinuxSllView.OUTGOING, 6, SRC_MAC)),
                new Framing("raw IP", LinkType.RAW, true, p -> NO_BYTES),
                new Framing("LINKTYPE_IPV4/IPV6", -1, true, p -> NO_BYTES),
                new Framing("NULL little-endian", LinkType.NULL, true, p -> p.ipVersion() == 4 ? hex("02000000") : hex("18000000")),
                new Framing("NULL big-endian", LinkType.NULL, true, p -> p.ipVersion() == 4 ? hex("00000002") : hex("0000001c")),
                new Framing("LOOP", LinkType.LOOP, true, p -> p.ipVersion() == 4 ? u32(2) : u32(30)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framings")
    @DisplayName("Network and transport fields do not depend on the framing")
    void sameFieldsUnderEveryFraming(Framing framing) {
        Packet original = new Packet();
        Packet rewrapped = new Packet();
        PacketDecoder decoder = new PacketDecoder();
        int compared = 0;
        for (SampleFrames.Sample sample : SampleFrames.withFixtures()) {
            if (sample.headers().size() > 0 || sample.linkType() != LinkType.ETHERNET) {
                continue; // fixture frames only
            }
            byte[] frame = sample.bytes();
            decoder.decode(frame, frame.length, frame.length, 0, LinkType.ETHERNET, original);
            if (original.l3Offset() != 14 || original.isLlc() || (framing.ipOnly() && !original.isIp())) {
                continue;
            }
            byte[] network = Arrays.copyOfRange(frame, 14, frame.length);
            byte[] header = framing.header().apply(original);
            int linkType = framing.linkType() >= 0 ? framing.linkType() : original.ipVersion() == 4 ? LinkType.IPV4 : LinkType.IPV6;
            byte[] wrapped = concat(header, network);
            assertThat(decoder.decode(wrapped, wrapped.length, wrapped.length, 0, linkType, rewrapped)).isTrue();
            assertThat(summary(rewrapped, header.length)).as("%s under %s", sample, framing).isEqualTo(summary(original, 14));
            compared++;
        }
        assertThat(compared).isGreaterThan(framing.ipOnly() ? 150 : 190);
    }

    /** Everything above the link layer, offsets relative to the network layer. */
    private static String summary(Packet p, int shift) {
        return String.join(" ",
                "type=" + p.etherType(), "l3=" + (p.l3Offset() - shift) + "+" + p.l3Length(),
                "ip=" + p.ipVersion(), Addresses.ip(p.srcIpHi(), p.srcIpLo()), Addresses.ip(p.dstIpHi(), p.dstIpLo()),
                "ttl=" + p.ttl(), "proto=" + p.ipProtocol(), "frag=" + p.isFragment() + "/" + p.isFirstFragment(),
                "l4=" + rel(p.l4Offset(), shift) + "+" + p.l4Length(), "ports=" + p.srcPort() + ">" + p.dstPort(),
                "flags=" + p.tcpFlags(), "payload=" + rel(p.payloadOffset(), shift) + "+" + p.payloadLength(),
                "arp=" + p.isArp(), "icmpv6=" + (p.isIcmpv6() ? p.icmpv6().type() : -1),
                "malformed=" + p.malformed());
    }

    private static int rel(int offset, int shift) { return offset < 0 ? offset : offset - shift; }
}
