package io.osprey.vuln.store;

import io.osprey.vuln.csaf.CsafAdvisory;
import io.osprey.vuln.csaf.CsafProduct;
import io.osprey.vuln.csaf.CsafProductStatus;
import io.osprey.vuln.csaf.CsafRemediation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Writes one CSAF advisory inside the caller's transaction. An advisory is replaced when its
 * {@code current_release_date} or tracking version differs from the stored one (CSAF 2.0 §3.2.1.12.6: every
 * revision changes both), and left alone otherwise.
 */
public final class CsafWriter {
    private CsafWriter() {
    }

    public static ImportCounts write(Connection connection, CsafAdvisory a) throws SQLException {
        String storedRelease = null;
        String storedVersion = null;
        boolean exists = false;
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT CAST(current_release AS VARCHAR), tracking_version FROM csaf_advisory WHERE id = ?")) {
            p.setString(1, a.id());
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    exists = true;
                    storedRelease = rs.getString(1);
                    storedVersion = rs.getString(2);
                }
            }
        }
        if (exists) {
            boolean sameRelease = Objects.equals(Sql.dateTime(storedRelease), a.currentRelease());
            if (sameRelease && Objects.equals(storedVersion, a.trackingVersion())) {
                return new ImportCounts(0, 0, 1);
            }
            for (String table : List.of("csaf_advisory", "csaf_product", "csaf_product_status", "csaf_remediation")) {
                Sql.deleteWhereIn(connection, table, table.equals("csaf_advisory") ? "id" : "advisory_id",
                        List.of(a.id()));
            }
        }
        try (RowBatch advisory = new RowBatch(connection, "csaf_advisory", "id", "title", "publisher",
                "initial_release", "current_release", "tracking_version", "source_url");
             RowBatch products = new RowBatch(connection, "csaf_product", "advisory_id", "product_id", "vendor",
                     "product_name", "product_version", "version_range", "full_name", "cpe");
             RowBatch statuses = new RowBatch(connection, "csaf_product_status", "advisory_id", "cve_id",
                     "product_id", "status");
             RowBatch remediations = new RowBatch(connection, "csaf_remediation", "advisory_id", "cve_id",
                     "category", "details", "url", "product_ids")) {
            advisory.add(a.id(), a.title(), a.publisher(), Sql.text(a.initialRelease()), Sql.text(a.currentRelease()),
                    a.trackingVersion(), a.sourceUrl());
            for (CsafProduct p : a.products()) {
                products.add(a.id(), p.productId(), p.vendor(), p.productName(), p.productVersion(), p.versionRange(),
                        p.fullName(), p.cpe());
            }
            for (CsafProductStatus s : a.statuses()) {
                statuses.add(a.id(), s.cveId(), s.productId(), s.status());
            }
            for (CsafRemediation r : a.remediations()) {
                remediations.add(a.id(), r.cveId(), r.category(), r.details(), r.url(),
                        String.join(",", r.productIds()));
            }
        }
        return exists ? new ImportCounts(0, 1, 0) : new ImportCounts(1, 0, 0);
    }
}
