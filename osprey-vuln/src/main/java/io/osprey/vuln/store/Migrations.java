package io.osprey.vuln.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: {@code migrations/V001.sql}, {@code V002.sql}, ... next to this class, applied in
 * order, each inside one transaction together with its {@code schema_version} row, so a failed migration leaves
 * the store at the previous version. A store written by a newer Osprey (a version this code does not know) is
 * refused rather than guessed at.
 */
public final class Migrations {
    private static final String RESOURCE = "migrations/V%03d.sql";

    private Migrations() {
    }

    /** The newest schema version this code knows. */
    public static int latestVersion() {
        int version = 0;
        while (Migrations.class.getResource(RESOURCE.formatted(version + 1)) != null) {
            version++;
        }
        return version;
    }

    /** Brings the store to {@link #latestVersion()}; returns the version found before migrating. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp, script VARCHAR NOT NULL)");
        }
        int current = currentVersion(connection);
        int latest = latestVersion();
        if (current > latest) {
            throw new StoreException("the store is at schema version " + current + " but this Osprey knows only up to "
                    + latest + ": it was written by a newer Osprey; upgrade Osprey or use another --db file");
        }
        for (int version = current + 1; version <= latest; version++) {
            apply(connection, version);
        }
        return current;
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection connection, int version) throws SQLException {
        String script = RESOURCE.formatted(version);
        List<String> statements = statements(read(script));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                p.setInt(1, version);
                p.setString(2, script);
                p.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new StoreException("migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new StoreException("missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + script, e);
        }
    }

    /** Statements end with ';' at the end of a line; '--' lines are comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
