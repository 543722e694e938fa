package io.osprey.vuln.match;

import io.osprey.vuln.IntelImporter;
import io.osprey.vuln.cpe.Cpe;
import io.osprey.vuln.cpe.FirmwareVersion;
import io.osprey.vuln.nvd.ConfigNode;
import io.osprey.vuln.nvd.Configuration;
import io.osprey.vuln.nvd.CpeMatchCriterion;
import io.osprey.vuln.nvd.CveRecord;
import io.osprey.vuln.nvd.Operator;
import io.osprey.vuln.store.VulnStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Accuracy of CPE generation plus matching for the devices of ../shared/data/pcaps against NVD records, with each
 * record's own configurations as the truth: an independent oracle evaluates them on the device's true NVD names
 * (evaluation-profiles.tsv, hand-assigned from each vendor's product naming) by exact product equality and version
 * bounds, while the matcher only sees the profile's vendor, model, firmware and OS strings. `osprey eval` writes
 * the result into docs/ACCURACY.md; MatcherEvaluationTest keeps it above its floor.
 */
public final class MatcherEvaluation {
    /** One evaluated device: what the matcher sees, and the truth. */
    public record Profile(String label, DeviceProfile device, String truthVersion, Set<String> truthProducts) {}

    /** The outcome, as (device label, CVE) pairs. */
    public record Result(int devices, int records, Set<String> expected, Map<String, Confidence> predicted, int gaps) {
        public Set<String> truePositives() { return filter(predicted.keySet(), expected, true); }

        public Set<String> falsePositives() { return filter(predicted.keySet(), expected, false); }

        public Set<String> falseNegatives() { return filter(expected, predicted.keySet(), false); }

        public double precision() { return predicted.isEmpty() ? 1.0 : truePositives().size() / (double) predicted.size(); }

        public double recall() { return expected.isEmpty() ? 1.0 : truePositives().size() / (double) expected.size(); }

        /** Right and wrong matches per confidence. */
        public Map<Confidence, int[]> byConfidence() {
            Map<Confidence, int[]> out = new EnumMap<>(Confidence.class);
            predicted.forEach((k, c) -> out.computeIfAbsent(c, x -> new int[2])[expected.contains(k) ? 0 : 1]++);
            return out;
        }

        private static Set<String> filter(Set<String> from, Set<String> other, boolean keep) {
            Set<String> s = new TreeSet<>();
            for (String k : from) if (other.contains(k) == keep) s.add(k);
            return s;
        }
    }

    private MatcherEvaluation() {}

    /** Imports the NVD records of {@code nvdFolder} into a fresh in-memory store and evaluates every profile. */
    public static Result evaluate(Path nvdFolder) throws IOException {
        List<Profile> profiles = profiles();
        try (VulnStore store = VulnStore.openInMemory()) {
            new IntelImporter(store).importPaths(List.of(nvdFolder));
            Set<String> ids = new TreeSet<>();
            try (var files = Files.list(nvdFolder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("CVE-") && n.endsWith(".json"))
                        .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
            }
            List<CveRecord> records = store.cves(ids);
            VulnerabilityMatcher matcher = new VulnerabilityMatcher(store);
            Set<String> expected = new TreeSet<>();
            Map<String, Confidence> predicted = new TreeMap<>();
            int gaps = 0;
            for (Profile p : profiles) {
                for (CveRecord r : records) if (applies(r, p)) expected.add(p.label() + " " + r.id());
                DeviceVulnerabilityReport report = matcher.match(p.device());
                report.findings().forEach(f -> predicted.put(p.label() + " " + f.cveId(), f.confidence()));
                gaps += report.coverageGaps().size();
            }
            return new Result(profiles.size(), records.size(), expected, predicted, gaps);
        }
    }

    /** The oracle: some configuration holds on the true product names, with a vulnerable criterion among them. */
    static boolean applies(CveRecord r, Profile p) {
        for (Configuration c : r.configurations()) {
            boolean vulnerable = false;
            List<Boolean> nodes = new ArrayList<>();
            for (ConfigNode n : c.nodes()) {
                List<Boolean> criteria = new ArrayList<>();
                for (CpeMatchCriterion m : n.criteria()) {
                    boolean holds = holds(m, p);
                    criteria.add(holds);
                    vulnerable |= holds && m.vulnerable();
                }
                boolean node = n.operator() == Operator.AND ? !criteria.contains(false) : criteria.contains(true);
                nodes.add(n.negate() != node);
            }
            boolean config = c.operator() == Operator.AND ? !nodes.contains(false) : nodes.contains(true);
            if (c.negate() != config && vulnerable) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(CpeMatchCriterion m, Profile p) {
        if (m.criteria() == null) {
            return false;
        }
        Cpe c = m.criteria();
        String key = c.part() + ":" + Cpe.unquote(c.vendor()) + ":" + Cpe.unquote(c.product());
        if (!p.truthProducts().contains(key)) {
            return false;
        }
        String v = p.truthVersion();
        boolean versioned = !c.part().equals("h") && !key.startsWith("o:microsoft:") && !key.startsWith("o:linux:");
        if (v == null || !versioned) {
            return true;
        }
        FirmwareVersion version = FirmwareVersion.parse(v);
        if (usable(m.versionStartIncluding()) && version.compareTo(bound(m.versionStartIncluding())) < 0) {
            return false;
        }
        if (usable(m.versionStartExcluding()) && version.compareTo(bound(m.versionStartExcluding())) <= 0) {
            return false;
        }
        if (usable(m.versionEndIncluding()) && version.compareTo(bound(m.versionEndIncluding())) > 0) {
            return false;
        }
        if (usable(m.versionEndExcluding()) && version.compareTo(bound(m.versionEndExcluding())) >= 0) {
            return false;
        }
        String exact = c.version();
        return exact.equals(Cpe.ANY) || exact.equals(Cpe.NA) || version.equals(bound(exact));
    }

    private static boolean usable(String bound) {
        return bound != null && !bound.isBlank() && !bound.equals("-");
    }

    private static FirmwareVersion bound(String text) {
        return FirmwareVersion.parse(Cpe.unquote(text));
    }

    static List<Profile> profiles() throws IOException {
        List<Profile> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                MatcherEvaluation.class.getResourceAsStream("evaluation-profiles.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line : reader.lines().collect(Collectors.toList())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                DeviceProfile device = new DeviceProfile(f[1], f[2], blank(f[3]), blank(f[4]), blank(f[5]), null, null);
                Set<String> truth = new TreeSet<>();
                for (String t : f[7].split(";")) {
                    truth.add(t.replace("\\", ""));
                }
                out.add(new Profile(f[0], device, blank(f[6]), truth));
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
