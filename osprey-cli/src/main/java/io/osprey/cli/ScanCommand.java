package io.osprey.cli;

import io.osprey.alert.AlertCatalogue;
import io.osprey.alert.AlertEngine;
import io.osprey.alert.Baseline;
import io.osprey.alert.BaselineLearner;
import io.osprey.alert.Indicators;
import io.osprey.alert.PostureAssessor;
import io.osprey.alert.Recommendations;
import io.osprey.vuln.match.VulnerabilityFinding;
import io.osprey.vuln.store.PostureState;
import io.osprey.vuln.store.VulnStore;
import io.osprey.alert.OtProfiles;

import io.osprey.inventory.Device;
import io.osprey.inventory.VendorLookup;
import io.osprey.inventory.oui.OuiRegistry;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.flow.FlowTableConfig;
import io.osprey.packet.live.CaptureInterface;
import io.osprey.packet.live.LiveCapture;
import io.osprey.packet.live.LiveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;

@Command(name = "scan",
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Reads captures (pcap, pcapng, either gzip-compressed) or a live interface and lists the devices in the "
                    + "traffic: their MAC and IP addresses, name, vendor, model, type, OS and firmware where the "
                    + "traffic says so (each with the evidence behind it; a field Osprey is not sure of stays "
                    + "empty), the services they offer, and where they sit (local, or routed behind a gateway).",
            ""},
        footer = {
            "",
            "Examples:",
            "  osprey scan samples/hue-bridge-setup.pcap             table of devices",
            "  osprey scan --format json -o devices.json caps/       every capture in a folder, in time order",
            "  osprey scan --follow /var/spool/captures/             keep reading rotated files as they appear",
            "  sudo osprey scan -i eth0 --filter 'not port 22'       live; Ctrl-C prints what was found so far",
            "  osprey scan --explain 00:17:88:a1:b2:c3 capture.pcap  why Osprey believes what it says of a device",
            "  osprey scan --learn week1.pcap --baseline plant.json week2.pcap",
            "                                                        learn week 1 into plant.json, alert on week 2",
            "  osprey scan --baseline plant.json today.pcap          alert on deviations from a saved baseline",
            "",
            "Warnings about damaged records (a truncated last packet, a corrupt length) are printed on standard error "
                    + "with the file and byte offset; everything read before the damage is kept.",
            "",
            ExitCode.HELP})
final class ScanCommand implements Callable<Integer> {
    /** Below this much input the progress bar is not worth drawing. */
    private static final long PROGRESS_MIN_BYTES = 4L << 20;

    @Parameters(paramLabel = "CAPTURE|FOLDER", arity = "0..*",
            description = "Capture files (.pcap, .pcapng, also .gz) and folders of them.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table (default), json (the stable contract) or csv.")
    String format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--csv", description = "Same as --format csv.")
    boolean csv;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path output;

    @Option(names = "--explain", paramLabel = "DEVICE",
            description = "Explain one device (a MAC, an IP or a device id): every attribute and its evidence.")
    String explain;

