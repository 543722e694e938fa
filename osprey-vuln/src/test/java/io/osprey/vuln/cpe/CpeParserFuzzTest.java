package io.osprey.vuln.cpe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the CPE formatted-string parser and the NISTIR 7696 matcher: any text either parses into a name that
 * formats and parses back to itself, or is refused with {@link CpeParseException}; matching never throws.
 */
class CpeParserFuzzTest {

    @FuzzTest(maxDuration = "12s")
    void parseArbitraryText(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        for (String candidate : new String[] {text, "cpe:2.3:" + text}) {
            Cpe cpe;
            try {
                cpe = Cpe.parse(candidate);
            } catch (CpeParseException expected) {
                continue;
            }
            Cpe again = Cpe.parse(cpe.toFormattedString());
            if (!again.equals(cpe)) {
                throw new IllegalStateException("round trip changed " + candidate + " into " + again);
            }
            CpeNameMatcher.compareNames(cpe, again);
            CpeNameMatcher.compareNames(cpe, Cpe.parse("cpe:2.3:a:v:p:1.0:*:*:*:*:*:*:*"));
        }
    }
}
