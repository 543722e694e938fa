package io.osprey.vuln.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.vuln.csaf.VersionRange.Containment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** vers (VERSION-RANGE-SPEC) and the free-text ranges of CISA ICS advisories. */
class VersionRangeTest {

    /** range | version | containment. */
    @ParameterizedTest(name = "{1} in ''{0}''")
    @CsvSource(delimiter = ';', value = {
        "vers:generic/>=1.0|<2.3         ; 1.0     ; INSIDE",
        "vers:generic/>=1.0|<2.3         ; 2.2.9   ; INSIDE",
        "vers:generic/>=1.0|<2.3         ; 2.3     ; OUTSIDE",
        "vers:generic/>=1.0|<2.3         ; 0.9     ; OUTSIDE",
        "vers:all/<V4.4                  ; V4.3.9  ; INSIDE",
        "vers:all/<V4.4                  ; 4.4     ; OUTSIDE",
        "vers:all/>=V7.80<V9.40          ; 8.0     ; INSIDE",
        "vers:all/>=V7.80<V9.40          ; 9.40    ; OUTSIDE",
        "vers:generic/<1.0|>=2.0         ; 1.5     ; OUTSIDE",
        "vers:generic/<1.0|>=2.0         ; 2.1     ; INSIDE",
        "vers:generic/1.2.3              ; 1.2.3   ; INSIDE",
        "vers:generic/*                  ; 9       ; INSIDE",
        "<= V3.2                         ; V3.2    ; INSIDE",
        "<= V3.2                         ; 3.2.1   ; OUTSIDE",
        "< V5.5.0                        ; 5.4.9   ; INSIDE",
        "V2.0 and prior                  ; 1.9     ; INSIDE",
        "V2.0 and prior                  ; 2.1     ; OUTSIDE",
        "Version 16.00 and prior versions ; 16.00  ; INSIDE",
        "versions prior to 4.1           ; 4.0.9   ; INSIDE",
        "versions prior to 4.1           ; 4.1     ; OUTSIDE",
        "All versions                    ; 1.0     ; INSIDE",
        "All versions < V7.5 SP2 Update 5 ; V7.5 SP2 Update 4 ; INSIDE",
        "All versions < V7.5 SP2 Update 5 ; V7.5 SP3 ; OUTSIDE",
        ">= V3.0 and < V4.1              ; 3.5     ; INSIDE",
        ">= V3.0 and < V4.1              ; 2.9     ; OUTSIDE",
        ">= 13.3.1 | <= 13.3.3           ; 13.3.3  ; INSIDE",
        "4.2 and later                   ; 5.0     ; INSIDE",
        "BIOS < V22.01.04                ; V22.01.03 ; INSIDE",
        "<=the_first_5_digits_of_serial  ; 1.0     ; UNKNOWN",
        "vers:all/<V4.4                  ; unknown ; UNKNOWN",
    })
    void contains(String range, String version, Containment expected) {
        assertThat(VersionRange.parse(range.strip()).contains(version.strip())).isEqualTo(expected);
    }
}
