package io.osprey.dissect.ndp;

import io.osprey.dissect.Attributes;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.ndp.NdpFrames.HOST_MAC;
import static io.osprey.dissect.ndp.NdpFrames.ROUTER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

/** Neighbor discovery messages of RFC 4861 §4, hand-built, and a real duplicate address detection. */
class NdpDissectorTest {
    static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");

    static Observed feed(NdpDissector d, byte[]... frames) {
        Observed o = new Observed(d);
        for (byte[] f : frames) o.feed(CLOCK, f);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    static Observed feed(byte[]... frames) {
        return feed(new NdpDissector(), frames);
    }

    @Test
    void routerAdvertisementDescribesTheRouter() {
        // §4.2: hop limit 64, O flag, Prf high (01), lifetime 1800; SLLA, PIO (§4.6.2) and MTU (§4.6.4) options
        byte[] ra = NdpFrames.routerAdvertisement(64, 0x40 | 0x08, 1800).from(ROUTER_MAC, "fe80::20c:29ff:feaa:bb01")
                .linkLayerAddress(1, ROUTER_MAC).prefix("2001:db8:1::", 64).mtu(1500).frame();
        Observed o = feed(ra);
        String r = ROUTER_MAC + "/fe80::20c:29ff:feaa:bb01 ";
        assertThat(o.facts()).containsExactly(
                r + "ndp.mtu=1500",
                r + "ndp.prefix=2001:db8:1::/64",
                r + "ndp.raFlags=M=0 O=1 Prf=high",
                r + "ndp.routerLifetime=1800",
                r + "role=gateway");
        assertThat(o.bindings()).containsExactly(ROUTER_MAC + " fe80::20c:29ff:feaa:bb01");
        assertThat(o.attributes(Attributes.ROLE).getFirst().source()).isEqualTo("ndp");
    }

    @Test
    void routerAdvertisementWithoutSourceAddressOptionIsAboutTheFrameSource() {
        // §4.2: the SLLA option MAY be omitted (load balancing); the frame's source is the router then
        byte[] ra = NdpFrames.routerAdvertisement(64, 0x80, 0).from(ROUTER_MAC, "fe80::1")
                .prefix("2001:db8:1:2:ffff::", 48).frame();
        Observed o = feed(ra);
        assertThat(o.facts()).containsExactly(
                ROUTER_MAC + "/fe80::1 ndp.prefix=2001:db8:1::/48",
                ROUTER_MAC + "/fe80::1 ndp.raFlags=M=1 O=0 Prf=medium",
                ROUTER_MAC + "/fe80::1 ndp.routerLifetime=0",
                ROUTER_MAC + "/fe80::1 role=gateway");
        assertThat(o.bindings()).as("no option states the address").isEmpty();
    }

    @Test
    void neighborAdvertisementBindsTheTargetToItsLinkLayerAddress() {
        // §4.4: solicited + override, TLLA option
        byte[] na = NdpFrames.neighborAdvertisement(0x60, "2001:db8:1::33").from(HOST_MAC, "2001:db8:1::33")
                .to("00:0c:29:aa:bb:01", "fe80::1").linkLayerAddress(2, HOST_MAC).frame();
        Observed o = feed(na);
        assertThat(o.bindings()).containsExactly(HOST_MAC + " 2001:db8:1::33");
        assertThat(o.attributes()).as("no router flag").isEmpty();
    }

    @Test
    void routerFlagInNeighborAdvertisementMarksAGateway() {
        // §4.4 R flag; no TLLA (answer to a unicast NS), the node advertises its own address
        byte[] na = NdpFrames.neighborAdvertisement(0xc0, "fe80::1").from(ROUTER_MAC, "fe80::1").frame();
        Observed o = feed(na);
        assertThat(o.bindings()).containsExactly(ROUTER_MAC + " fe80::1");
        assertThat(o.facts()).containsExactly(ROUTER_MAC + "/fe80::1 role=gateway");
    }

    @Test
    void proxyAdvertisementWithoutOptionBindsNothing() {
        // a proxy (§7.2.8) answers for a target that is not its source address
        byte[] na = NdpFrames.neighborAdvertisement(0x40, "2001:db8:1::99").from(ROUTER_MAC, "fe80::1").frame();
        assertThat(feed(na).all).isEmpty();
    }

    @Test
    void solicitationsBindTheirSourceAddress() {
        // §4.3 NS and §4.1 RS with the SLLA option
        byte[] ns = NdpFrames.neighborSolicitation("fe80::1").from(HOST_MAC, "2001:db8:1::33")
                .to("33:33:ff:00:00:01", "ff02::1:ff00:1").linkLayerAddress(1, HOST_MAC).frame();
        byte[] rs = NdpFrames.routerSolicitation().from(HOST_MAC, "fe80::3e22:fbff:fe11:2233")
                .to("33:33:00:00:00:02", "ff02::2").linkLayerAddress(1, HOST_MAC).frame();
        Observed o = feed(ns, rs);
        assertThat(o.bindings()).containsExactly(HOST_MAC + " 2001:db8:1::33", HOST_MAC + " fe80::3e22:fbff:fe11:2233");
        assertThat(o.attributes()).isEmpty();
    }

    @Test
    void duplicateAddressDetectionBindsNothing() {
        // RFC 4862 §5.4.2: NS from :: for a tentative target, no SLLA
        byte[] dad = NdpFrames.neighborSolicitation("fe80::3e22:fbff:fe11:2233").from(HOST_MAC, "::")
                .to("33:33:ff:11:22:33", "ff02::1:ff11:2233").frame();
        assertThat(feed(dad).all).isEmpty();
    }

    @Test
    void invalidMessagesAreDropped() {
        // §6.1.2, §7.1.2: hop limit must be 255, code 0, length enough for the fixed part
        NdpDissector d = new NdpDissector();
        byte[] forwarded = NdpFrames.routerAdvertisement(64, 0, 1800).from(ROUTER_MAC, "fe80::1").hopLimit(254).frame();
        byte[] badCode = NdpFrames.neighborAdvertisement(0xc0, "fe80::1").from(ROUTER_MAC, "fe80::1").frame();
        badCode[54 + 1] = 1;
        byte[] zeroLengthOption = NdpFrames.neighborSolicitation("fe80::1").from(HOST_MAC, "fe80::2").raw(1, 0, 0, 0, 0, 0, 0, 0)
                .frame();
        Observed o = feed(d, forwarded, badCode, zeroLengthOption);
        assertThat(o.all).isEmpty();
        assertThat(d.invalid()).isEqualTo(2);
    }

    @Test
    void repeatedAdvertisementsAreReportedOnce() {
        byte[] ra = NdpFrames.routerAdvertisement(64, 0, 1800).from(ROUTER_MAC, "fe80::1").linkLayerAddress(1, ROUTER_MAC)
                .prefix("2001:db8::", 64).frame();
        Observed o = feed(ra, ra, ra);
        assertThat(o.all).hasSize(5);
    }

    @Test
    void realDuplicateAddressDetectionBindsNothing() {
        // tshark -r android-dad-neighbor-solicitation.pcap -T fields -e eth.src -e ipv6.src -e icmpv6.nd.ns.target_address:
        // 4c:6a:f6:9f:f6:27  ::  fe80::4e6a:f6ff:fe9f:f627
        Observed o = new Observed(new NdpDissector()).capture(Web.fixture("ndp/android-dad-neighbor-solicitation.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.all).isEmpty();
    }
}
