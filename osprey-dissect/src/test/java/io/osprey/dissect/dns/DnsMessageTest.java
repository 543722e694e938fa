package io.osprey.dissect.dns;

import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Addresses;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsMessageTest {
    final DnsMessage message = new DnsMessage();

    DnsMessage over(byte[] m) {
        message.wrap(new Payload().wrap(m, 0, m.length), 0, m.length);
        return message;
    }

    List<String> walk() {
        List<String> seen = new ArrayList<>();
        DnsName name = new DnsName();
        while (message.next()) {
            name.read(message, message.nameOffset());
            seen.add(message.section() + ":" + new ValueBuffer().appendName(name, false) + "/" + message.type());
        }
        return seen;
    }

    @Test
    void readsTheHeaderFields() {
        // RFC 1035 §4.1.1: QR, opcode, rcode
        over(DnsWire.message(0xbeef, DnsWire.QR | 5 << 11 | 3, 1, 2, 3, 4).bytes());
        assertThat(message.id()).isEqualTo(0xbeef);
        assertThat(message.isResponse()).isTrue();
        assertThat(message.opcode()).isEqualTo(5);
        assertThat(message.rcode()).isEqualTo(3);
        assertThat(message.count(DnsMessage.ADDITIONAL)).isEqualTo(4);
    }

    @Test
    void aMessageShorterThanItsHeaderIsNotOne() {
        byte[] m = new byte[11];
        assertThat(message.wrap(new Payload().wrap(m, 0, m.length), 0, m.length)).isFalse();
        assertThat(message.next()).isFalse();
    }

    @Test
    void walksTheFourSectionsInOrderAndSkipsEmptyOnes() {
        byte[] m = DnsWire.message(0, DnsWire.QR, 1, 1, 0, 1)
                .question("_hap._tcp.local", DnsMessage.TYPE_PTR)
                .record("_hap._tcp.local", DnsMessage.TYPE_PTR, DnsWire.nameRdata("x._hap._tcp.local"))
                .record("x.local", DnsMessage.TYPE_A, DnsWire.a("10.0.0.1"))
                .bytes();
        over(m);
        assertThat(walk()).containsExactly("0:_hap._tcp.local/12", "1:_hap._tcp.local/12", "3:x.local/1");
        assertThat(message.truncated()).isFalse();
    }

    @Test
    void stopsAtARecordCutShortAndSaysSo() {
        byte[] m = DnsWire.message(0, DnsWire.QR, 0, 2, 0, 0)
                .record("a.local", DnsMessage.TYPE_A, DnsWire.a("10.0.0.1"))
                .record("b.local", DnsMessage.TYPE_A, DnsWire.a("10.0.0.2"))
                .bytes();
        over(java.util.Arrays.copyOf(m, m.length - 1));
        assertThat(walk()).containsExactly("1:a.local/1");
        assertThat(message.truncated()).isTrue();
    }

    @Test
    void forgedCountsStopAtMaxRecords() {
        // 65535 questions claimed, 300 present (each a bare pointer to the first name)
        DnsWire w = DnsWire.message(0, 0, 0xffff, 0, 0, 0).question("a.local", 1);
        for (int i = 0; i < 300; i++) w.pointer(12).u16(1).u16(1);
        over(w.bytes());
        int n = 0;
        while (message.next()) n++;
        assertThat(n).isEqualTo(DnsMessage.MAX_RECORDS);
    }

    @Test
    void readsAddressesOfAAndAaaaRecordsOfTheInternetClassOnly() {
        byte[] m = DnsWire.message(0, DnsWire.QR, 0, 4, 0, 0)
                .record("h.local", DnsMessage.TYPE_A, 1 | DnsWire.CACHE_FLUSH, DnsWire.a("10.10.10.6"))
                .record("h.local", DnsMessage.TYPE_AAAA, DnsWire.aaaa("fdd9:fbb:a067::1"))
                .record("h.local", DnsMessage.TYPE_A, 3, DnsWire.a("10.10.10.7"))
                .record("h.local", DnsMessage.TYPE_A, new byte[5])
                .bytes();
        over(m);
        List<String> addresses = new ArrayList<>();
        while (message.next()) {
            if (message.readAddress()) addresses.add(Addresses.ip(message.addressHi(), message.addressLo()));
        }
        // RFC 6762 §10.2: the top bit of the class is the cache-flush bit, not part of the class
        assertThat(addresses).containsExactly("10.10.10.6", "fdd9:fbb:a067::1");
    }

    @Test
    void aMessageAfterALengthPrefixIsReadFromItsBase() {
        byte[] tcp = DnsWire.message(7, 0, 1, 0, 0, 0).question("ntp1.dlink.com", 1).tcp();
        Payload p = new Payload().wrap(tcp, 0, tcp.length);
        assertThat(message.wrap(p, 2, p.u16(0))).isTrue();
        assertThat(message.id()).isEqualTo(7);
        assertThat(walk()).containsExactly("0:ntp1.dlink.com/1");
    }
}
