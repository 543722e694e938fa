package io.osprey.vuln.store;

import io.osprey.vuln.cpe.Cpe;
import io.osprey.vuln.nvd.ConfigNode;
import io.osprey.vuln.nvd.Configuration;
import io.osprey.vuln.nvd.CpeMatchCriterion;
import io.osprey.vuln.nvd.CveRecord;
import io.osprey.vuln.nvd.CvssScore;
import io.osprey.vuln.nvd.Reference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes NVD records inside the caller's transaction. A record is added when its id is new, replaces the stored
 * one when its lastModified is newer, and is left alone otherwise: importing the same data twice changes nothing.
 * Records are written in chunks: first the replaced records' rows are deleted, then all rows are inserted.
 */
public final class CveWriter implements AutoCloseable {
    private static final int CHUNK = 512;

    private final Connection connection;
    private final Map<String, LocalDateTime> known = new HashMap<>();
    private final Set<String> writtenThisFile = new java.util.HashSet<>();
    private final LinkedHashMap<String, CveRecord> chunk = new LinkedHashMap<>();
    private final Set<String> chunkReplacing = new LinkedHashSet<>();
    private int added;
    private int updated;
    private int unchanged;

    public CveWriter(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, CAST(last_modified AS VARCHAR) FROM cve")) {
            while (rs.next()) {
                known.put(rs.getString(1), Sql.dateTime(rs.getString(2)));
            }
        }
    }

    public void accept(CveRecord record) throws SQLException {
        LocalDateTime stored = known.get(record.id());
        if (stored != null && !record.lastModified().isAfter(stored)) {
            unchanged++;
            return;
        }
        known.put(record.id(), record.lastModified());
        if (chunk.containsKey(record.id())) {
            chunk.put(record.id(), record);
            return;
        }
        if (stored == null) {
            added++;
        } else {
            updated++;
            chunkReplacing.add(record.id());
        }
        if (writtenThisFile.contains(record.id())) {
            chunkReplacing.add(record.id());
        }
        chunk.put(record.id(), record);
        if (chunk.size() == CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        if (!chunkReplacing.isEmpty()) {
            Sql.deleteWhereIn(connection, "cve", "id", chunkReplacing);
            Sql.deleteWhereIn(connection, "cve_reference", "cve_id", chunkReplacing);
            Sql.deleteWhereIn(connection, "cve_product", "cve_id", chunkReplacing);
        }
        try (RowBatch cves = new RowBatch(connection, "cve", "id", "published", "last_modified", "status",
                "description", "cvss3_version", "cvss3_score", "cvss3_vector", "cvss3_severity", "cvss4_score",
                "cvss4_vector", "cvss4_severity", "cvss2_score", "cvss2_vector", "cvss2_severity", "cwes",
                "has_configurations", "configurations_json", "cisa_exploit_add");
             RowBatch refs = new RowBatch(connection, "cve_reference", "cve_id", "url", "tags");
             RowBatch products = new RowBatch(connection, "cve_product", "cve_id", "part", "vendor", "product")) {
            for (CveRecord r : chunk.values()) {
                CvssScore v3 = r.cvssV3();
                CvssScore v4 = r.cvssV4();
                CvssScore v2 = r.cvssV2();
                cves.add(r.id(), Sql.text(r.published()), Sql.text(r.lastModified()), r.status(), r.description(),
                        v3 == null ? null : v3.version(), v3 == null ? null : v3.baseScore(),
                        v3 == null ? null : v3.vector(), v3 == null ? null : v3.severity(),
                        v4 == null ? null : v4.baseScore(), v4 == null ? null : v4.vector(),
                        v4 == null ? null : v4.severity(),
                        v2 == null ? null : v2.baseScore(), v2 == null ? null : v2.vector(),
                        v2 == null ? null : v2.severity(), String.join(",", r.cwes()), r.hasConfigurations(),
                        r.configurationsJson(), Sql.text(r.cisaExploitAdd()));
                for (Reference ref : r.references()) {
                    refs.add(r.id(), ref.url(), String.join(",", ref.tags()));
                }
                for (List<String> key : vulnerableProducts(r)) {
                    products.add(r.id(), key.get(0), key.get(1), key.get(2));
                }
                writtenThisFile.add(r.id());
            }
        }
        chunk.clear();
        chunkReplacing.clear();
    }

    /** The distinct (part, vendor, product) of the record's vulnerable criteria: the lookup keys for devices. */
    static Set<List<String>> vulnerableProducts(CveRecord r) {
        Set<List<String>> keys = new LinkedHashSet<>();
        for (Configuration c : r.configurations()) {
            for (ConfigNode n : c.nodes()) {
                for (CpeMatchCriterion m : n.criteria()) {
                    Cpe cpe = m.criteria();
                    if (m.vulnerable() && cpe != null) {
                        keys.add(List.of(cpe.part(), cpe.vendor(), cpe.product()));
                    }
                }
            }
        }
        return keys;
    }

    public ImportCounts counts() {
        return new ImportCounts(added, updated, unchanged);
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
