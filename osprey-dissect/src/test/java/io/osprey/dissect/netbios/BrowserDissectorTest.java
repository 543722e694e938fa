package io.osprey.dissect.netbios;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserDissectorTest {
    static final String PC = "00:30:48:b0:b1:94";
    final SyntheticFrame broadcast = SyntheticFrame.from(PC, "10.0.5.9").to("ff:ff:ff:ff:ff:ff", "10.0.5.255");
    final Observed observed = new Observed(new BrowserDissector());

    byte[] hostAnnouncement(int opcode, int destinationSuffix, String comment) {
        return NetbiosWire.datagram("10.0.5.9", "NVR9", 0x20, "VIGILANT_GROUP", destinationSuffix, "\\MAILSLOT\\BROWSE",
                NetbiosWire.announcement(opcode, "NVR9", 6, 1, 0x00011007L, comment));
    }

    @Test
    void aHostAnnouncementGivesNameOsVersionServerTypesAndWorkgroup() {
        // MS-BRWS §2.2.1, sent to the workgroup's local master browser name <1d>
        observed.feed(broadcast, broadcast.udp(138, 138, hostAnnouncement(0x01, 0x1d, "")));
        String host = "00:30:48:b0:b1:94/10.0.5.9 ";
        assertThat(observed.facts()).containsExactly(
                host + "netbios.browser.osVersion=6.1",
                host + "netbios.browser.serverName=NVR9",
                host + "netbios.browser.serverType=workstation,server,sql-server,nt-workstation,potential-browser",
                host + "netbios.name=NVR9<20>",
                host + "netbios.workgroup=VIGILANT_GROUP");
        assertThat(observed.attributes()).allSatisfy(a -> assertThat(a.source()).isEqualTo("browser"));
    }

    @Test
    void aLocalMasterAnnouncementHasTheSameLayoutAndACommentWhenGiven() {
        // MS-BRWS §2.2.8 (opcode 0x0F), sent to <1e>; Samba puts its version in the comment
        observed.feed(broadcast, broadcast.udp(138, 138, hostAnnouncement(0x0f, 0x1e, "Samba 4.9.5-Debian")));
        assertThat(observed.values(NetbiosAttributes.COMMENT)).containsExactly("Samba 4.9.5-Debian");
        assertThat(observed.values(NetbiosAttributes.WORKGROUP)).containsExactly("VIGILANT_GROUP");
    }

    @Test
    void aDomainAnnouncementGivesTheWorkgroupOnlyItsVersionAndTypeAreTheWorkgroups() {
        // MS-BRWS §2.2.7: ServerName is the workgroup, Comment the local master browser
        byte[] m = NetbiosWire.datagram("10.0.5.9", "DJP95S0J", 0x00, "\u0001\u0002__MSBROWSE__\u0002", 0x01,
                "\\MAILSLOT\\BROWSE", NetbiosWire.announcement(0x0c, "ARBEITSGRUPPE", 3, 10, 0x80001000L, "DJP95S0J"));
        observed.feed(broadcast, broadcast.udp(138, 138, m));
        assertThat(observed.facts()).containsExactly("00:30:48:b0:b1:94/10.0.5.9 netbios.name=DJP95S0J<00>",
                "00:30:48:b0:b1:94/10.0.5.9 netbios.workgroup=ARBEITSGRUPPE");
    }

    @Test
    void aDatagramRelayedForAnotherAddressIsAboutItsSourceIpWithoutTheFramesMac() {
        // RFC 1002 §4.4.1: SOURCE_IP is the originator's address
        SyntheticFrame relay = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("ff:ff:ff:ff:ff:ff", "10.0.5.255");
        observed.feed(relay, relay.udp(138, 138, hostAnnouncement(0x01, 0x1d, "")));
        assertThat(observed.attributes()).allSatisfy(a -> assertThat(a.host().toString()).isEqualTo("10.0.5.9"));
    }

    @Test
    void otherMailslotsLaterFragmentsAndOtherOpcodesGiveOnlyTheSourceName() {
        byte[] lanman = NetbiosWire.datagram("10.0.5.9", "NVR9", 0x20, "VIGILANT_GROUP", 0x1d, "\\MAILSLOT\\LANMAN",
                NetbiosWire.announcement(0x01, "NVR9", 6, 1, 3, ""));
        observed.feed(broadcast, broadcast.udp(138, 138, lanman));
        byte[] request = hostAnnouncement(0x02, 0x1d, ""); // announcement request (MS-BRWS §2.2.2)
        observed.feed(broadcast, broadcast.udp(138, 138, request));
        byte[] later = hostAnnouncement(0x01, 0x1d, "");
        later[1] = 0x0c; // not the first fragment
        observed.feed(broadcast, broadcast.udp(138, 138, later));
        assertThat(observed.facts()).containsExactly("00:30:48:b0:b1:94/10.0.5.9 netbios.name=NVR9<20>");
    }

    @Test
    void everyTruncationOfAnAnnouncementIsHandled() {
        byte[] m = hostAnnouncement(0x01, 0x1d, "x");
        for (int n = 0; n < m.length; n++) {
            observed.feed(broadcast, broadcast.udp(138, 138, java.util.Arrays.copyOf(m, n)));
        }
        assertThat(observed.pipeline.dissectorFailures()).isEmpty();
        assertThat(observed.values(NetbiosAttributes.SERVER_TYPE)).hasSize(1);
    }
}
