package io.osprey.vuln;

import io.osprey.vuln.store.ImportCounts;
import java.util.List;
import java.util.Map;

/** What an import did: per kind, files imported and records added, updated or unchanged; and the skipped files. */
public record ImportSummary(Map<IntelKind, KindSummary> perKind, List<SkippedFile> skipped) {
    public ImportSummary {
        perKind = Map.copyOf(perKind);
        skipped = List.copyOf(skipped);
    }

    /** Files of one kind imported, and what they did to the records of that kind. */
    public record KindSummary(int files, ImportCounts records) {
    }

    /** A file that was not imported, with a one-line reason. */
    public record SkippedFile(String file, String reason) {
    }

    public KindSummary of(IntelKind kind) {
        return perKind.getOrDefault(kind, new KindSummary(0, ImportCounts.NONE));
    }

    public int filesImported() {
        return perKind.values().stream().mapToInt(KindSummary::files).sum();
    }
}
