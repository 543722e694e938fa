package io.osprey.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.vuln.match.DeviceProfile;
import io.osprey.vuln.match.MatcherEvaluationProfiles;
import io.osprey.vuln.store.VulnStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
    private static final Path SHARED = Path.of("..", "..", "shared", "data", "vuln");

    /** Rebuilds the bundled snapshot: {@code -Dosprey.snapshot.build=true -Dtest=SnapshotBuilderTest}. */
    @Test
    void rebuildsTheSnapshotWhenAsked() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("osprey.snapshot.build"), "set -Dosprey.snapshot.build=true to rebuild");
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "../shared/data/vuln absent: skipped");
        List<DeviceProfile> devices = MatcherEvaluationProfiles.devices();
        List<String> files = SnapshotBuilder.build(SHARED, Path.of("src/main/resources/io/osprey/vuln/snapshot"), devices);
        System.out.println("snapshot files: " + files);
    }

    @Test
    void theBundledSnapshotLoadsInOneCall() {
        try (VulnStore store = VulnStore.openInMemory()) {
            ImportSummary summary = store.loadBundledSnapshot();
            assertThat(summary.skipped()).isEmpty();
            assertThat(summary.of(IntelKind.NVD).records().added()).isEqualTo(105);
            assertThat(summary.of(IntelKind.KEV).records().added()).isPositive();
            assertThat(summary.of(IntelKind.EPSS).records().added()).isEqualTo(30);
            assertThat(summary.of(IntelKind.CSAF).records().added()).isPositive();
            // Loading it again changes nothing.
            ImportSummary again = store.loadBundledSnapshot();
            assertThat(again.of(IntelKind.NVD).records().unchanged()).isEqualTo(105);
            assertThat(again.of(IntelKind.NVD).records().added()).isZero();
        }
    }
}