    @Option(names = "--learn", paramLabel = "CAPTURE",
            description = "Learn the baseline from this capture (or folder) first, then monitor the CAPTUREs against "
                    + "it. Repeat for several. With --baseline, the learned baseline is added to that file.")
    List<Path> learn = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The learned baseline (JSON): read when it exists, and written after --learn. Without a "
                    + "baseline only alerts that need none are raised (PLC stop, program download, scans, ...). "
                    + "Manage it with 'osprey baseline'.")
    Path baselineFile;

    @Option(names = "--learning-period", paramLabel = "DURATION",
            description = "Learn the baseline from the first DURATION of traffic (capture time: 14d, 36h, 90m, P14D), "
                    + "then alert on deviations from it. Default for live capture and --follow without a baseline "
                    + "file: 14d. Alerts that need no baseline are raised from the start.")
    String learningPeriod;

    @Option(names = "--db", paramLabel = "PATH",
            description = "The Osprey store: match devices against the vulnerability intelligence imported into it "
                    + "('osprey intel import --db PATH'), and use the asset values set there. Without it, the small "
                    + "snapshot bundled for the demo is used.")
    Path db;

    @Option(names = "--no-vulns", description = "Do not match devices against vulnerability intelligence.")
    boolean noVulns;

    @Option(names = "--indicators", paramLabel = "FILE",
            description = "Threat-intelligence indicators (malicious IPs and domains) from a CSV file or a STIX 2.1 "
                    + "bundle; repeat for several.")
    List<Path> indicatorFiles = new ArrayList<>();

    @Option(names = "--follow", description = "Keep watching the folders for new (rotated) capture files until Ctrl-C.")
    boolean follow;

    @Option(names = {"-i", "--interface"}, paramLabel = "IF", description = "Capture live from this interface (needs root or CAP_NET_RAW).")
    String iface;

    @Option(names = "--filter", paramLabel = "BPF", description = "BPF filter for live capture, as in tcpdump (e.g. 'not port 22').")
    String filter;

    @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "262144", description = "Live capture: bytes kept per packet (default ${DEFAULT-VALUE}).")
    int snaplen;

    @Option(names = "--no-promiscuous", description = "Live capture: do not put the interface in promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Live capture: stop after this many seconds.")
    Long durationSeconds;

    @Option(names = "--list-interfaces", description = "List the interfaces live capture can use, and exit.")
    boolean listInterfaces;

    @Option(names = "--flow-idle-timeout", paramLabel = "SECONDS", defaultValue = "300", description = "A flow ends after this long without packets (default ${DEFAULT-VALUE}).")
    long idleSeconds;

    @Option(names = "--max-flows", paramLabel = "N", defaultValue = "1048576", description = "Flows held at once; past it the least recently seen is evicted (default ${DEFAULT-VALUE}).")
    int maxFlows;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary line on standard error.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        return CommandFailures.run(this::scan, err);
    }

    private int scan() throws IOException {
        if (listInterfaces) {
            for (CaptureInterface i : LiveCapture.interfaces()) System.out.println(i);
            return ExitCode.OK;
        }
        ReportFormat fmt = json ? ReportFormat.JSON : csv ? ReportFormat.CSV : parseFormat(format);
        if (iface == null && inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to scan: give capture files or folders, or --interface IF (see osprey scan --help)");
        }
        if (iface != null && !inputs.isEmpty()) {
            throw new IllegalArgumentException("give either captures or --interface, not both");
        }
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
        }
        FlowTableConfig flowConfig = new FlowTableConfig(Duration.ofSeconds(idleSeconds),
                Duration.ofSeconds(Math.max(idleSeconds, 3600)), maxFlows, Math.min(maxFlows, 1 << 12));
        Scanner scanner = new Scanner(flowConfig, vendors());
        Indicators indicators = new Indicators();
        for (Path f : indicatorFiles) {
            if (!Files.exists(f)) throw new NoSuchFileException(f.toString());
            indicators.load(f);
        }
        Baseline baseline = baselineFile != null && Files.exists(baselineFile) ? readBaseline(baselineFile) : null;
        if (!learn.isEmpty()) baseline = learn(scanner, baseline);

        if (db != null && !java.nio.file.Files.exists(db)) Stores.open(db, false); // the one-line error, before scanning
        try (StoreLoader stores = db != null || !noVulns ? new StoreLoader(db) : null;
             CaptureSource source = iface != null
                ? LiveCapture.open(iface, LiveOptions.defaults().withSnaplen(snaplen).withPromiscuous(!noPromiscuous).withFilter(filter))
                : Captures.open(inputs, follow)) {
            boolean live = iface != null || follow;
            ProgressBar bar = !quiet && ProgressBar.stderrIsTerminal() && (live || source.size() >= PROGRESS_MIN_BYTES)
                    ? new ProgressBar(err, live ? -1 : source.size()) : null;
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch written = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    source.close();
                    written.await(30, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException ignored) {
                    // exiting anyway
                }
            }, "osprey-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + durationSeconds * 1_000_000_000L;
            ScanResult result;
            try {
                Duration period = learningPeriod != null ? LearningPeriod.parse(learningPeriod)
                        : live && baseline == null ? LearningPeriod.LIVE_DEFAULT : null;
                result = scanner.run(source, () -> stop.get() || System.nanoTime() > deadline, bar);
                if (period != null) {
                    LearningPeriod.Outcome o = LearningPeriod.apply(result, baseline, period, indicators);
                    result = o.result();
                    if (baselineFile != null) o.baseline().write(baselineFile);
                    if (!quiet) err.println("osprey: " + o.describe());
                } else {
                    result = monitor(result, baseline, indicators);
                }
                result = assess(result, stores);
                for (var capture : result.captures()) {
                    for (var warning : capture.warnings()) err.println("osprey: warning: " + warning);
                }
                int code = report(result, fmt);
                if (!quiet) err.println(summary(result));
                return stop.get() && code == ExitCode.OK ? ExitCode.INTERRUPTED : code;
            } finally {
                written.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for us
                }
            }
        }
    }

    /** Scans the --learn captures into a baseline (added to the one given), and saves it to --baseline. */
    private Baseline learn(Scanner scanner, Baseline base) throws IOException {
        for (Path p : learn) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
        }
        ScanResult learned;
        try (CaptureSource source = Captures.open(learn, false)) {
            ProgressBar bar = !quiet && ProgressBar.stderrIsTerminal() && source.size() >= PROGRESS_MIN_BYTES
                    ? new ProgressBar(err, source.size()) : null;
            learned = scanner.run(source, () -> false, bar);
        }
        Baseline baseline = BaselineLearner.learn(base == null ? new Baseline() : base, learned.devices(), learned.operations());
        for (Path p : learn) baseline.capture(p.toString());
        if (baselineFile != null) baseline.write(baselineFile);
        if (!quiet) {
            err.printf(Locale.ROOT, "osprey: learned %d devices and %d facts from %,d packets%s%n", baseline.devices(),
                    baseline.size(), learned.packets(), baselineFile == null ? "" : " into " + baselineFile);
        }
        return baseline;
    }

    static Baseline readBaseline(Path file) throws IOException {
        try {
            return Baseline.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a usable baseline: " + e.getMessage());
        }
    }

    /** Adds the alerts (against the baseline, if any) and the OT profiles to a scan. */
    static ScanResult monitor(ScanResult r, Baseline baseline, Indicators indicators) {
        long start = System.nanoTime();
        AlertCatalogue catalogue = AlertCatalogue.bundled();
        var alerts = new AlertEngine(catalogue).evaluate(r.devices(), r.operations(), baseline, indicators);
        r.stats().put("alertSeconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        r.stats().put("alerts", alerts.size());
        r.stats().put("baseline", baseline == null ? "none" : baseline.devices() + " devices, " + baseline.size() + " facts");
        return r.monitored(alerts, new OtProfiles(catalogue).build(r.devices(), r.operations()));
    }

    /**
     * Adds the vulnerabilities (from --db, or the bundled snapshot) and the posture to a monitored scan. With --db the
     * store also gives the asset values and accepted recommendations, and keeps the lifecycle: alerts New or Active,
     * recommendations whose evidence stopped resolved.
     */
    private ScanResult assess(ScanResult r, StoreLoader stores) throws IOException {
        long start = System.nanoTime();
        try {
            return assessWithStore(r, stores);
        } finally {
            r.stats().put("assessSeconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        }
    }

    private ScanResult assessWithStore(ScanResult r, StoreLoader stores) throws IOException {
        Map<String, List<VulnerabilityFinding>> vulns = Map.of();
        if (db == null) {
            if (stores != null) vulns = Vulnerabilities.match(r.devices(), stores.get());
            return finish(r, vulns, new PostureAssessor(Recommendations.bundled()).assess(r.devices(), r.alerts(),
                    Vulnerabilities.weaknesses(vulns), Map.of(), r.operations(), r.ot()));
        }
        VulnStore store = stores.get();
        if (!noVulns) vulns = Vulnerabilities.match(r.devices(), store);
        return Lifecycle.apply(r, vulns, new PostureState(store));
    }

    static ScanResult finish(ScanResult r, Map<String, List<VulnerabilityFinding>> vulns, PostureAssessor.Assessment posture) {
        r.stats().put("vulnerableDevices", vulns.size());
        r.stats().put("organisationExposure", posture.organisationExposure());
        return r.assessed(vulns, posture);
    }

    private static ReportFormat parseFormat(String f) {
        try {
            return ReportFormat.valueOf(f.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + f + "': use table, json or csv");
        }
    }

    private static VendorLookup vendors() {
        OuiRegistry registry = OuiRegistry.bundled();
        return registry::vendor;
    }

    private int report(ScanResult result, ReportFormat fmt) throws IOException {
        if (explain != null) {
            Optional<Device> d = result.devices().stream().filter(x -> x.matches(explain)).findFirst();
            if (d.isEmpty()) {
                err.println("osprey: no device matches '" + explain + "' (give a MAC, an IP or a device id from the scan)");
                return ExitCode.USAGE;
            }
            try (PrintWriter w = writer()) {
                TableReport.explain(d.get(), w);
            }
            return ExitCode.OK;
        }
        if (fmt == ReportFormat.JSON) {
            try (OutputStream out = output == null ? nonClosing(System.out) : Files.newOutputStream(output)) {
                JsonReport.write(result, out);
            }
        } else {
            try (PrintWriter w = writer()) {
                if (fmt == ReportFormat.CSV) CsvReport.write(result, w);
                else TableReport.write(result, w);
            }
        }
        return ExitCode.OK;
    }

    private PrintWriter writer() throws IOException {
        OutputStream out = output == null ? nonClosing(System.out) : Files.newOutputStream(output);
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
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

    static String summary(ScanResult r) {
        var s = r.stats();
        return String.format(Locale.ROOT, "osprey: %,d packets, %s, %d devices, %d alerts, %,d flows in %.2f s (%s packets/s)%s",
                r.packets(), Format.bytes(r.bytes()), r.devices().size(), r.alerts().size(), ((Number) s.get("flows")).longValue(),
                ((Number) s.get("seconds")).doubleValue(), Format.count(((Number) s.get("packetsPerSecond")).longValue()),
                r.interrupted() ? ", interrupted" : "");
    }
}
