package io.osprey.vuln.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * What the store holds: rows per table, the newest record dates per source, and the schema version.
 * {@code cvesAwaitingAnalysis} counts NVD records without configurations: coverage gaps, not "not vulnerable".
 */
public record IntelStatus(int schemaVersion, Map<String, Long> rowsPerTable, long cvesAwaitingAnalysis,
                          LocalDateTime newestCveModified, LocalDateTime newestCvePublished,
                          LocalDate newestKevAdded, LocalDate newestEpssDate, LocalDateTime newestCsafRelease) {
    public IntelStatus {
        rowsPerTable = Map.copyOf(rowsPerTable);
    }
}
