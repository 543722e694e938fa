package io.osprey.vuln;

import io.osprey.vuln.csaf.CsafReader;
import io.osprey.vuln.epss.EpssReader;
import io.osprey.vuln.kev.KevReader;
import io.osprey.vuln.nvd.MalformedIntelException;
import io.osprey.vuln.nvd.NvdFeedReader;
import io.osprey.vuln.store.CsafWriter;
import io.osprey.vuln.store.CveWriter;
import io.osprey.vuln.store.EpssWriter;
import io.osprey.vuln.store.ImportCounts;
import io.osprey.vuln.store.KevWriter;
import io.osprey.vuln.store.StoreException;
import io.osprey.vuln.store.VulnStore;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Imports intelligence files into a {@link VulnStore}: NVD CVE API 2.0 JSON (record, page or year feed), the CISA
 * KEV JSON, EPSS CSV and CSAF 2.0 advisories, each plain or gzip-compressed. Each file's kind is detected from
 * its content. Each file is imported in one transaction: a malformed file is rolled back whole, reported with a
 * one-line reason and skipped, and the other files are imported. Importing the same data twice changes nothing.
 */
public final class IntelImporter {
    private static final String SNAPSHOT = "/io/osprey/vuln/snapshot/";
    private static final int PROGRESS_EVERY = 2000;

    private final VulnStore store;

    public IntelImporter(VulnStore store) {
        this.store = store;
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private record Source(String name, Opener opener) {
    }

    public ImportSummary importPaths(List<Path> paths) {
        return importPaths(paths, ImportProgress.Listener.NONE);
    }

    /** Imports files, and every regular file under directories (in name order; hidden files are left out). */
    public ImportSummary importPaths(List<Path> paths, ImportProgress.Listener listener) {
        List<Source> sources = new ArrayList<>();
        List<ImportSummary.SkippedFile> skipped = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(p -> sources.add(new Source(p.toString(), () -> Files.newInputStream(p))));
                } catch (IOException | UncheckedIOException e) {
                    skipped.add(new ImportSummary.SkippedFile(path.toString(), "cannot list the directory: "
                            + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                sources.add(new Source(path.toString(), () -> Files.newInputStream(path)));
            } else {
                skipped.add(new ImportSummary.SkippedFile(path.toString(), "no such file or directory"));
            }
        }
        return importSources(sources, skipped, listener);
    }

    /**
     * Imports the demo snapshot bundled in this jar (NVD records, KEV entries, EPSS scores and CSAF advisories
     * for the devices of Osprey's sample captures; see the module README for how it is built).
     */
    public ImportSummary importBundledSnapshot() {
        List<Source> sources = new ArrayList<>();
        try (InputStream index = IntelImporter.class.getResourceAsStream(SNAPSHOT + "contents.txt")) {
            if (index == null) {
                throw new StoreException("the bundled snapshot is missing from this build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                sources.add(new Source("snapshot:" + name, () -> {
                    InputStream in = IntelImporter.class.getResourceAsStream(SNAPSHOT + name);
                    if (in == null) {
                        throw new IOException("missing snapshot resource " + name);
                    }
                    return in;
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return importSources(sources, new ArrayList<>(), ImportProgress.Listener.NONE);
    }

    private ImportSummary importSources(List<Source> sources, List<ImportSummary.SkippedFile> skipped,
                                        ImportProgress.Listener listener) {
        Map<IntelKind, int[]> files = new EnumMap<>(IntelKind.class);
        Map<IntelKind, ImportCounts> counts = new EnumMap<>(IntelKind.class);
        long[] records = {0};
        int done = 0;
        for (Source source : sources) {
            listener.progress(new ImportProgress(done, sources.size(), records[0], source.name()));
            try (InputStream in = decompressed(source.opener().open())) {
                Optional<IntelKind> kind = sniff(in);
                if (kind.isEmpty()) {
                    skipped.add(new ImportSummary.SkippedFile(source.name(),
                            "not an NVD, KEV, EPSS or CSAF file (content not recognised)"));
                } else {
                    int fileNumber = done;
                    ImportCounts c = store.transaction(connection -> importFile(kind.get(), in, connection, () -> {
                        records[0]++;
                        if (records[0] % PROGRESS_EVERY == 0) {
                            listener.progress(new ImportProgress(fileNumber, sources.size(), records[0],
                                    source.name()));
                        }
                    }));
                    files.computeIfAbsent(kind.get(), k -> new int[1])[0]++;
                    counts.merge(kind.get(), c, ImportCounts::plus);
                }
            } catch (MalformedIntelException | StoreException e) {
                skipped.add(new ImportSummary.SkippedFile(source.name(), oneLine(e.getMessage())));
            } catch (IOException | UncheckedIOException e) {
                skipped.add(new ImportSummary.SkippedFile(source.name(), "unreadable: " + oneLine(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
            done++;
        }
        listener.progress(new ImportProgress(done, sources.size(), records[0], null));
        Map<IntelKind, ImportSummary.KindSummary> perKind = new EnumMap<>(IntelKind.class);
        for (IntelKind kind : files.keySet()) {
            perKind.put(kind, new ImportSummary.KindSummary(files.get(kind)[0], counts.get(kind)));
        }
        return new ImportSummary(perKind, skipped);
    }

    private static ImportCounts importFile(IntelKind kind, InputStream in, java.sql.Connection connection,
                                           Runnable perRecord) throws SQLException, IOException {
        switch (kind) {
            case NVD -> {
                try (CveWriter writer = new CveWriter(connection)) {
                    NvdFeedReader.read(in, r -> {
                        sql(() -> writer.accept(r));
                        perRecord.run();
                    });
                    writer.close();
                    return writer.counts();
                }
            }
            case KEV -> {
                try (KevWriter writer = new KevWriter(connection)) {
                    KevReader.read(in, e -> {
                        writer.accept(e);
                        perRecord.run();
                    });
                    writer.close();
                    return writer.counts();
                }
            }
            case EPSS -> {
                try (EpssWriter writer = new EpssWriter(connection)) {
                    EpssReader.read(in, e -> {
                        sql(() -> writer.accept(e));
                        perRecord.run();
                    });
                    writer.close();
                    return writer.counts();
                }
            }
            case CSAF -> {
                ImportCounts c = CsafWriter.write(connection, CsafReader.read(in));
                perRecord.run();
                return c;
            }
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Lets a SQL failure cross the readers' Consumer callbacks; {@link VulnStore#transaction} rolls back. */
    private static void sql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new StoreException("store write failed: " + e.getMessage(), e);
        }
    }

    /** gzip is recognised by its magic bytes (RFC 1952 §2.3.1: 0x1f 0x8b), whatever the file is called. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static Optional<IntelKind> sniff(InputStream in) throws IOException {
        in.mark(IntelKind.SNIFF_BYTES);
        byte[] head = new byte[IntelKind.SNIFF_BYTES];
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        return IntelKind.detect(head, n);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
