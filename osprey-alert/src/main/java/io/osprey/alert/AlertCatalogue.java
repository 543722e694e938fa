package io.osprey.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The knowledge the alert engine runs on, all data: the alert definitions (alerts.tsv), which operations raise
 * them (triggers.tsv), the ports of industrial protocols (industrial-ports.tsv), the Purdue level of each device
 * type (purdue-levels.tsv) and what each type never does as a client (type-profiles.tsv). A malformed line fails loading with its file and line number.
 */
public final class AlertCatalogue {
    private final Map<String, AlertDefinition> definitions;
    private final List<OperationTrigger> triggers;
    private final Set<Integer> industrialPorts;
    private final Map<String, PurdueLevel> purdueLevels;
    private final Map<String, Set<Integer>> forbiddenClientPorts;

    /** A level of the Purdue model and its name ("1", "Basic Control"). */
    public record PurdueLevel(int level, String name) {}

    private AlertCatalogue(Map<String, AlertDefinition> definitions, List<OperationTrigger> triggers,
                           Set<Integer> industrialPorts, Map<String, PurdueLevel> purdueLevels,
                           Map<String, Set<Integer>> forbiddenClientPorts) {
        this.forbiddenClientPorts = forbiddenClientPorts;
        this.definitions = definitions;
        this.triggers = triggers;
        this.industrialPorts = industrialPorts;
        this.purdueLevels = purdueLevels;
    }

    private static final class Holder {
        static final AlertCatalogue BUNDLED = load();
    }

    /** The catalogue shipped in the jar, loaded once. */
    public static AlertCatalogue bundled() { return Holder.BUNDLED; }

    private static AlertCatalogue load() {
        Map<String, AlertDefinition> definitions = new LinkedHashMap<>();
        read("alerts.tsv", 9, (f, line) -> {
            String engine = f[2], severity = f[3];
            if (!AlertDefinition.ENGINES.contains(engine)) throw new IllegalArgumentException("unknown engine " + engine);
            if (!AlertDefinition.SEVERITIES.contains(severity)) throw new IllegalArgumentException("unknown severity " + severity);
            List<String> techniques = f[5].equals("-") ? List.of() : Arrays.asList(f[5].split(","));
            for (String t : techniques) if (!t.matches("T\\d{4}(\\.\\d{3})?")) throw new IllegalArgumentException("not an ATT&CK technique id: " + t);
            int threshold = Integer.parseInt(f[6]);
            if (threshold < 1) throw new IllegalArgumentException("threshold must be at least 1");
            var d = new AlertDefinition(f[0], f[1], engine, severity, f[4], List.copyOf(techniques), threshold,
                    Duration.ofSeconds(Long.parseLong(f[7])), f[8]);
            if (definitions.putIfAbsent(d.id(), d) != null) throw new IllegalArgumentException("duplicate id " + d.id());
        });
        List<OperationTrigger> triggers = new ArrayList<>();
        read("triggers.tsv", 5, (f, line) -> {
            if (!definitions.containsKey(f[3])) throw new IllegalArgumentException("unknown alert " + f[3]);
            if (!f[4].equals("always") && !f[4].equals("unlearned")) throw new IllegalArgumentException("mode must be always or unlearned");
            triggers.add(new OperationTrigger(f[0], Pattern.compile(f[1]), Pattern.compile(f[2]), f[3], f[4].equals("unlearned")));
        });
        Set<Integer> ports = new HashSet<>();
        read("industrial-ports.tsv", 3, (f, line) -> {
            int port = Integer.parseInt(f[0]);
            if (port < 1 || port > 65535) throw new IllegalArgumentException("bad port " + port);
            ports.add(port);
        });
        Map<String, PurdueLevel> levels = new HashMap<>();
        read("purdue-levels.tsv", 3, (f, line) -> levels.put(f[0], new PurdueLevel(Integer.parseInt(f[1]), f[2])));
        Map<String, Set<Integer>> profiles = new HashMap<>();
        read("type-profiles.tsv", 3, (f, line) -> {
            Set<Integer> forbidden = new HashSet<>();
            for (String p : f[1].split(",")) forbidden.add(Integer.parseInt(p.trim()));
            profiles.put(f[0], Set.copyOf(forbidden));
        });
        return new AlertCatalogue(Map.copyOf(definitions), List.copyOf(triggers), Set.copyOf(ports), Map.copyOf(levels),
                Map.copyOf(profiles));
    }

    private interface Row { void accept(String[] fields, int line); }

    private static void read(String file, int columns, Row row) {
        try (InputStream in = AlertCatalogue.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("missing resource " + file);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int n = 0;
            while ((text = r.readLine()) != null) {
                n++;
                if (text.isBlank() || text.startsWith("#")) continue;
                String[] f = text.split("\t", -1);
                try {
                    if (f.length != columns) throw new IllegalArgumentException(columns + " columns expected, found " + f.length);
                    row.accept(f, n);
                } catch (IllegalArgumentException e) { // also a bad number or a PatternSyntaxException
                    throw new IllegalStateException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AlertDefinition definition(String id) {
        AlertDefinition d = definitions.get(id);
        if (d == null) throw new IllegalArgumentException("no alert " + id);
        return d;
    }

    public List<AlertDefinition> definitions() { return List.copyOf(definitions.values()); }

    public List<OperationTrigger> triggers() { return triggers; }

    private final Map<String, List<OperationTrigger>> triggersByOperation = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The triggers an operation matches. Candidates are looked up once per (protocol, operation name), which is a
     * small set, so only their detail patterns run per logged operation.
     */
    public List<OperationTrigger> triggersFor(LoggedOperation o) {
        List<OperationTrigger> candidates = triggersByOperation.computeIfAbsent(o.source() + '\0' + o.operation(),
                k -> triggers.stream().filter(t -> (t.source().equals("*") || t.source().equals(o.source()))
                        && t.operation().matcher(o.operation()).matches()).toList());
        if (candidates.isEmpty()) return candidates;
        List<OperationTrigger> out = new ArrayList<>(candidates.size());
        for (OperationTrigger t : candidates) if (t.detail().matcher(o.detail()).matches()) out.add(t);
        return out;
    }

    public boolean industrialPort(int port) { return industrialPorts.contains(port); }

    /** The TCP ports a device of this type never opens on other hosts (type-profiles.tsv); empty when unlisted. */
    public Set<Integer> forbiddenClientPorts(String deviceType) {
        return deviceType == null ? Set.of() : forbiddenClientPorts.getOrDefault(deviceType, Set.of());
    }

    /** The Purdue level of a device type, or null. */
    public PurdueLevel purdueLevel(String deviceType) { return deviceType == null ? null : purdueLevels.get(deviceType); }

}
