package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.alert.Baseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `osprey baseline`: look at, export, import, learn into and mute in a learned baseline (the file `osprey scan
 * --learn ... --baseline FILE` writes). Every change is written atomically.
 */
@Command(name = "baseline",
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Manages a learned baseline: what the network looked like while Osprey learned it. After learning, "
                    + "deviations from it raise alerts (new asset, unpermitted function code, new activity, address "
                    + "range, mode and firmware changes, programming by an unknown station).",
            "",
            "  osprey baseline show FILE                          what it holds",
            "  osprey baseline learn FILE --alerts SCAN.json ID...  add what these alerts saw to the baseline",
            "  osprey baseline mute FILE ID...                    never raise these alerts again",
            "  osprey baseline export FILE -o COPY.json           a checked copy (to move to another sensor)",
            "  osprey baseline import FILE OTHER.json...          merge other baselines into FILE",
            ""},
        footer = {
            "",
            "Alert ids (OA-...) and each alert's baselineKey are in the alerts array of 'osprey scan --format json'.",
            "",
            ExitCode.HELP})
final class BaselineCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "show, learn, mute, export or import.")
    String action;

    @Parameters(index = "1", paramLabel = "FILE", description = "The baseline file.")
    Path file;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "Alert ids (learn, mute) or baseline files (import).")
    List<String> args = new ArrayList<>();

    @Option(names = "--alerts", paramLabel = "SCAN.json",
            description = "learn: the output of 'osprey scan --format json' that holds the alerts.")
    Path alerts;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "export: where to write the copy (default: standard output).")
    Path output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out = System.out, err = System.err;

    @Override
    public Integer call() {
        return CommandFailures.run(this::baseline, err);
    }

    private int baseline() throws IOException {
        switch (action) {
            case "show" -> show(existing());
            case "export" -> {
                Baseline b = existing();
                if (output == null) out.print(b.toJson());
                else b.write(output);
            }
            case "import" -> {
                if (args.isEmpty()) throw new IllegalArgumentException("import: give the baseline files to merge into " + file);
                Baseline b = Files.exists(file) ? existing() : new Baseline();
                for (String other : args) b.merge(ScanCommand.readBaseline(existingPath(Path.of(other))));
                b.write(file);
                err.println("osprey: merged " + args.size() + " baseline(s) into " + file);
            }
            case "mute" -> {
                Baseline b = existing();
                for (String id : ids()) b.mute(id);
                b.write(file);
                err.println("osprey: muted " + args.size() + " alert(s) in " + file);
            }
            case "learn" -> learn(existing());
            default -> throw new IllegalArgumentException("unknown action '" + action + "': use show, learn, mute, export or import");
        }
        return ExitCode.OK;
    }

    private Baseline existing() throws IOException {
        return ScanCommand.readBaseline(existingPath(file));
    }

    private static Path existingPath(Path p) throws NoSuchFileException {
        if (!Files.isRegularFile(p)) throw new NoSuchFileException(p.toString());
        return p;
    }

    private List<String> ids() {
        if (args.isEmpty()) throw new IllegalArgumentException(action + ": give the alert ids (OA-...)");
        for (String id : args) {
            if (!id.matches("OA-[0-9a-f]{12}")) throw new IllegalArgumentException("'" + id + "' is not an alert id (OA- and 12 hex digits)");
        }
        return args;
    }

    /** Finds each alert in the scan output and adds its baselineKey; an alert that cannot be learned is named. */
    private void learn(Baseline b) throws IOException {
        if (alerts == null) throw new IllegalArgumentException("learn: give --alerts SCAN.json, the scan output that holds the alerts");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(existingPath(alerts)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(alerts + " is not JSON: " + e.getOriginalMessage());
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (root != null && root.path("alerts").isArray()) for (JsonNode a : root.get("alerts")) byId.put(a.path("alertId").asText(), a);
        int learned = 0;
        for (String id : ids()) {
            JsonNode a = byId.get(id);
            if (a == null) throw new IllegalArgumentException(id + ": no such alert in " + alerts);
            JsonNode key = a.get("baselineKey");
            if (key == null || key.isNull()) {
                err.println("osprey: " + id + " (" + a.path("title").asText() + ") is raised whatever the baseline says and "
                        + "cannot be learned; mute it instead");
                continue;
            }
            b.learn(key.asText());
            learned++;
        }
        b.write(file);
        err.println("osprey: learned " + learned + " alert(s) into " + file);
    }

    private void show(Baseline b) {
        out.println(b.summary());
    }
}
