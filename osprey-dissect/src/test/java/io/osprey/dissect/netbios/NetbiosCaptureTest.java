package io.osprey.dissect.netbios;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures through the NetBIOS name service and browser dissectors; expected values are those tshark 4.0 shows
 * ({@code -e nbns.name -e nbns.nb_flags -e browser.server -e browser.os_major -e browser.server_type ...}).
 */
class NetbiosCaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps");

    static Path fixture(String name) {
        try {
            return Path.of(NetbiosCaptureTest.class.getResource("/fixtures/netbios/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Observed run(Path file) {
        Observed o = new Observed(new NbnsDissector(), new BrowserDissector()).capture(file);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void windowsXpRegistersItsNamesAndAnnouncesItselfAsMasterBrowser() {
        Observed o = run(fixture("winxp-registration-browser.pcap"));
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).startsWith("00:04:23:57:a5:7a/"));
        assertThat(o.values(NetbiosAttributes.NAME)).containsExactly("ARBEITSGRUPPE<1d>", "DJP95S0J<00>", "DJP95S0J<20>");
        assertThat(o.values(NetbiosAttributes.GROUP)).containsExactly("<01><02>__MSBROWSE__<02><01>",
                "ARBEITSGRUPPE<00>", "ARBEITSGRUPPE<1e>");
        assertThat(o.values(NetbiosAttributes.QUERY)).containsExactly("ARBEITSGRUPPE<1b>");
        assertThat(o.values(NetbiosAttributes.WORKGROUP)).containsExactly("ARBEITSGRUPPE");
        assertThat(o.values(NetbiosAttributes.SERVER_NAME)).containsExactly("DJP95S0J");
        assertThat(o.values(NetbiosAttributes.OS_VERSION)).containsExactly("5.1");
        // 0x00051003 in the local master announcement, 0x00011003 in the later host announcement
        assertThat(o.values(NetbiosAttributes.SERVER_TYPE)).containsExactly(
                "workstation,server,nt-workstation,potential-browser",
                "workstation,server,nt-workstation,potential-browser,master-browser");
        assertThat(o.values(NetbiosAttributes.COMMENT)).isEmpty();
        assertThat(o.services()).isEmpty();
    }

    @Test
    void windowsAndSambaHostsOfTheNdpiCapture() {
        // LGPL-3.0: read in place, never copied into the repository
        Path file = SHARED.resolve("ndpi/netbios.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared/data/pcaps/ndpi/netbios.pcap absent: skipped");
        Observed o = run(file);
        assertThat(o.facts()).containsExactlyInAnyOrder(
                // host announcements to VIGILANT_GROUP<1d>
                "00:30:48:b0:b1:94/10.0.5.9 netbios.browser.osVersion=6.1",
                "00:30:48:b0:b1:94/10.0.5.9 netbios.browser.serverName=NVR9",
                "00:30:48:b0:b1:94/10.0.5.9 netbios.browser.serverType=workstation,server,sql-server,nt-workstation,potential-browser",
                "00:30:48:b0:b1:94/10.0.5.9 netbios.name=NVR9<20>",
                "00:30:48:b0:b1:94/10.0.5.9 netbios.workgroup=VIGILANT_GROUP",
                "00:30:48:b0:b1:a6/10.0.5.93 netbios.browser.osVersion=6.1",
                "00:30:48:b0:b1:a6/10.0.5.93 netbios.browser.serverName=BOWIE",
                "00:30:48:b0:b1:a6/10.0.5.93 netbios.browser.serverType=workstation,server,sql-server,nt-workstation,potential-browser",
                "00:30:48:b0:b1:a6/10.0.5.93 netbios.name=BOWIE<20>",
                "00:30:48:b0:b1:a6/10.0.5.93 netbios.workgroup=VIGILANT_GROUP",
                // node status responses of 10.0.4.24 (four names, unit id) and its positive name query response
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.name=GUNNAR<00>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.name=GUNNAR<20>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.group=VIGILANT_GROUP<00>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.group=VIGILANT_GROUP<1e>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.unitId=00:1c:c4:10:79:0f",
                "ec:a8:6b:f4:60:77/10.0.5.1 netbios.name=GURU<00>",
                // name queries
                "00:18:fe:28:6f:79/10.0.4.66 netbios.query=GURU<00>",
                "00:18:fe:6c:bc:f7/10.0.4.131 netbios.query=XSTREAM_HY<00>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.query=GURU<00>",
                "00:e0:81:75:24:06/10.0.4.101 netbios.query=MULI<00>",
                "00:e0:81:75:24:06/10.0.4.101 netbios.query=NVR9<00>",
                "00:e0:81:b7:74:85/10.0.4.165 netbios.query=GUNNAR<00>",
                "00:e0:81:b7:c6:ac/10.0.5.233 netbios.query=OZI<1c>",
                "10:60:4b:a0:bc:eb/10.0.4.14 netbios.query=GURU<00>");
        assertThat(o.services()).containsExactly("10.0.4.24 137/udp netbios-ns", "10.0.5.1 137/udp netbios-ns");
    }
}
