package io.osprey.vuln.match;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MatcherEvaluation} on the shared NVD records; skipped when ../shared is absent. */
class MatcherEvaluationTest {
    private static final Path NVD = Path.of("..", "..", "shared", "data", "vuln", "nvd");

    @Test
    void precisionAndRecallOnTheSharedRecords() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(NVD), "../shared/data/vuln/nvd absent: evaluation skipped");
        MatcherEvaluation.Result r = MatcherEvaluation.evaluate(NVD);
        System.out.printf("CVE match evaluation: %d devices, %d NVD records, %d expected pairs, %d predicted%n",
                r.devices(), r.records(), r.expected().size(), r.predicted().size());
        System.out.printf("  precision %.3f  recall %.3f; false positives %s; false negatives %s%n", r.precision(),
                r.recall(), r.falsePositives(), r.falseNegatives());
        // Precision first: a wrong match is worse than a missed one.
        assertThat(r.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.expected()).isNotEmpty();
    }
}
