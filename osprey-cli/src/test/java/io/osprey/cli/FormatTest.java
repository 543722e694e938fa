package io.osprey.cli;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {
    @Test
    void timesAreIsoUtcWithMicrosecondsOrNanoseconds() {
        assertThat(Format.time(1_473_180_510_091_903_000L)).isEqualTo("2016-09-06T16:48:30.091903Z");
        assertThat(Format.time(1_473_180_510_091_903_123L)).isEqualTo("2016-09-06T16:48:30.091903123Z");
        assertThat(Format.time(1_473_180_510_000_000_000L)).isEqualTo("2016-09-06T16:48:30.000000Z");
        assertThat(Format.time(0)).isNull();
    }

    /** The hand-written formatter names the same instant java.time parses back. */
    @Property
    void parsesBackToTheSameInstant(@ForAll @LongRange(min = -2_000_000_000_000_000_000L, max = 4_000_000_000_000_000_000L) long nanos) {
        if (nanos == 0) return;
        Instant parsed = Instant.parse(Format.time(nanos));
        assertThat(parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano()).isEqualTo(nanos);
    }

    @Test
    void countsAndBytesAreShort() {
        assertThat(Format.count(1_234)).isEqualTo("1234");
        assertThat(Format.count(12_345)).isEqualTo("12.3 k");
        assertThat(Format.count(12_345_678)).isEqualTo("12.3 M");
        assertThat(Format.bytes(1536)).isEqualTo("1.5 kB");
    }
}
