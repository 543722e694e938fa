package io.osprey.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Binding a name to a formatted string and parsing it back gives the same name (NISTIR 7695 §6.2). */
class CpeFormattedStringProperties {

    @Property(tries = 2000)
    void formatThenParseIsIdentity(@ForAll("names") Cpe cpe) {
        String formatted = cpe.toFormattedString();
        assertThat(Cpe.parse(formatted)).isEqualTo(cpe);
        assertThat(Cpe.parse(formatted).toFormattedString()).isEqualTo(formatted);
    }

    @Provide
    Arbitrary<Cpe> names() {
        Arbitrary<String> part = Arbitraries.of("a", "o", "h", Cpe.ANY);
        Arbitrary<String> value = value();
        return Combinators.combine(part, value, value, value, value, Arbitraries.of(Cpe.ANY, Cpe.NA))
                .as((p, vendor, product, version, update, other) ->
                        Cpe.ofWfn(p, vendor, product, version, update, Cpe.ANY, Cpe.ANY, Cpe.ANY, Cpe.ANY, Cpe.ANY, other));
    }

    /** ANY, NA, or printable text quoted as WFN, with optional wildcards at the ends. */
    private static Arbitrary<String> value() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12)
                .map(Cpe::quote);
        Arbitrary<String> withWildcards = Combinators.combine(Arbitraries.of("", "*", "?", "??"), text,
                Arbitraries.of("", "*", "?")).as((head, body, tail) -> head + body + tail);
        return Arbitraries.oneOf(Arbitraries.of(Cpe.ANY, Cpe.NA), text, withWildcards);
    }
}
