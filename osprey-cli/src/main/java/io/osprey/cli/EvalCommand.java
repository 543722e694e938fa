package io.osprey.cli;

import io.osprey.vuln.match.MatcherEvaluation;

import io.osprey.inventory.Device;
import io.osprey.inventory.oui.OuiRegistry;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.capture.NotACaptureException;
import io.osprey.packet.flow.FlowTableConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;

@Command(name = "eval",
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Evaluates discovery and classification against the labelled captures: scans every capture named in "
                    + "TRUTH.tsv once and, for each labelled device, says whether it was found and whether its "
                    + "deviceType, vendor, model and firmware are right, wrong or empty. Writes the accuracy report "
                    + "(Markdown, or JSON with --json) and prints which targets are met on standard error.",
            ""},
        footer = {
            "",
            "Examples:",
            "  osprey eval --output docs/ACCURACY.md          the committed report",
            "  osprey eval --only 'ics-iti/**'                just the ICS captures, report on standard output",
            "  osprey eval --json -o accuracy.json            for machines",
            "",
            "The exit code is 0 whenever the evaluation ran, whether or not the targets are met.",
            "",
            ExitCode.HELP})
final class EvalCommand implements Callable<Integer> {
    static final Path DEFAULT_PCAPS = Path.of("..", "shared", "data", "pcaps");

    @Option(names = "--truth", paramLabel = "TSV", description = "The labels (default: PCAPS/TRUTH.tsv).")
    Path truth;

    @Option(names = "--pcaps", paramLabel = "DIR",
            description = "The folder the labels' file paths are relative to (default: ../shared/data/pcaps).")
    Path pcaps;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--json", description = "Write the report as JSON instead of Markdown.")
    boolean json;

    @Option(names = "--only", paramLabel = "GLOB",
            description = "Only the captures whose path (relative to PCAPS) matches GLOB, e.g. 'ics-iti/**' or '**/s7*'.")
    String only;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error (the targets are still printed).")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        return CommandFailures.run(this::evaluate, err);
    }

    private int evaluate() throws IOException {
        Path folder = pcaps != null ? pcaps : DEFAULT_PCAPS;
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + ": no such folder (the labelled captures; give --pcaps DIR)");
        }
        Path tsv = truth != null ? truth : folder.resolve("TRUTH.tsv");
        if (!Files.isRegularFile(tsv)) {
            throw new IllegalArgumentException(tsv + ": no such file (the labels; give --truth PATH/TRUTH.tsv)");
        }
        List<TruthRow> rows = selected(GroundTruth.read(tsv));

        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) byFile.computeIfAbsent(rows.get(i).file(), k -> new ArrayList<>()).add(i);
        Scanner scanner = new Scanner(FlowTableConfig.DEFAULT, OuiRegistry.bundled()::vendor);
        VendorNames vendors = VendorNames.bundled();
        DeviceScore[] scores = new DeviceScore[rows.size()];
        List<AlertScore> alertScores = new ArrayList<>();
        Map<String, AlertScore.Expectation> expectations = AlertScore.bundledExpectations();
        List<String> notes = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<Integer>> e : byFile.entrySet()) {
            n++;
            ScanResult scanned = scan(scanner, folder, e.getKey(), e.getValue().size(), notes);
            List<Device> devices = scanned == null ? null : scanned.devices();
            if (scanned != null) alertScores.add(AlertScore.of(e.getKey(), scanned.alerts(), expectations));
            int found = 0;
            for (int i : e.getValue()) {
                scores[i] = DeviceScore.of(rows.get(i), devices == null ? RowMatch.NONE : RowMatch.find(rows.get(i), devices), vendors);
                if (scores[i].found()) found++;
            }
            if (!quiet) {
                err.println("osprey eval: [" + n + "/" + byFile.size() + "] " + e.getKey() + ": "
                        + (devices == null ? "not scanned" : devices.size() + " devices") + ", " + found + "/"
                        + e.getValue().size() + " labelled found");
            }
        }
        Path nvd = folder.toAbsolutePath().getParent().resolve("vuln").resolve("nvd");
        MatcherEvaluation.Result cves = null;
        if (Files.isDirectory(nvd)) cves = MatcherEvaluation.evaluate(nvd);
        else notes.add(nvd + " absent: CVE matching not evaluated");
        AccuracyReport report = new AccuracyReport(List.of(scores), alertScores, cves, rerun(), tsv.toString(), notes);
        write(report);
        for (Target t : report.targets()) {
            err.println("osprey eval: " + t.status() + "  " + t.name() + ": " + t.result() + " (" + t.goal() + ")");
        }
        return ExitCode.OK;
    }

    /** The rows whose capture matches --only (all without it). */
    private List<TruthRow> selected(List<TruthRow> rows) {
        if (only == null) return rows;
        PathMatcher m;
        try {
            m = FileSystems.getDefault().getPathMatcher("glob:" + only);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--only '" + only + "': not a glob (" + e.getDescription() + ")");
        }
        List<TruthRow> out = rows.stream().filter(r -> {
            try {
                return m.matches(Path.of(r.file()));
            } catch (InvalidPathException e) {
                return false;
            }
        }).toList();
        if (out.isEmpty()) throw new IllegalArgumentException("--only '" + only + "' matches no labelled capture");
        return out;
    }

    /** The capture's devices and alerts; null (with a note) when it is missing or unreadable, so its rows are not found. */
    private ScanResult scan(Scanner scanner, Path folder, String file, int labelled, List<String> notes) throws IOException {
        Path path = folder.resolve(file);
        String lost = "; its " + labelled + " labelled device(s) count as not found";
        if (!Files.isRegularFile(path)) {
            notes.add(file + ": capture missing" + lost);
            return null;
        }
        try (CaptureSource source = Captures.open(path)) {
            ScanResult r = ScanCommand.monitor(scanner.run(source, () -> false, null), null, new io.osprey.alert.Indicators());
            for (var capture : r.captures()) {
                for (var warning : capture.warnings()) if (!quiet) err.println("osprey eval: warning: " + warning);
            }
            return r;
        } catch (NotACaptureException e) {
            notes.add(file + ": not a capture (" + e.getMessage() + ")" + lost);
            return null;
        }
    }

    /** The command that reproduces this report, for its header. */
    private String rerun() {
        StringBuilder b = new StringBuilder("./osprey eval");
        if (pcaps != null) b.append(" --pcaps ").append(pcaps);
        if (truth != null) b.append(" --truth ").append(truth);
        if (only != null) b.append(" --only '").append(only).append('\'');
        if (json) b.append(" --json");
        if (output != null) b.append(" --output ").append(output);
        return b.toString();
    }

    private void write(AccuracyReport report) throws IOException {
        try (OutputStream out = output == null ? nonClosing(System.out) : Files.newOutputStream(output)) {
            if (json) {
                report.json(out);
            } else {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                report.markdown(w);
                w.flush();
            }
        }
    }

    private static OutputStream nonClosing(PrintStream s) {
        return new java.io.FilterOutputStream(s) {
            @Override
            public void write(byte[] b, int off, int len) {
                s.write(b, off, len);
            }

            @Override
            public void close() {
                s.flush();
            }
        };
    }
}
