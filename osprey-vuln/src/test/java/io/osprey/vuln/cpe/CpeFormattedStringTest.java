package io.osprey.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NISTIR 7695 §6.2: formatted string binding and unbinding. */
class CpeFormattedStringTest {

    @Test
    void unbindsEscapesIntoQuotedWfnValues() {
        Cpe cpe = Cpe.parse("cpe:2.3:o:cisco:ios:15.1\\(3\\)svs:*:*:*:*:*:*:*");
        assertThat(cpe.version()).isEqualTo("15\\.1\\(3\\)svs");
        assertThat(Cpe.unquote(cpe.version())).isEqualTo("15.1(3)svs");

        Cpe slash = Cpe.parse("cpe:2.3:h:siemens:simatic_s7-300_cpu_315-2_pn\\/dp:-:*:*:*:*:*:*:*");
        assertThat(slash.product()).isEqualTo("simatic_s7\\-300_cpu_315\\-2_pn\\/dp");
        assertThat(slash.version()).isEqualTo(Cpe.NA);
        assertThat(slash.attribute(Cpe.UPDATE)).isEqualTo(Cpe.ANY);
    }

    @Test
    void bindsDotHyphenUnderscoreUnquotedAndOtherPunctuationQuoted() {
        Cpe cpe = Cpe.of('h', "hikvision", "ds-2cd2412f-i(w)", null);
        assertThat(cpe.toFormattedString()).isEqualTo("cpe:2.3:h:hikvision:ds-2cd2412f-i\\(w\\):*:*:*:*:*:*:*:*");
        assertThat(Cpe.parse(cpe.toFormattedString())).isEqualTo(cpe);
    }

    @Test
    void keepsWildcardsAtTheEnds() {
        Cpe cpe = Cpe.parse("cpe:2.3:a:vendor:product:8.*:??beta:*:*:*:*:*:*");
        assertThat(cpe.version()).isEqualTo("8\\.*");
        assertThat(cpe.attribute(Cpe.UPDATE)).isEqualTo("??beta");
        assertThat(cpe.toFormattedString()).isEqualTo("cpe:2.3:a:vendor:product:8.*:??beta:*:*:*:*:*:*");
    }

    @Test
    void aLoneLiteralHyphenStaysDistinctFromNa() {
        Cpe literal = Cpe.ofWfn("a", "v", "p", "\\-");
        assertThat(literal.toFormattedString()).startsWith("cpe:2.3:a:v:p:\\-:");
        assertThat(Cpe.parse(literal.toFormattedString())).isEqualTo(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cpe:/a:vendor:product:1.0",                         // URI binding, not a formatted string
        "cpe:2.3:a:vendor:product:1.0",                      // too few components
        "cpe:2.3:a:v:p:1:*:*:*:*:*:*:*:extra",               // too many
        "cpe:2.3:x:vendor:product:*:*:*:*:*:*:*:*",          // bad part
        "cpe:2.3:a:vendor:pro*duct:*:*:*:*:*:*:*:*",         // wildcard inside
        "cpe:2.3:a:vendor:product:1.0\\:*:*:*:*:*:*:*",      // escape eats the separator: 10 components
        "cpe:2.3:a:vendor:**:*:*:*:*:*:*:*:*",               // wildcards only
        "cpe:2.3:a:vendor:pr\u00f6duct:*:*:*:*:*:*:*:*",     // not printable ASCII
        "cpe:2.3:a:vendor:product:1 0:*:*:*:*:*:*:*",        // space
    })
    void rejectsMalformedNames(String text) {
        assertThatThrownBy(() -> Cpe.parse(text)).isInstanceOf(CpeParseException.class);
    }
}
