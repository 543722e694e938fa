package io.osprey.dissect.lldp;

import io.osprey.dissect.cdp.CdpDissector;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures through the LLDP and CDP dissectors (fixtures/lldp/SOURCES.md, and GPL Wireshark samples read in
 * place from ../shared). Expected values are those tshark 4.0 shows ({@code tshark -O lldp,cdp}); tshark's "\n"
 * in multi-line descriptions is the octet 0x0a, which the dissectors write as "\010".
 */
class LldpCaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps");
    static final String IOS_12_2_44 = "Cisco IOS Software, C3560 Software (C3560-ADVIPSERVICESK9-M), Version 12.2(44)SE,"
            + " RELEASE SOFTWARE (fc1)\\010Copyright (c) 1986-2008 by Cisco Systems, Inc.\\010Compiled Sat 05-Jan-08 00:15"
            + " by weiliu";

    static Path fixture(String name) {
        try {
            return Path.of(LldpCaptureTest.class.getResource("/fixtures/lldp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Observed run(Path file) {
        Observed o = new Observed(new LldpDissector(), new CdpDissector()).capture(file);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    static Path shared(String name) {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), SHARED + " absent: skipped");
        return SHARED.resolve(name);
    }

    @Test
    void twoCatalyst3560sSendingCdpAndLldp() {
        Observed o = run(fixture("cisco-3560-lldp-and-cdp.pcap"));
        String s1 = "00:18:ba:98:68:8f ", s2 = "00:19:2f:a7:b2:8d ";
        assertThat(o.facts()).containsExactlyInAnyOrder(
                s1 + "cdp.capabilities=switch,igmp", s1 + "cdp.deviceId=S1", s1 + "cdp.duplex=full",
                s1 + "cdp.nativeVlan=1", s1 + "cdp.platform=cisco WS-C3560-24TS", s1 + "cdp.portId=FastEthernet0/13",
                s1 + "cdp.softwareVersion=" + IOS_12_2_44,
                s1 + "lldp.capabilities=bridge,router", s1 + "lldp.capabilitiesEnabled=bridge",
                s1 + "lldp.chassisId=00:18:ba:98:68:8f", s1 + "lldp.chassisIdSubtype=mac-address",
                s1 + "lldp.portDescription=FastEthernet0/13", s1 + "lldp.portId=Fa0/13",
                s1 + "lldp.portIdSubtype=local", s1 + "lldp.portVlanId=1", s1 + "lldp.systemDescription=" + IOS_12_2_44,
                s1 + "lldp.systemName=S1.cisco.com",
                s2 + "cdp.capabilities=switch,igmp", s2 + "cdp.deviceId=S2", s2 + "cdp.duplex=full",
                s2 + "cdp.nativeVlan=1", s2 + "cdp.platform=cisco WS-C3560G-24PS",
                s2 + "cdp.portId=GigabitEthernet0/13", s2 + "cdp.softwareVersion=" + IOS_12_2_44,
                s2 + "lldp.capabilities=bridge,router", s2 + "lldp.capabilitiesEnabled=bridge",
                s2 + "lldp.chassisId=00:19:2f:a7:b2:8d", s2 + "lldp.chassisIdSubtype=mac-address",
                s2 + "lldp.portDescription=GigabitEthernet0/13", s2 + "lldp.portId=Uplink to S1",
                s2 + "lldp.portIdSubtype=interface-alias", s2 + "lldp.portVlanId=1",
                s2 + "lldp.systemDescription=" + IOS_12_2_44, s2 + "lldp.systemName=S2.cisco.com");
        assertThat(o.attributes()).as("each fact once although both switches repeat every frame").hasSize(34);
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.source()).isIn("lldp", "cdp"));
    }

    @Test
    void ubuntuLldpdAnnouncesAddressesAndItsMudUrl() {
        Observed o = run(fixture("ubuntu-lldpd-mud-url.pcap"));
        String h = "00:23:54:c2:57:02 ";
        assertThat(o.facts()).containsExactlyInAnyOrder(
                h + "lldp.capabilities=bridge,wlan-ap,router,station", h + "lldp.capabilitiesEnabled=wlan-ap",
                h + "lldp.chassisId=00:23:54:c2:57:02", h + "lldp.chassisIdSubtype=mac-address",
                h + "lldp.portId=00:23:54:c2:57:02", h + "lldp.portIdSubtype=mac-address",
                h + "lldp.managementAddress=62.12.173.114",
                h + "lldp.managementAddress=2001:8a8:1006:4:223:54ff:fec2:5702",
                h + "lldp.portDescription=eth0", h + "lldp.systemName=upstairs.ofcourseimright.com",
                h + "lldp.systemDescription=Ubuntu 14.04.5 LTS Linux 3.13.0-106-generic #153-Ubuntu SMP Tue Dec 6"
                        + " 15:45:13 UTC 2016 i686",
                h + "lldp.mudUrl=https://imright.mud.example.com/.well-known/mud/v1/vomitv2.0");
    }

    @Test
    void procurveSwitchWithLldpMed() {
        Observed o = run(shared("wireshark-samples/lldpmed_civicloc.pcap"));
        String h = "00:13:21:57:ca:7f "; // the port's MAC, not the chassis MAC
        assertThat(o.facts()).containsExactlyInAnyOrder(
                h + "lldp.chassisId=00:13:21:57:ca:40", h + "lldp.chassisIdSubtype=mac-address",
                h + "lldp.portId=1", h + "lldp.portIdSubtype=local", h + "lldp.portDescription=1",
                h + "lldp.systemName=ProCurve Switch 2600-8-PWR",
                h + "lldp.systemDescription=ProCurve J8762A Switch 2600-8-PWR, revision H.08.89, ROM H.08.5X"
                        + " (/sw/code/build/fish(ts_08_5))",
                h + "lldp.capabilities=bridge,router", h + "lldp.capabilitiesEnabled=bridge",
                h + "lldp.managementAddress=15.255.122.148",
                // capabilities 0x000f, class type 4, application voice with VLAN 50 tagged
                h + "lldp.med.capabilities=capabilities,network-policy,location-identification,extended-power-pse",
                h + "lldp.med.deviceClass=network-connectivity", h + "lldp.med.networkPolicy=voice vlan=50");
    }

    @Test
    void extremeSummitWith8021And8023Tlvs() {
        Observed o = run(shared("wireshark-samples/lldp.detailed.pcap"));
        String h = "00:01:30:f9:ad:a0 ";
        assertThat(o.facts()).containsExactlyInAnyOrder(
                h + "lldp.chassisId=00:01:30:f9:ad:a0", h + "lldp.chassisIdSubtype=mac-address",
                h + "lldp.portId=1/1", h + "lldp.portIdSubtype=interface-name",
                h + "lldp.portDescription=Summit300-48-Port 1001", h + "lldp.systemName=Summit300-48",
                h + "lldp.systemDescription=Summit300-48 - Version 7.4e.1 (Build 5) by Release_Master 05/27/05 04:53:11",
                h + "lldp.capabilities=bridge,router", h + "lldp.capabilitiesEnabled=bridge,router",
                h + "lldp.managementAddress=00:01:30:f9:ad:a0", h + "lldp.portVlanId=488");
    }
}
