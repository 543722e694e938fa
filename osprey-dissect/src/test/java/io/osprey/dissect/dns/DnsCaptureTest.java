package io.osprey.dissect.dns;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real captures (fixtures/dns/SOURCES.md) through the DNS, mDNS and LLMNR dissectors; the expected values are
 * those tshark 4.0 shows for the same packets ({@code tshark -Y mdns -T fields -e dns.resp.name -e dns.srv.target
 * -e dns.txt ...}).
 */
class DnsCaptureTest {
    static Path fixture(String name) {
        try {
            return Path.of(DnsCaptureTest.class.getResource("/fixtures/dns/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Observed run(String name) {
        Observed o = new Observed(new DnsDissector(), new MdnsDissector(), new LlmnrDissector()).capture(fixture(name));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void avahiBrowsingForPrintersAndAnnouncingItsName() {
        Observed o = run("avahi-ipp-browse-mdns.pcap");
        String host = "8a:3c:d6:e1:4d:c4/fd52:429e:c03c:8235:883c:d6ff:fee1:4dc4";
        assertThat(o.facts()).containsExactly(
                host + " mdns.hostname=johanna-QEMU-Virtual-Machine.local",
                host + " mdns.query=_ipp._tcp.local",
                host + " mdns.query=_ipps._tcp.local");
        // frame 3 (from fd52::...4dc4) and frame 4 (from 10.0.2.7) answer for the name with the source address
        assertThat(o.bindings()).containsExactly(
                "8a:3c:d6:e1:4d:c4 10.0.2.7",
                "8a:3c:d6:e1:4d:c4 fd52:429e:c03c:8235:5968:5bc6:1563:f82f",
                "8a:3c:d6:e1:4d:c4 fd52:429e:c03c:8235:883c:d6ff:fee1:4dc4");
        assertThat(o.services()).containsExactly("10.0.2.7 5353/udp mdns",
                "fd52:429e:c03c:8235:883c:d6ff:fee1:4dc4 5353/udp mdns");
    }

    @Test
    void philipsHueBridgeAnnouncesItsHomeKitAccessoryAndQueriesItsCloud() {
        Observed o = run("hue-bridge-mdns-dns.pcap");
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).startsWith("00:17:88:24:76:ff/"));
        assertThat(o.values(DnsAttributes.MDNS_SERVICE)).containsExactly("_hap._tcp");
        assertThat(o.values(DnsAttributes.MDNS_INSTANCE)).containsExactly("Philips hue - 2476FF._hap._tcp.local");
        assertThat(o.values(DnsAttributes.MDNS_HOSTNAME)).containsExactly("Philips-hue.local");
        assertThat(o.values("mdns.txt.md")).containsExactly("BSB002");
        assertThat(o.values("mdns.txt.ci")).containsExactly("2"); // HAP category 2: bridge
        assertThat(o.values(DnsAttributes.MDNS_QUERY)).as("its only questions are probes").isEmpty();
        assertThat(o.values(DnsAttributes.DNS_QUERY)).containsExactly("0.openwrt.pool.ntp.org",
                "1.openwrt.pool.ntp.org", "2.openwrt.pool.ntp.org", "3.openwrt.pool.ntp.org", "bridge.meethue.com",
                "dcp.cpp.philips.com", "www.ecdinterface.philips.com");
        assertThat(o.attributes().stream().map(a -> a.attribute()).distinct().sorted())
                .containsExactly("dns.query", "mdns.hostname", "mdns.instance", "mdns.service", "mdns.txt.ci", "mdns.txt.md");
        assertThat(o.bindings()).containsExactly("00:17:88:24:76:ff 10.10.10.6", "00:17:88:24:76:ff fdd9:fbb:a067::1");
        assertThat(o.services()).containsExactly("10.10.10.1 53/udp dns", "10.10.10.6 5353/udp mdns",
                "10.10.10.6 8080/tcp hap", "fe80::217:88ff:fe24:76ff 5353/udp mdns");
    }

    @Test
    void dlinkCameraAnnouncesHnapAndItsConfigurationPageUnderSeveralNames() {
        Observed o = run("dlink-dcs935l-mdns-dns.pcap");
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).startsWith("b0:c5:54:25:5b:0e/"));
        assertThat(o.values(DnsAttributes.MDNS_SERVICE)).containsExactly("_dhnap._tcp", "_http._tcp");
        assertThat(o.values(DnsAttributes.MDNS_INSTANCE)).containsExactly(
                "D-Link DCS-935L Configuration Utility (2)._http._tcp.local",
                "D-Link DCS-935L Configuration Utility (3)._http._tcp.local",
                "D-Link DCS-935L Configuration Utility._http._tcp.local",
                "D-Link HNAP Service._dhnap._tcp.local");
        assertThat(o.values(DnsAttributes.MDNS_HOSTNAME)).containsExactly("DCS-935L-B0C554255B0E.local",
                "dcs-935l.local", "dcs-935l5b0e.local", "iotcam.local", "iotcam5b0e.local");
        assertThat(o.values("mdns.txt.model_number")).containsExactly("DCS-935L");
        assertThat(o.values(DnsAttributes.MDNS_QUERY)).containsExactly("_dhnap._tcp.local");
        assertThat(o.values(DnsAttributes.DNS_QUERY)).containsExactly("mp-eu-signal.auto.mydlink.com",
                "ntp1.dlink.com", "signal.mydlink.com");
        assertThat(o.attributes().stream().map(a -> a.attribute()).distinct().sorted()).containsExactly("dns.query",
                "mdns.hostname", "mdns.instance", "mdns.query", "mdns.service", "mdns.txt.model_number");
        assertThat(o.bindings()).containsExactly("b0:c5:54:25:5b:0e 10.10.10.37", "b0:c5:54:25:5b:0e 192.168.0.20");
        assertThat(o.services()).containsExactly("10.10.10.1 53/udp dns", "10.10.10.37 5353/udp mdns",
                "10.10.10.37 80/tcp dhnap", "192.168.0.20 5353/udp mdns", "192.168.0.20 80/tcp dhnap");
    }
}
