package io.osprey.vuln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnStoreTest {

    @Test
    void migratesAnEmptyStoreToTheLatestVersion(@TempDir Path dir) {
        Path file = dir.resolve("intel.duckdb");
        try (VulnStore store = VulnStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(1);
            IntelStatus status = store.status();
            assertThat(status.rowsPerTable()).containsOnlyKeys(VulnStore.TABLES);
            assertThat(status.rowsPerTable().values()).allMatch(n -> n == 0L);
            assertThat(status.newestCveModified()).isNull();
        }
        // Opening again applies nothing twice.
        try (VulnStore store = VulnStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void refusesAStoreWrittenByANewerOsprey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newer.duckdb");
        VulnStore.open(file).close();
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, script) VALUES (999, 'from the future')");
        }
        assertThatThrownBy(() -> VulnStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("newer Osprey");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (VulnStore store = VulnStore.openInMemory()) {
            assertThatThrownBy(() -> store.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO kev (cve_id, content_hash) VALUES ('CVE-2020-0001', 'x')");
                }
                throw new IllegalStateException("half way");
            })).hasMessage("half way");
            assertThat(store.status().rowsPerTable().get("kev")).isZero();
        }
    }

    @Test
    void splitsMigrationScriptsOnStatementEnds() {
        assertThat(Migrations.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n y INT\n);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n y INT\n)");
    }
}
