package io.osprey.dissect.dns;

import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static org.assertj.core.api.Assertions.assertThat;

class LlmnrDissectorTest {
    static final String PC = "00:04:23:57:a5:7a", NAS = "00:11:32:aa:bb:cc";
    final SyntheticFrame asking = SyntheticFrame.from(PC, "192.168.1.249").to("01:00:5e:00:00:fc", "224.0.0.252");
    final SyntheticFrame answering = SyntheticFrame.from(NAS, "192.168.1.20").to(PC, "192.168.1.249");
    final Observed observed = new Observed(new LlmnrDissector());

    static byte[] query(String name) {
        // RFC 4795 §2.1.1: one question, flags zero
        return DnsWire.message(0x1234, 0, 1, 0, 0, 0).question(name, DnsMessage.TYPE_A).bytes();
    }

    @Test
    void aQueryReportsTheNameAboutTheQuerier() {
        observed.feed(asking, asking.udp(52000, 5355, query("wpad")));
        observed.feed(asking, asking.udp(52001, 5355, query("DiskStation")));
        assertThat(observed.facts()).containsExactly("00:04:23:57:a5:7a/192.168.1.249 llmnr.query=DiskStation",
                "00:04:23:57:a5:7a/192.168.1.249 llmnr.query=wpad");
    }

    @Test
    void aResponseNamesTheResponderBindsItsAddressesAndProvesTheService() {
        // RFC 4795 §2.3: a responder answers only for names it is authoritative for, its own
        byte[] response = DnsWire.message(0x1234, DnsWire.QR, 1, 2, 0, 0)
                .question("DiskStation", DnsMessage.TYPE_A)
                .pointer(12).fixed(DnsMessage.TYPE_A, 1, DnsWire.a("192.168.1.20"))
                .pointer(12).fixed(DnsMessage.TYPE_AAAA, 1, DnsWire.aaaa("fe80::211:32ff:feaa:bbcc"))
                .bytes();
        observed.feed(answering, answering.udp(5355, 52001, response));
        assertThat(observed.facts()).containsExactly("00:11:32:aa:bb:cc/192.168.1.20 llmnr.hostname=DiskStation");
        assertThat(observed.bindings()).containsExactly(NAS + " 192.168.1.20", NAS + " fe80::211:32ff:feaa:bbcc");
        assertThat(observed.services()).containsExactly("192.168.1.20 5355/udp llmnr");
    }

    @Test
    void aResponseForANameOfAnotherAddressBindsNothing() {
        byte[] response = DnsWire.message(1, DnsWire.QR, 0, 1, 0, 0)
                .record("printer", DnsMessage.TYPE_A, DnsWire.a("192.168.1.99")).bytes();
        observed.feed(answering, answering.udp(5355, 52001, response));
        assertThat(observed.bindings()).isEmpty();
        assertThat(observed.values(DnsAttributes.LLMNR_HOSTNAME)).containsExactly("printer");
    }

    @Test
    void aReverseLookupAnswerNamesTheResponder() {
        byte[] response = DnsWire.message(1, DnsWire.QR, 0, 1, 0, 0)
                .record("20.1.168.192.in-addr.arpa", DnsMessage.TYPE_PTR, DnsWire.nameRdata("DiskStation")).bytes();
        observed.feed(answering, answering.udp(5355, 52001, response));
        assertThat(observed.values(DnsAttributes.LLMNR_HOSTNAME)).containsExactly("DiskStation");
    }

    @Test
    void tcpCarriesTheLengthPrefix() {
        // RFC 4795 §2.5
        byte[] q = DnsWire.message(1, 0, 1, 0, 0, 0).question("fileserver", 1).tcp();
        SyntheticFrame c = SyntheticFrame.from(PC, "192.168.1.249").to(NAS, "192.168.1.20");
        observed.feed(c, c.tcp(50000, 5355, ACK | PSH, q));
        assertThat(observed.values(DnsAttributes.LLMNR_QUERY)).containsExactly("fileserver");
    }

    @Test
    void anErrorResponseNamesNobody() {
        byte[] response = DnsWire.message(1, DnsWire.QR | 3, 0, 1, 0, 0)
                .record("printer", DnsMessage.TYPE_A, DnsWire.a("192.168.1.20")).bytes();
        observed.feed(answering, answering.udp(5355, 52001, response));
        assertThat(observed.all).isEmpty();
    }
}
