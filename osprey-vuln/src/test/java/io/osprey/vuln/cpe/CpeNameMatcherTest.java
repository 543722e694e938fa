package io.osprey.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** NISTIR 7696 Table 5-1 (attribute comparison) and §6.2 (name comparison), row by row. */
class CpeNameMatcherTest {

    /** source | target | relation; values in WFN form, ANY = *, NA = -. */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // Row 1-4: source ANY
        "*      | *          | EQUAL",
        "*      | -          | SUPERSET",
        "*      | foo        | SUPERSET",
        "*      | foo*       | UNDEFINED",
        // Rows 5-8: source NA
        "-      | *          | SUBSET",
        "-      | -          | EQUAL",
        "-      | foo        | DISJOINT",
        "-      | fo?        | UNDEFINED",
        // Rows 9-13: source a plain value
        "foo    | *          | SUBSET",
        "foo    | -          | DISJOINT",
        "foo    | foo        | EQUAL",
        "foo    | bar        | DISJOINT",
        "foo    | foo*       | UNDEFINED",
        // Rows 14-17: source with wildcards
        "foo*   | *          | SUBSET",
        "foo*   | -          | DISJOINT",
        "foo*   | foobar     | SUPERSET",
        "foo*   | barfoo     | DISJOINT",
        "*bar   | foobar     | SUPERSET",
        "fo?    | foo        | SUPERSET",
        "fo?    | fooo       | DISJOINT",
        "??o    | foo        | SUPERSET",
        "??o    | fooo       | DISJOINT",
        "8\\.*  | 8\\.0\\.6001 | SUPERSET",
        "8\\.?  | 8\\.0      | SUPERSET",
        "8\\.?  | 8\\.00     | DISJOINT",
        "foo*   | foo*       | UNDEFINED",
    })
    void tableFiveOne(String source, String target, Relation expected) {
        assertThat(CpeNameMatcher.compareAttribute(source.strip(), target.strip())).isEqualTo(expected);
    }

    @Test
    void matchingIsCaseInsensitiveBecauseNamesAreLowerCased() {
        Cpe upper = Cpe.parse("cpe:2.3:o:DLINK:DCS-930L_FIRMWARE:2.01:*:*:*:*:*:*:*");
        Cpe lower = Cpe.parse("cpe:2.3:o:dlink:dcs-930l_firmware:2.01:*:*:*:*:*:*:*");
        assertThat(CpeNameMatcher.isEqual(upper, lower)).isTrue();
    }

    @Test
    void nameRelationsOfSectionSixTwo() {
        Cpe source = Cpe.parse("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*");
        Cpe target = Cpe.parse("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:sp1:*:*:*:*:*:*");
        assertThat(CpeNameMatcher.isSuperset(source, target)).isTrue();
        assertThat(CpeNameMatcher.isDisjoint(source, target)).isFalse();
        assertThat(CpeNameMatcher.isEqual(source, target)).isFalse();

        Cpe any = Cpe.parse("cpe:2.3:a:microsoft:internet_explorer:*:*:*:*:*:*:*:*");
        assertThat(CpeNameMatcher.isSuperset(any, target)).isTrue();
        assertThat(CpeNameMatcher.isSubset(target, any)).isTrue();

        Cpe other = Cpe.parse("cpe:2.3:a:microsoft:edge:8.0.6001:sp1:*:*:*:*:*:*");
        assertThat(CpeNameMatcher.isDisjoint(source, other)).isTrue();
    }

    @Test
    void hardwareWrittenWithoutVersionMatchesOnlyTheSameModel() {
        Cpe criterion = Cpe.parse("cpe:2.3:h:dlink:dcs-930l:-:*:*:*:*:*:*:*");
        assertThat(CpeNameMatcher.matches(criterion, Cpe.parse("cpe:2.3:h:dlink:dcs-930l:-:*:*:*:*:*:*:*"))).isTrue();
        assertThat(CpeNameMatcher.matches(criterion, Cpe.parse("cpe:2.3:h:dlink:dcs-932l:-:*:*:*:*:*:*:*"))).isFalse();
        assertThat(CpeNameMatcher.matches(criterion, Cpe.parse("cpe:2.3:h:dlink:dcs-930l:1.0:*:*:*:*:*:*:*")))
                .isFalse();
    }
}
