package io.osprey.cli;

import io.osprey.vuln.ImportSummary;
import io.osprey.vuln.IntelImporter;
import io.osprey.vuln.IntelKind;
import io.osprey.vuln.store.IntelStatus;
import io.osprey.vuln.store.VulnStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `osprey intel`: imports vulnerability intelligence into the store and says what the store holds. */
@Command(name = "intel",
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Imports vulnerability intelligence, offline, from files you downloaded: NVD CVE API 2.0 JSON (single "
                    + "records, API response pages, yearly feeds), the CISA KEV catalogue (JSON), EPSS scores (CSV) "
                    + "and CSAF 2.0 advisories (CISA ICS, vendor PSIRTs). .gz files are read as they are. Each file's "
                    + "kind is told from its content. Importing the same data again changes nothing; a malformed "
                    + "file is reported and skipped, the rest is imported.",
            "",
            "  osprey intel import --db osprey.duckdb nvdcve-2.0-2025.json.gz known_exploited_vulnerabilities.json",
            "  osprey intel import --db osprey.duckdb --snapshot   the small demo snapshot bundled with Osprey",
            "  osprey intel status --db osprey.duckdb",
            "  osprey scan --db osprey.duckdb capture.pcap         devices matched against what was imported",
            ""},
        footer = {"", "How to fetch the real feeds: osprey-vuln/README.md.", "", ExitCode.HELP})
final class IntelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "import or status.")
    String action;

    @Parameters(index = "1..*", paramLabel = "FILE|FOLDER", description = "import: the files (or folders of them).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH", required = true,
            description = "The Osprey store (a DuckDB file; created by the first import). 'osprey scan --db' reads it.")
    Path db;

    @Option(names = "--snapshot", description = "import: also load the small snapshot bundled for the demo.")
    boolean snapshot;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out = System.out, err = System.err;

    @Override
    public Integer call() {
        return CommandFailures.run(this::intel, err);
    }

    private int intel() throws IOException {
        switch (action) {
            case "import" -> {
                if (paths.isEmpty() && !snapshot) throw new IllegalArgumentException("import: give files or folders to import, or --snapshot");
                for (Path p : paths) if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
                try (VulnStore store = Stores.open(db, true)) {
                    IntelImporter importer = new IntelImporter(store);
                    if (snapshot) print(importer.importBundledSnapshot(), "bundled snapshot");
                    if (!paths.isEmpty()) {
                        ProgressBar bar = !quiet && ProgressBar.stderrIsTerminal() ? new ProgressBar(err, 1) : null;
                        ImportSummary s = importer.importPaths(paths, p -> {
                            if (bar != null) bar.updateFiles(p.filesDone(), p.records(), p.currentFile());
                        });
                        if (bar != null) bar.clear();
                        print(s, paths.size() + " path(s)");
                        for (ImportSummary.SkippedFile f : s.skipped()) err.println("osprey: skipped " + f.file() + ": " + f.reason());
                        return s.skipped().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
                    }
                }
            }
            case "status" -> {
                if (!Files.exists(db)) throw new NoSuchFileException(db.toString());
                try (VulnStore store = Stores.open(db, false)) {
                    status(store.status());
                }
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "': use import or status");
        }
        return ExitCode.OK;
    }

    private void print(ImportSummary s, String what) {
        out.println("imported " + what + " into " + db + ":");
        for (IntelKind k : IntelKind.values()) {
            ImportSummary.KindSummary ks = s.of(k);
            if (ks == null || ks.files() == 0) continue;
            out.printf(Locale.ROOT, "  %-5s %4d file(s): %,d added, %,d updated, %,d unchanged%n", k, ks.files(),
                    ks.records().added(), ks.records().updated(), ks.records().unchanged());
        }
        if (!s.skipped().isEmpty()) out.println("  skipped: " + s.skipped().size() + " file(s)");
    }

    private void status(IntelStatus s) {
        out.println("store:                " + db + " (schema version " + s.schemaVersion() + ")");
        s.rowsPerTable().forEach((table, rows) -> out.printf(Locale.ROOT, "  %-20s %,d rows%n", table, rows));
        out.println("CVEs awaiting NVD analysis (coverage gaps): " + s.cvesAwaitingAnalysis());
        out.println("newest CVE modified:  " + dash(s.newestCveModified()));
        out.println("newest CVE published: " + dash(s.newestCvePublished()));
        out.println("newest KEV entry:     " + dash(s.newestKevAdded()));
        out.println("newest EPSS scores:   " + dash(s.newestEpssDate()));
        out.println("newest CSAF release:  " + dash(s.newestCsafRelease()));
    }

    private static String dash(Object o) { return o == null ? "-" : o.toString(); }
}
