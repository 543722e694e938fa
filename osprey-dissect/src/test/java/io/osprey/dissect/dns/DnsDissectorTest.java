package io.osprey.dissect.dns;

import io.osprey.dissect.Observation;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static org.assertj.core.api.Assertions.assertThat;

class DnsDissectorTest {
    static final String CAM_MAC = "b0:c5:54:25:5b:0e", GW_MAC = "00:b5:6d:06:08:ba";
    final SyntheticFrame client = SyntheticFrame.from(CAM_MAC, "10.10.10.37").to(GW_MAC, "10.10.10.1");
    final Observed observed = new Observed(new DnsDissector());

    static byte[] query(int id, String name) {
        return DnsWire.message(id, 0x0100, 1, 0, 0, 0).question(name, DnsMessage.TYPE_A).bytes();
    }

    @Test
    void aStandardQueryReportsTheNameAboutTheQueryingHostOnce() {
        // RFC 1035 §4.1.2: the question section; resolvers randomise letter case (dns-0x20), so names are folded
        observed.feed(client, client.udp(40001, 53, query(1, "Signal.MyDlink.com")));
        observed.feed(client, client.udp(40002, 53, query(2, "signal.mydlink.com")));
        assertThat(observed.facts()).containsExactly("b0:c5:54:25:5b:0e/10.10.10.37 dns.query=signal.mydlink.com");
        Observation.Attribute a = observed.attributes().getFirst();
        assertThat(a.source()).isEqualTo("dns");
        assertThat(a.confidence()).isEqualTo(1.0);
        assertThat(a.timestampNanos()).isEqualTo(client.nanos());
    }

    @Test
    void namesPerHostAreCapped() {
        for (int i = 0; i < DnsDissector.MAX_QUERY_NAMES_PER_HOST + 10; i++) {
            observed.feed(client, client.udp(40000 + i, 53, query(i, "host" + i + ".example")));
        }
        assertThat(observed.values(DnsAttributes.DNS_QUERY)).hasSize(DnsDissector.MAX_QUERY_NAMES_PER_HOST);
        SyntheticFrame other = SyntheticFrame.from("02:00:00:00:00:09", "10.10.10.9").to(GW_MAC, "10.10.10.1");
        observed.feed(other, other.udp(40000, 53, query(1, "host0.example")));
        assertThat(observed.attributes(DnsAttributes.DNS_QUERY)).hasSize(DnsDissector.MAX_QUERY_NAMES_PER_HOST + 1);
    }

    @Test
    void aClientQueryingFromOneFixedPortIsFollowedPastTheFirstPacketsOfItsFlow() {
        for (int i = 0; i < 40; i++) observed.feed(client, client.udp(1024, 53, query(i, "n" + i + ".example")));
        assertThat(observed.values(DnsAttributes.DNS_QUERY)).hasSize(40);
    }

    @Test
    void aResponseFromPort53ProvesADnsServerAndReportsNoQuery() {
        byte[] response = DnsWire.message(1, DnsWire.QR | 0x0180, 1, 1, 0, 0)
                .question("ntp1.dlink.com", 1).pointer(12).fixed(1, 1, DnsWire.a("203.0.113.5")).bytes();
        observed.feed(client.reply(), client.reply().udp(53, 40001, response));
        observed.feed(client.reply(), client.reply().udp(53, 40002, response));
        assertThat(observed.services()).containsExactly("10.10.10.1 53/udp dns");
        assertThat(observed.attributes()).isEmpty();
    }

    @Test
    void otherOpcodesAreNotQueries() {
        // RFC 2136 §2.2: opcode 5 is UPDATE, whose "question" is the zone
        byte[] update = DnsWire.message(1, 5 << 11, 1, 0, 0, 0).question("example.org", 6).bytes();
        observed.feed(client, client.udp(40001, 53, update));
        assertThat(observed.attributes()).isEmpty();
    }

    @Test
    void tcpMessagesCarryALengthPrefixAndMayBePipelined() {
        // RFC 1035 §4.2.2, RFC 7766 §6.2.1: two queries in one segment
        byte[] two = concat(DnsWire.message(1, 0, 1, 0, 0, 0).question("a.example", 1).tcp(),
                DnsWire.message(2, 0, 1, 0, 0, 0).question("b.example", 28).tcp());
        observed.feed(client, client.tcp(40000, 53, ACK | PSH, two));
        assertThat(observed.values(DnsAttributes.DNS_QUERY)).containsExactly("a.example", "b.example");
        byte[] answer = DnsWire.message(1, DnsWire.QR, 1, 0, 0, 0).question("a.example", 1).tcp();
        observed.feed(client.reply(), client.reply().tcp(53, 40000, ACK | PSH, answer));
        assertThat(observed.services()).containsExactly("10.10.10.1 53/tcp dns");
    }

    @Test
    void aQueryCutShortReportsNothingAndThrowsNothing() {
        byte[] q = query(1, "signal.mydlink.com");
        for (int n = 0; n < q.length; n++) {
            observed.feed(client, client.udp(40001, 53, java.util.Arrays.copyOf(q, n)));
        }
        assertThat(observed.attributes()).isEmpty();
        assertThat(observed.pipeline.dissectorFailures()).isEmpty();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
