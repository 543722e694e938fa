package io.osprey.dissect.cdp;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GPL Wireshark sample captures read in place from ../shared (not copied); expected values as tshark 4.0 shows
 * them ({@code tshark -O cdp}). The BSD capture with CDP from two Catalyst 3560s is in LldpCaptureTest.
 */
class CdpCaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps", "wireshark-samples");

    static Observed run(String name) {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), SHARED + " absent: skipped");
        Observed o = new Observed(new CdpDissector()).capture(SHARED.resolve(name));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void catalyst2950WithVoiceVlan() {
        Observed o = run("cdp_v2_voice.pcap");
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).isEqualTo("00:0b:be:18:9a:41"));
        assertThat(o.values(CdpAttributes.DEVICE_ID)).containsExactly("myswitch");
        assertThat(o.values(CdpAttributes.ADDRESS)).containsExactly("192.168.0.253");
        assertThat(o.values(CdpAttributes.MANAGEMENT_ADDRESS)).containsExactly("192.168.0.253");
        assertThat(o.values(CdpAttributes.PORT_ID)).containsExactly("FastEthernet0/1");
        assertThat(o.values(CdpAttributes.CAPABILITIES)).containsExactly("switch,igmp");
        assertThat(o.values(CdpAttributes.SOFTWARE_VERSION)).containsExactly("Cisco Internetwork Operating System"
                + " Software \\010IOS (tm) C2950 Software (C2950-I6K2L2Q4-M), Version 12.1(22)EA14, RELEASE SOFTWARE"
                + " (fc1)\\010Technical Support: http://www.cisco.com/techsupport\\010Copyright (c) 1986-2010 by cisco"
                + " Systems, Inc.\\010Compiled Tue 26-Oct-10 10:35 by nburra");
        assertThat(o.values(CdpAttributes.PLATFORM)).containsExactly("cisco WS-C2950-12");
        assertThat(o.values(CdpAttributes.VTP_DOMAIN)).containsExactly("MYDOMAIN");
        assertThat(o.values(CdpAttributes.NATIVE_VLAN)).containsExactly("1");
        assertThat(o.values(CdpAttributes.DUPLEX)).containsExactly("full");
        assertThat(o.values(CdpAttributes.VOICE_VLAN)).containsExactly("10");
        assertThat(o.attributes()).hasSize(11);
    }

    @Test
    void catalyst3750() {
        Observed o = run("n0.eth2.cdp.pcap");
        assertThat(o.values(CdpAttributes.DEVICE_ID)).containsExactly("csr706a.pbm.ihost.com");
        assertThat(o.values(CdpAttributes.ADDRESS)).containsExactly("129.40.5.249");
        assertThat(o.values(CdpAttributes.PORT_ID)).containsExactly("GigabitEthernet1/0/4");
        assertThat(o.values(CdpAttributes.CAPABILITIES)).containsExactly("router,switch,igmp");
        assertThat(o.values(CdpAttributes.PLATFORM)).containsExactly("cisco WS-C3750G-24TS");
        assertThat(o.values(CdpAttributes.VTP_DOMAIN)).containsExactly("spbm");
        assertThat(o.values(CdpAttributes.NATIVE_VLAN)).containsExactly("77");
    }

    @Test
    void nortelBcmAsAHostWithPower() {
        Observed o = run("cdp-BCM1100.pcap");
        assertThat(o.facts()).extracting(f -> f.substring(f.indexOf(' ') + 1)).containsExactlyInAnyOrder(
                "cdp.softwareVersion=BCM1100", "cdp.deviceId=0060B9C14027", "cdp.capabilities=host",
                "cdp.platform=BCM91100", "cdp.voiceVlan=4095", "cdp.powerMilliwatts=6400");
    }
}
