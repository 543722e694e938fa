package io.osprey.dissect.dhcp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.Observation;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DhcpDissectorProperties {
    static final String CLIENT = "b0:c5:54:25:5b:0e";

    static List<Observation> dissect(Dissector dissector, SyntheticFrame from, int srcPort, int dstPort, byte[] message) {
        return DhcpTesting.dissect(dissector, from, srcPort, dstPort, message);
    }

    static SyntheticFrame client() {
        return SyntheticFrame.from(CLIENT, "0.0.0.0").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
    }

    static SyntheticFrame server() {
        return SyntheticFrame.from("00:0c:29:40:0e:ef", "10.0.0.1").to(CLIENT, "10.0.0.37");
    }

    @Property(tries = 3000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 700) byte[] message, @ForAll boolean reply) {
        List<Observation> out = reply ? dissect(new DhcpDissector(), server(), 67, 68, message)
                : dissect(new DhcpDissector(), client(), 68, 67, message);
        assertThat(out).allSatisfy(DhcpTesting::wellFormed);
    }

    /** Arbitrary options after a valid fixed header and cookie: reaches the option scanner on every try. */
    @Property(tries = 3000)
    void arbitraryOptionsNeverThrow(@ForAll @Size(max = 400) byte[] options, @ForAll @IntRange(min = 1, max = 2) int op,
                                    @ForAll @Size(max = 64) byte[] sname) {
        DhcpBytes b = (op == 1 ? DhcpBytes.request(CLIENT) : DhcpBytes.reply(CLIENT)).header(44, sname)
                .option(52, 3).option(53, op == 1 ? 3 : 5);
        for (byte x : options) b.raw(x & 0xff);
        List<Observation> out = op == 1 ? dissect(new DhcpDissector(), client(), 68, 67, b.build())
                : dissect(new DhcpDissector(), server(), 67, 68, b.build());
        assertThat(out).allSatisfy(DhcpTesting::wellFormed);
    }

    /** Every byte of a rich message replaced by an arbitrary one, at arbitrary places. */
    @Property(tries = 3000)
    void mutatedMessagesNeverThrow(@ForAll @Size(max = 8) List<@IntRange(min = 0, max = 400) Integer> positions,
                                   @ForAll @Size(max = 8) List<Byte> values, @ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] m = DhcpBytes.request(CLIENT).giaddr("192.168.7.1").option(53, 1).text(12, "DCS-935L")
                .option(55, 1, 3, 6, 12).option(61, 1, 0xb0, 0xc5, 0x54, 0x25, 0x5b, 0x0e).option(57, 2, 64)
                .option(77, 3, 'a', 'b', 'c').option(81, 4, 0, 0, 3, 'c', 'a', 'm', 0).option(82, 1, 1, 'x')
                .option(52, 3).end().build();
        for (int i = 0; i < Math.min(positions.size(), values.size()); i++) {
            if (positions.get(i) < m.length) m[positions.get(i)] = values.get(i);
        }
        byte[] cutMessage = java.util.Arrays.copyOf(m, Math.min(m.length, cut + 200));
        assertThat(dissect(new DhcpDissector(), client(), 68, 67, cutMessage)).allSatisfy(DhcpTesting::wellFormed);
    }

    /** RFC 2132 §9.8: whatever the list, it comes out in the client's order. */
    @Property(tries = 500)
    void parameterRequestListKeepsTheClientsOrder(@ForAll @Size(min = 1, max = 255) List<@IntRange(min = 0, max = 255) Integer> codes) {
        int[] value = codes.stream().mapToInt(Integer::intValue).toArray();
        List<Observation> out = dissect(new DhcpDissector(), client(), 68, 67,
                DhcpBytes.request(CLIENT).option(53, 1).option(55, value).end().build());
        assertThat(values(out, DhcpAttributes.PARAMETER_REQUEST_LIST))
                .containsExactly(codes.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    @Property(tries = 500)
    void printableHostnamesComeOutAsSent(@ForAll("hostnames") String hostname) {
        List<Observation> out = dissect(new DhcpDissector(), client(), 68, 67,
                DhcpBytes.request(CLIENT).option(53, 1).text(12, hostname).end().build());
        assertThat(values(out, DhcpAttributes.HOSTNAME)).containsExactly(hostname);
    }

    @Provide
    Arbitrary<String> hostnames() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(255)
                .filter(s -> !s.isEmpty());
    }

    static List<String> values(List<Observation> out, String attribute) {
        return out.stream().filter(o -> o instanceof Observation.Attribute a && a.attribute().equals(attribute))
                .map(o -> ((Observation.Attribute) o).value()).toList();
    }
}
