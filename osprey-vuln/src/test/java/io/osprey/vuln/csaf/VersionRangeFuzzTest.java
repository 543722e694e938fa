package io.osprey.vuln.csaf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the vers / free-text version range parser: it never throws, and containment is always decided. */
class VersionRangeFuzzTest {

    @FuzzTest(maxDuration = "12s")
    void parseArbitraryRanges(FuzzedDataProvider data) {
        String version = data.consumeString(40);
        String range = data.consumeRemainingAsString();
        VersionRange parsed = VersionRange.parse(range);
        if (parsed.contains(version) == null || parsed.describe() == null) {
            throw new IllegalStateException("undecided range " + range);
        }
        VersionRange.parse("vers:generic/" + range).contains(version);
    }
}
