package io.osprey.vuln.store;

import io.osprey.vuln.epss.EpssScore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes EPSS scores inside the caller's transaction: one row per CVE, the score of the newest date. A file older
 * than what is stored changes nothing; the same file twice changes nothing.
 */
public final class EpssWriter implements AutoCloseable {
    private static final int CHUNK = 4096;

    private record Stored(LocalDate date, double score, double percentile) {
    }

    private final Connection connection;
    private final Map<String, Stored> known = new HashMap<>();
    private final Map<String, EpssScore> pending = new LinkedHashMap<>();
    private final java.util.Set<String> replacing = new java.util.LinkedHashSet<>();
    private int added;
    private int updated;
    private int unchanged;

    public EpssWriter(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT cve_id, CAST(score_date AS VARCHAR), score, percentile FROM epss")) {
            while (rs.next()) {
                known.put(rs.getString(1), new Stored(Sql.date(rs.getString(2)), rs.getDouble(3), rs.getDouble(4)));
            }
        }
    }

    public void accept(EpssScore e) throws SQLException {
        Stored stored = known.get(e.cveId());
        if (stored != null) {
            boolean older = stored.date() != null && (e.date() == null || e.date().isBefore(stored.date()));
            boolean same = java.util.Objects.equals(stored.date(), e.date()) && stored.score() == e.score()
                    && stored.percentile() == e.percentile();
            if (older || same) {
                unchanged++;
                return;
            }
            if (!pending.containsKey(e.cveId())) {
                updated++;
                replacing.add(e.cveId());
            }
        } else {
            added++;
        }
        known.put(e.cveId(), new Stored(e.date(), e.score(), e.percentile()));
        pending.put(e.cveId(), e);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Sql.deleteWhereIn(connection, "epss", "cve_id", replacing);
        try (RowBatch rows = new RowBatch(connection, "epss", "cve_id", "score", "percentile", "score_date",
                "model_version")) {
            for (EpssScore e : pending.values()) {
                rows.add(e.cveId(), e.score(), e.percentile(), Sql.text(e.date()), e.modelVersion());
            }
        }
        pending.clear();
        replacing.clear();
    }

    public ImportCounts counts() {
        return new ImportCounts(added, updated, unchanged);
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
