package io.osprey.dissect.dhcpv6;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dhcp.DhcpTesting;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.stream.Collectors;

import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.concat;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.duidLl;
import static io.osprey.dissect.dhcpv6.Dhcpv6Bytes.u16s;
import static org.assertj.core.api.Assertions.assertThat;

class Dhcpv6DissectorProperties {

    static List<Observation> dissect(SyntheticFrame from, int srcPort, int dstPort, byte[] message) {
        return DhcpTesting.dissect(new Dhcpv6Dissector(), from, srcPort, dstPort, message);
    }

    static SyntheticFrame client() {
        return SyntheticFrame.from(Dhcpv6DissectorTest.CLIENT_MAC, Dhcpv6DissectorTest.CLIENT_LL)
                .to("33:33:00:01:00:02", "ff02::1:2");
    }

    static SyntheticFrame server() {
        return SyntheticFrame.from(Dhcpv6DissectorTest.SERVER_MAC, Dhcpv6DissectorTest.SERVER_LL)
                .to(Dhcpv6DissectorTest.CLIENT_MAC, Dhcpv6DissectorTest.CLIENT_LL);
    }

    @Property(tries = 3000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 600) byte[] message, @ForAll boolean reply) {
        List<Observation> out = reply ? dissect(server(), 547, 546, message) : dissect(client(), 546, 547, message);
        assertThat(out).allSatisfy(DhcpTesting::wellFormed);
    }

    /** Arbitrary options inside arbitrarily nested relay headers, so the option walkers run on every try. */
    @Property(tries = 3000)
    void arbitraryOptionsInsideRelaysNeverThrow(@ForAll @Size(max = 300) byte[] options,
                                                @ForAll @IntRange(min = 0, max = 10) int relays,
                                                @ForAll @IntRange(min = 1, max = 13) int type) {
        Dhcpv6Bytes m = Dhcpv6Bytes.message(type);
        for (byte b : options) m.raw(b & 0xff);
        for (int i = 0; i < relays; i++) {
            m = Dhcpv6Bytes.relay(type == 7 || type == 2 ? 13 : 12, i, "2001:db8::1", "fe80::1").option(9, m);
        }
        assertThat(dissect(server(), 547, 546, m.build())).allSatisfy(DhcpTesting::wellFormed);
    }

    /** Relays are walked up to RFC 8415's HOP_COUNT_LIMIT and no further. */
    @Property(tries = 30)
    void clientFactsSurviveUpToTheHopCountLimit(@ForAll @IntRange(min = 0, max = 12) int relays) {
        Dhcpv6Bytes m = Dhcpv6Bytes.message(1).option(1, duidLl("02:00:00:00:00:01"));
        for (int i = 0; i < relays; i++) m = Dhcpv6Bytes.relay(12, i, "2001:db8::1", "fe80::1").option(9, m);
        List<Observation> out = dissect(client(), 547, 547, m.build());
        boolean seen = out.stream().anyMatch(o -> o instanceof Observation.Attribute a
                && a.attribute().equals(Dhcpv6Attributes.DUID));
        assertThat(seen).isEqualTo(relays <= Dhcpv6Message.MAX_RELAY_DEPTH);
    }

    /** RFC 8415 §21.7: the requested codes come out in the client's order. */
    @Property(tries = 500)
    void optionRequestKeepsTheClientsOrder(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 65535) Integer> codes) {
        byte[] oro = u16s(codes.stream().mapToInt(Integer::intValue).toArray());
        List<Observation> out = dissect(client(), 546, 547,
                Dhcpv6Bytes.message(1).option(1, concat(new byte[] {0, 3, 0, 1}, new byte[6])).option(6, oro).build());
        assertThat(out.stream().filter(o -> o instanceof Observation.Attribute a
                        && a.attribute().equals(Dhcpv6Attributes.OPTION_REQUEST))
                .map(o -> ((Observation.Attribute) o).value()))
                .containsExactly(codes.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
