package io.osprey.vuln.store;

import io.osprey.vuln.kev.KevEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes KEV entries inside the caller's transaction. The catalog has no per-entry modification date, so an entry
 * is replaced when any of its fields differ (compared through a digest of the fields) and left alone otherwise.
 */
public final class KevWriter implements AutoCloseable {
    private final Connection connection;
    private final Map<String, String> known = new HashMap<>();
    private final Map<String, KevEntry> pending = new LinkedHashMap<>();
    private int added;
    private int updated;
    private int unchanged;

    public KevWriter(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT cve_id, content_hash FROM kev")) {
            while (rs.next()) {
                known.put(rs.getString(1), rs.getString(2));
            }
        }
    }

    public void accept(KevEntry e) {
        String digest = digest(e);
        String stored = known.get(e.cveId());
        if (digest.equals(stored)) {
            unchanged++;
            return;
        }
        if (stored == null) {
            added++;
        } else if (!pending.containsKey(e.cveId())) {
            updated++;
        }
        known.put(e.cveId(), digest);
        pending.put(e.cveId(), e);
    }

    static String digest(KevEntry e) {
        String joined = String.join("\u001f", Objects.toString(e.vendorProject()), Objects.toString(e.product()),
                Objects.toString(e.vulnerabilityName()), Objects.toString(e.dateAdded()),
                Objects.toString(e.dueDate()), Objects.toString(e.knownRansomwareCampaignUse()),
                Objects.toString(e.requiredAction()));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every JDK", ex);
        }
    }

    public ImportCounts counts() {
        return new ImportCounts(added, updated, unchanged);
    }

    @Override
    public void close() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Sql.deleteWhereIn(connection, "kev", "cve_id", pending.keySet());
        try (RowBatch rows = new RowBatch(connection, "kev", "cve_id", "vendor_project", "product",
                "vulnerability_name", "date_added", "due_date", "known_ransomware_campaign_use", "required_action",
                "content_hash")) {
            for (KevEntry e : pending.values()) {
                rows.add(e.cveId(), e.vendorProject(), e.product(), e.vulnerabilityName(), Sql.text(e.dateAdded()),
                        Sql.text(e.dueDate()), e.knownRansomwareCampaignUse(), e.requiredAction(), known.get(e.cveId()));
            }
        }
        pending.clear();
    }
}
