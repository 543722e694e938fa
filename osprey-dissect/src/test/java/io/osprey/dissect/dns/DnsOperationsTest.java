package io.osprey.dissect.dns;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "query" operations the alert engine matches against threat-intelligence domains. */
class DnsOperationsTest {
    static final String CAM_MAC = "b0:c5:54:25:5b:0e", GW_MAC = "00:b5:6d:06:08:ba", DNS2_MAC = "02:00:00:00:00:53";
    final SyntheticFrame client = SyntheticFrame.from(CAM_MAC, "10.10.10.37").to(GW_MAC, "10.10.10.1");
    final Observed observed = new Observed(new DnsDissector());

    static byte[] query(int id, String name) {
        return DnsWire.message(id, 0x0100, 1, 0, 0, 0).question(name, DnsMessage.TYPE_A).bytes();
    }

    @Test
    void aQueryIsReportedOncePerClientAndNameFromTheClientToTheResolver() {
        // RFC 1035 §4.1.2; letter case is folded (resolvers randomise it)
        observed.feed(client, client.udp(40001, 53, query(1, "Signal.MyDlink.com")));
        observed.feed(client, client.udp(40002, 53, query(2, "signal.mydlink.com")));
        SyntheticFrame secondResolver = SyntheticFrame.from(CAM_MAC, "10.10.10.37").to(DNS2_MAC, "10.10.10.53");
        observed.feed(secondResolver, secondResolver.udp(40003, 53, query(3, "signal.mydlink.com")));
        observed.feed(secondResolver, secondResolver.udp(40004, 53, query(4, "evil.example")));
        assertThat(observed.operations()).containsExactly(
                CAM_MAC + "/10.10.10.37 > " + GW_MAC + "/10.10.10.1 dns:query signal.mydlink.com",
                CAM_MAC + "/10.10.10.37 > " + DNS2_MAC + "/10.10.10.53 dns:query evil.example");
        Observation.Operation op = (Observation.Operation) observed.all.stream()
                .filter(Observation.Operation.class::isInstance).findFirst().orElseThrow();
        assertThat(op.source()).isEqualTo("dns");
        assertThat(op.operation()).isEqualTo(DnsDissector.QUERY);
        assertThat(op.timestampNanos()).isEqualTo(client.nanos());
    }

    @Test
    void namesPerClientAreCappedFarAboveTheAttributeCap() {
        int n = DnsDissector.MAX_OPERATION_NAMES_PER_HOST + 10;
        for (int i = 0; i < n; i++) {
            observed.feed(client, client.udp(1024 + i % 50_000, 53, query(i, "host" + i + ".example")));
        }
        assertThat(observed.operations()).hasSize(DnsDissector.MAX_OPERATION_NAMES_PER_HOST)
                .doesNotContain(CAM_MAC + "/10.10.10.37 > " + GW_MAC + "/10.10.10.1 dns:query host"
                        + DnsDissector.MAX_OPERATION_NAMES_PER_HOST + ".example");
        assertThat(observed.attributes(DnsAttributes.DNS_QUERY)).hasSize(DnsDissector.MAX_QUERY_NAMES_PER_HOST);
        SyntheticFrame other = SyntheticFrame.from("02:00:00:00:00:09", "10.10.10.9").to(GW_MAC, "10.10.10.1");
        observed.feed(other, other.udp(40000, 53, query(1, "host0.example")));
        assertThat(observed.operations()).hasSize(DnsDissector.MAX_OPERATION_NAMES_PER_HOST + 1)
                .last().isEqualTo("02:00:00:00:00:09/10.10.10.9 > " + GW_MAC + "/10.10.10.1 dns:query host0.example");
    }

    @Test
    void responsesAndOtherOpcodesAreNoQueries() {
        byte[] response = DnsWire.message(1, DnsWire.QR | 0x0180, 1, 1, 0, 0)
                .question("ntp1.dlink.com", 1).pointer(12).fixed(1, 1, DnsWire.a("203.0.113.5")).bytes();
        observed.feed(client.reply(), client.reply().udp(53, 40001, response));
        byte[] update = DnsWire.message(1, 5 << 11, 1, 0, 0, 0).question("example.org", 6).bytes();
        observed.feed(client, client.udp(40001, 53, update));
        assertThat(observed.operations()).isEmpty();
    }

    @Test
    void multicastAndLinkLocalNameQueriesAreNotDnsQueries() {
        // mDNS (RFC 6762) on 5353 and LLMNR (RFC 4795) on 5355 ask the link, not a resolver
        Observed link = new Observed(new DnsDissector(), new MdnsDissector(), new LlmnrDissector());
        SyntheticFrame mdns = SyntheticFrame.from(CAM_MAC, "10.10.10.37").to("01:00:5e:00:00:fb", "224.0.0.251");
        link.feed(mdns, mdns.udp(5353, 5353, DnsWire.message(0, 0, 1, 0, 0, 0).question("_ipp._tcp.local", 12).bytes()));
        SyntheticFrame llmnr = SyntheticFrame.from(CAM_MAC, "10.10.10.37").to("01:00:5e:00:00:fc", "224.0.0.252");
        link.feed(llmnr, llmnr.udp(40000, 5355, query(7, "printer")));
        assertThat(link.attributes()).isNotEmpty();
        assertThat(link.operations()).isEmpty();
    }

    @Test
    void repeatedQueriesAllocateNothing() {
        List<byte[]> frames = List.of(client.udp(40001, 53, query(1, "signal.mydlink.com")),
                client.udp(40002, 53, query(2, "ntp1.dlink.com")));
        assertThat(AllocationMeter.allocatedWhileRepeating(new DnsDissector(), frames, 5_000)).isLessThan(1_000);
    }
}
