package io.osprey.vuln.store;

import io.osprey.vuln.csaf.CsafProduct;
import io.osprey.vuln.csaf.CsafProductStatus;
import io.osprey.vuln.csaf.CsafRemediation;
import io.osprey.vuln.epss.EpssScore;
import io.osprey.vuln.kev.KevEntry;
import io.osprey.vuln.nvd.CveJson;
import io.osprey.vuln.nvd.CveRecord;
import io.osprey.vuln.nvd.CvssScore;
import io.osprey.vuln.nvd.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vulnerability intelligence store: an embedded DuckDB database (one file, or in memory for tests), migrated
 * to the current schema when opened. All access goes through one connection; writes happen in
 * {@link #transaction}, so a failure rolls the whole unit of work (one imported file) back.
 */
public final class VulnStore implements AutoCloseable {
    /** The tables {@link #status()} counts, in the order they are reported. */
    public static final List<String> TABLES = List.of("cve", "cve_reference", "cve_product", "kev", "epss",
            "csaf_advisory", "csaf_product", "csaf_product_status", "csaf_remediation", "asset_value",
            "recommendation_exception", "recommendation_state", "alert_state");

    private final Connection connection;
    private final String location;

    private VulnStore(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /** Opens (creating if needed) the store file and migrates it; refuses a store newer than this code. */
    public static VulnStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return init(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()), file.toString());
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** A store that lives in memory until closed. */
    public static VulnStore openInMemory() {
        try {
            return init(DriverManager.getConnection("jdbc:duckdb:"), ":memory:");
        } catch (SQLException e) {
            throw new StoreException("cannot open an in-memory store: " + e.getMessage(), e);
        }
    }

    private static VulnStore init(Connection connection, String location) throws SQLException {
        try {
            Migrations.migrate(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new VulnStore(connection, location);
    }

    public String location() {
        return location;
    }

    public synchronized int schemaVersion() {
        try {
            return Migrations.currentVersion(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema version", e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public synchronized <T> T transaction(SqlWork<T> work) throws java.io.IOException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    /** Loads the demo snapshot bundled with Osprey; see {@link io.osprey.vuln.IntelImporter#importBundledSnapshot}. */
    public io.osprey.vuln.ImportSummary loadBundledSnapshot() {
        return new io.osprey.vuln.IntelImporter(this).importBundledSnapshot();
    }

    public synchronized IntelStatus status() {
        try (Statement s = connection.createStatement()) {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT "
                    + "(SELECT count(*) FROM cve WHERE NOT has_configurations), "
                    + "(SELECT CAST(max(last_modified) AS VARCHAR) FROM cve), "
                    + "(SELECT CAST(max(published) AS VARCHAR) FROM cve), "
                    + "(SELECT CAST(max(date_added) AS VARCHAR) FROM kev), "
                    + "(SELECT CAST(max(score_date) AS VARCHAR) FROM epss), "
                    + "(SELECT CAST(max(current_release) AS VARCHAR) FROM csaf_advisory)")) {
                rs.next();
                return new IntelStatus(Migrations.currentVersion(connection), rows, rs.getLong(1),
                        Sql.dateTime(rs.getString(2)), Sql.dateTime(rs.getString(3)), Sql.date(rs.getString(4)),
                        Sql.date(rs.getString(5)), Sql.dateTime(rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the store status", e);
        }
    }

    /** Ids of records with a vulnerable criterion naming one of these (vendor, product) pairs (WFN values). */
    public synchronized Set<String> cveIdsForProducts(Collection<List<String>> vendorProducts) {
        Set<String> ids = new LinkedHashSet<>();
        List<List<String>> keys = List.copyOf(vendorProducts);
        int perStatement = 200;
        for (int from = 0; from < keys.size(); from += perStatement) {
            List<List<String>> chunk = keys.subList(from, Math.min(keys.size(), from + perStatement));
            String where = String.join(" OR ", java.util.Collections.nCopies(chunk.size(), "(vendor = ? AND product = ?)"));
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT DISTINCT cve_id FROM cve_product WHERE " + where + " ORDER BY cve_id")) {
                int i = 1;
                for (List<String> key : chunk) {
                    p.setString(i++, key.get(0));
                    p.setString(i++, key.get(1));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot look up CVEs by product", e);
            }
        }
        return ids;
    }

    /** The records with these ids, with their references and parsed configurations, in id order. */
    public synchronized List<CveRecord> cves(Collection<String> ids) {
        return queryCves("id IN (%s)", List.copyOf(new LinkedHashSet<>(ids)));
    }

    public Optional<CveRecord> cve(String id) {
        List<CveRecord> found = cves(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * Records without configurations (NVD has not analysed them) whose description mentions every one of the
     * given words: candidates for a device's coverage gaps.
     */
    public synchronized List<CveRecord> unanalysedCvesMentioning(List<String> lowerCaseWords) {
        if (lowerCaseWords.isEmpty()) {
            return List.of();
        }
        String where = "NOT has_configurations AND " + String.join(" AND ",
                java.util.Collections.nCopies(lowerCaseWords.size(), "contains(lower(description), ?)"));
        return selectCves(where, lowerCaseWords);
    }

    private List<CveRecord> queryCves(String whereTemplate, List<String> ids) {
        List<CveRecord> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += Sql.KEYS_PER_STATEMENT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.KEYS_PER_STATEMENT));
            out.addAll(selectCves(whereTemplate.formatted(Sql.placeholders(chunk.size())), chunk));
        }
        return out;
    }

    private List<CveRecord> selectCves(String where, List<String> parameters) {
        String sql = "SELECT id, CAST(published AS VARCHAR), CAST(last_modified AS VARCHAR), status, description, "
                + "cvss3_version, cvss3_score, cvss3_vector, cvss3_severity, cvss4_score, cvss4_vector, "
                + "cvss4_severity, cvss2_score, cvss2_vector, cvss2_severity, cwes, configurations_json, "
                + "CAST(cisa_exploit_add AS VARCHAR) FROM cve WHERE " + where + " ORDER BY id";
        Map<String, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                p.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[18];
                    for (int c = 0; c < 18; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.put(rs.getString(1), row);
                }
            }
            Map<String, List<Reference>> references = references(rows.keySet());
            List<CveRecord> out = new ArrayList<>();
            for (Object[] r : rows.values()) {
                String id = (String) r[0];
                out.add(new CveRecord(id, Sql.dateTime((String) r[1]), Sql.dateTime((String) r[2]), (String) r[3],
                        (String) r[4], score((String) r[5], r[6], r[7], r[8]), score("4.0", r[9], r[10], r[11]),
                        score("2.0", r[12], r[13], r[14]),
                        r[15] == null || ((String) r[15]).isEmpty() ? List.of() : Arrays.asList(((String) r[15]).split(",")),
                        references.getOrDefault(id, List.of()), CveJson.configurations((String) r[16]),
                        (String) r[16], Sql.date((String) r[17])));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read CVE records", e);
        }
    }

    private static CvssScore score(String version, Object score, Object vector, Object severity) {
        return score == null ? null
                : new CvssScore(version, ((Number) score).doubleValue(), (String) vector, (String) severity);
    }

    private Map<String, List<Reference>> references(Collection<String> ids) throws SQLException {
        Map<String, List<Reference>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += Sql.KEYS_PER_STATEMENT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Sql.KEYS_PER_STATEMENT));
            try (PreparedStatement p = connection.prepareStatement("SELECT cve_id, url, tags FROM cve_reference "
                    + "WHERE cve_id IN (" + Sql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String tags = rs.getString(3);
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Reference(rs.getString(2),
                                tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","))));
                    }
                }
            }
        }
        return out;
    }

    public synchronized Map<String, KevEntry> kev(Collection<String> cveIds) {
        Map<String, KevEntry> out = new HashMap<>();
        forChunks(cveIds, "SELECT cve_id, vendor_project, product, vulnerability_name, CAST(date_added AS VARCHAR), "
                + "CAST(due_date AS VARCHAR), known_ransomware_campaign_use, required_action FROM kev WHERE cve_id IN (%s)",
                rs -> out.put(rs.getString(1), new KevEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Sql.date(rs.getString(5)), Sql.date(rs.getString(6)), rs.getString(7),
                        rs.getString(8))));
        return out;
    }

    public synchronized Map<String, EpssScore> epss(Collection<String> cveIds) {
        Map<String, EpssScore> out = new HashMap<>();
        forChunks(cveIds, "SELECT cve_id, score, percentile, CAST(score_date AS VARCHAR), model_version FROM epss "
                + "WHERE cve_id IN (%s)", rs -> out.put(rs.getString(1), new EpssScore(rs.getString(1),
                rs.getDouble(2), rs.getDouble(3), Sql.date(rs.getString(4)), rs.getString(5))));
        return out;
    }

    /** The distinct vendor names the stored CSAF product trees use. */
    public synchronized List<String> csafVendors() {
        List<String> out = new ArrayList<>();
        forChunks(List.of(""), "SELECT DISTINCT vendor FROM csaf_product WHERE vendor IS NOT NULL AND '' IN (%s) ORDER BY 1",
                rs -> out.add(rs.getString(1)));
        return out;
    }

    /** The CSAF product tree leaves of these vendors (names exactly as stored). */
    public synchronized List<CsafProductRecord> csafProducts(Collection<String> vendors) {
        List<CsafProductRecord> out = new ArrayList<>();
        forChunks(vendors, "SELECT p.advisory_id, a.title, a.source_url, p.product_id, p.vendor, p.product_name, "
                + "p.product_version, p.version_range, p.full_name, p.cpe FROM csaf_product p "
                + "JOIN csaf_advisory a ON a.id = p.advisory_id WHERE p.vendor IN (%s) ORDER BY 1, 4",
                rs -> out.add(new CsafProductRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        new CsafProduct(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10)))));
        return out;
    }

    public synchronized List<CsafProductStatus> csafStatuses(String advisoryId) {
        List<CsafProductStatus> out = new ArrayList<>();
        forChunks(List.of(advisoryId), "SELECT cve_id, product_id, status FROM csaf_product_status "
                + "WHERE advisory_id IN (%s)", rs -> out.add(new CsafProductStatus(rs.getString(1), rs.getString(2),
                rs.getString(3))));
        return out;
    }

    public synchronized List<CsafRemediation> csafRemediations(String advisoryId) {
        List<CsafRemediation> out = new ArrayList<>();
        forChunks(List.of(advisoryId), "SELECT cve_id, category, details, url, product_ids FROM csaf_remediation "
                + "WHERE advisory_id IN (%s)", rs -> out.add(new CsafRemediation(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5) == null || rs.getString(5).isEmpty() ? List.of()
                        : Arrays.asList(rs.getString(5).split(",")))));
        return out;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void forChunks(Collection<String> keys, String sqlTemplate, RowReader reader) {
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += Sql.KEYS_PER_STATEMENT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Sql.KEYS_PER_STATEMENT));
            try (PreparedStatement p = connection.prepareStatement(
                    sqlTemplate.formatted(Sql.placeholders(chunk.size())))) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("store query failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store", e);
        }
    }
}
