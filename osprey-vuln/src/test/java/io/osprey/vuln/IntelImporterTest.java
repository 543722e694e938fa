package io.osprey.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.vuln.nvd.CveRecord;
import io.osprey.vuln.store.ImportCounts;
import io.osprey.vuln.store.IntelStatus;
import io.osprey.vuln.store.VulnStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntelImporterTest {
    private static final int NVD_FIXTURES = 18;

    @Test
    void importsEveryKindFromADirectoryAndReportsProgress() {
        try (VulnStore store = VulnStore.openInMemory()) {
            List<ImportProgress> progress = new ArrayList<>();
            ImportSummary summary = new IntelImporter(store).importPaths(List.of(Fixtures.path("")), progress::add);

            assertThat(summary.of(IntelKind.NVD)).isEqualTo(new ImportSummary.KindSummary(NVD_FIXTURES,
                    new ImportCounts(NVD_FIXTURES, 0, 0)));
            assertThat(summary.of(IntelKind.KEV).records().added()).isEqualTo(5);
            assertThat(summary.of(IntelKind.EPSS).records().added()).isEqualTo(30);
            assertThat(summary.of(IntelKind.CSAF).records().added()).isEqualTo(1);
            // SOURCES.md is not intelligence: reported, not imported.
            assertThat(summary.skipped()).singleElement()
                    .satisfies(s -> assertThat(s.file()).endsWith("SOURCES.md"));
            assertThat(progress.getLast().filesDone()).isEqualTo(progress.getLast().filesTotal());

            IntelStatus status = store.status();
            assertThat(status.rowsPerTable().get("cve")).isEqualTo(NVD_FIXTURES);
            assertThat(status.cvesAwaitingAnalysis()).isEqualTo(2);
            assertThat(status.newestKevAdded()).isNotNull();
            assertThat(status.newestEpssDate()).hasToString("2026-09-29");
            assertThat(status.newestCsafRelease()).isNotNull();
        }
    }

    @Test
    void importingTheSameDataTwiceChangesNothing() {
        try (VulnStore store = VulnStore.openInMemory()) {
            IntelImporter importer = new IntelImporter(store);
            importer.importPaths(List.of(Fixtures.path("")));
            Map<String, Long> before = store.status().rowsPerTable();

            ImportSummary again = importer.importPaths(List.of(Fixtures.path("")));

            assertThat(again.of(IntelKind.NVD).records()).isEqualTo(new ImportCounts(0, 0, NVD_FIXTURES));
            assertThat(again.of(IntelKind.KEV).records()).isEqualTo(new ImportCounts(0, 0, 5));
            assertThat(again.of(IntelKind.EPSS).records()).isEqualTo(new ImportCounts(0, 0, 30));
            assertThat(again.of(IntelKind.CSAF).records()).isEqualTo(new ImportCounts(0, 0, 1));
            assertThat(store.status().rowsPerTable()).isEqualTo(before);
        }
    }

    @Test
    void aNewerLastModifiedReplacesTheRecordAndAnOlderOneDoesNot(@TempDir Path dir) throws IOException {
        Path original = Fixtures.path("nvd/CVE-2016-11021-dcs-930l-firmware-range-and-hardware.json");
        String json = Files.readString(original);
        Path newer = Files.writeString(dir.resolve("newer.json"), json
                .replaceFirst("\"lastModified\": \"[^\"]+\"", "\"lastModified\": \"2030-01-01T00:00:00.000\"")
                .replace("versionEndExcluding\": \"2.12\"", "versionEndExcluding\": \"2.14\""));
        Path older = Files.writeString(dir.resolve("older.json"), json
                .replaceFirst("\"lastModified\": \"[^\"]+\"", "\"lastModified\": \"2001-01-01T00:00:00.000\""));
        try (VulnStore store = VulnStore.openInMemory()) {
            IntelImporter importer = new IntelImporter(store);
            importer.importPaths(List.of(original));
            long references = store.status().rowsPerTable().get("cve_reference");

            ImportSummary update = importer.importPaths(List.of(newer));
            assertThat(update.of(IntelKind.NVD).records()).isEqualTo(new ImportCounts(0, 1, 0));
            CveRecord stored = store.cve("CVE-2016-11021").orElseThrow();
            assertThat(stored.lastModified()).hasYear(2030);
            assertThat(stored.configurationsJson()).contains("2.14");
            assertThat(store.status().rowsPerTable().get("cve_reference")).isEqualTo(references);

            assertThat(importer.importPaths(List.of(older)).of(IntelKind.NVD).records())
                    .isEqualTo(new ImportCounts(0, 0, 1));
            assertThat(store.cve("CVE-2016-11021").orElseThrow().lastModified()).hasYear(2030);
        }
    }

    @Test
    void aMalformedFileIsSkippedWholeAndTheRestImported(@TempDir Path dir) throws IOException {
        String good = Files.readString(Fixtures.path("nvd/CVE-2013-5755-hardware-only-no-bounds.json"));
        // A page whose second record is cut off: the first record must not stay behind.
        Files.writeString(dir.resolve("a-truncated-page.json"), "{\"vulnerabilities\": [{\"cve\": " + good
                + "}, {\"cve\": {\"id\": \"CVE-2099-0001\", \"lastModified\": \"2020-01-01T00:00:00\"");
        Files.writeString(dir.resolve("b-bad-date.json"), "{\"cve\": {\"id\": \"CVE-2099-0002\", "
                + "\"lastModified\": \"yesterday\"}}");
        Files.writeString(dir.resolve("c-epss-bad-row.csv"), "cve,epss,percentile\nCVE-2099-0003,1.7,0.5\n");
        Files.copy(Fixtures.path("nvd/CVE-2012-4701-exact-application-versions.json"), dir.resolve("d-good.json"));
        try (VulnStore store = VulnStore.openInMemory()) {
            ImportSummary summary = new IntelImporter(store).importPaths(List.of(dir));

            assertThat(summary.skipped()).extracting(s -> Path.of(s.file()).getFileName().toString())
                    .containsExactly("a-truncated-page.json", "b-bad-date.json", "c-epss-bad-row.csv");
            assertThat(summary.skipped()).allSatisfy(s -> assertThat(s.reason()).doesNotContain("\n").isNotBlank());
            assertThat(summary.of(IntelKind.NVD).files()).isEqualTo(1);
            assertThat(store.cve("CVE-2012-4701")).isPresent();
            assertThat(store.cve("CVE-2013-5755")).isEmpty();
            assertThat(store.status().rowsPerTable().get("epss")).isZero();
        }
    }

    @Test
    void readsGzipAndAllThreeNvdLayoutsWhateverTheFileIsCalled(@TempDir Path dir) throws IOException {
        String a = Files.readString(Fixtures.path("nvd/CVE-2013-5755-hardware-only-no-bounds.json"));
        String b = Files.readString(Fixtures.path("nvd/CVE-2012-4701-exact-application-versions.json"));
        String c = Files.readString(Fixtures.path("nvd/CVE-2013-4975-exact-firmware-version.json"));
        Files.writeString(dir.resolve("single.dat"), "{\"cve\": " + a + "}");
        Path page = Files.writeString(dir.resolve("page.json"), "{\"resultsPerPage\": 2, \"startIndex\": 0, "
                + "\"totalResults\": 2, \"format\": \"NVD_CVE\", \"version\": \"2.0\", \"vulnerabilities\": [{\"cve\": "
                + b + "}, {\"cve\": " + c + "}]}");
        Fixtures.gzip(page, dir.resolve("page-copy.bin"));
        Files.delete(page);
        Files.writeString(dir.resolve("CVE-2013.json"), "{\"timestamp\": \"2025-01-01T00:00:00\", \"cve_items\": ["
                + a + ", " + b + "]}");
        Fixtures.gzip(Fixtures.path("epss/epss-subset.csv"), dir.resolve("epss.csv.gz"));
        try (VulnStore store = VulnStore.openInMemory()) {
            ImportSummary summary = new IntelImporter(store).importPaths(List.of(dir));

            assertThat(summary.skipped()).isEmpty();
            assertThat(summary.of(IntelKind.NVD).files()).isEqualTo(3);
            assertThat(summary.of(IntelKind.NVD).records()).isEqualTo(new ImportCounts(3, 0, 2));
            assertThat(summary.of(IntelKind.EPSS).records().added()).isEqualTo(30);
        }
    }

    @Test
    void detectsKindsFromContent() {
        assertThat(detect("{\"title\": \"CISA Catalog\", \"catalogVersion\": \"2025.08.25\"")).hasValue(IntelKind.KEV);
        assertThat(detect("{\"document\": {\"csaf_version\": \"2.0\"}, \"vulnerabilities\": []}"))
                .hasValue(IntelKind.CSAF);
        assertThat(detect("{\"vulnerabilities\": [{\"cve\": {\"id\": \"CVE-1\"")).hasValue(IntelKind.NVD);
        assertThat(detect("{\"id\": \"CVE-2020-1\", \"vulnStatus\": \"Analyzed\"")).hasValue(IntelKind.NVD);
        assertThat(detect("#model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000\ncve,epss,percentile"))
                .hasValue(IntelKind.EPSS);
        assertThat(detect("# Osprey\nNothing to see")).isEmpty();
        assertThat(detect("{\"name\": \"package.json\"}")).isEmpty();
    }

    private static java.util.Optional<IntelKind> detect(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return IntelKind.detect(bytes, bytes.length);
    }
}
