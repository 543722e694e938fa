package io.osprey.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of CPE generation plus matching for the devices of ../shared/data/pcaps/TRUTH.tsv against the NVD records
 * of ../shared/data/vuln/nvd, with each record's own configurations as the truth: an independent oracle evaluates
 * them on the device's true NVD names (src/test/resources/evaluation/device-profiles.tsv) by exact product equality
 * and version bounds, while the matcher only sees the profile's vendor/model/firmware/OS strings.
 * Prints precision and recall; skipped when ../shared is absent.
 */
class MatcherEvaluationTest {
    private static final Path NVD = Path.of("..", "..", "shared", "data", "vuln", "nvd");

    record Profile(String label, DeviceProfile device, String truthVersion, Set<String> truthProducts) {
    }

    @Test
    void precisionAndRecallOnTheSharedRecords() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(NVD), "../shared/data/vuln/nvd absent: evaluation skipped");
        List<Profile> profiles = profiles();
        try (VulnStore store = VulnStore.openInMemory()) {
            new IntelImporter(store).importPaths(List.of(NVD));
            List<CveRecord> records = store.cves(allIds(store));
            VulnerabilityMatcher matcher = new VulnerabilityMatcher(store);

            Set<String> expected = new TreeSet<>();
            Map<String, Confidence> predicted = new java.util.TreeMap<>();
            int gaps = 0;
            for (Profile p : profiles) {
                for (CveRecord r : records) {
                    if (applies(r, p)) {
                        expected.add(p.label() + " " + r.id());
                    }
                }
                DeviceVulnerabilityReport report = matcher.match(p.device());
                report.findings().forEach(f -> predicted.put(p.label() + " " + f.cveId(), f.confidence()));
                gaps += report.coverageGaps().size();
            }
            Set<String> truePositives = new TreeSet<>(predicted.keySet());
            truePositives.retainAll(expected);
            Set<String> falsePositives = new TreeSet<>(predicted.keySet());
            falsePositives.removeAll(expected);
            Set<String> falseNegatives = new TreeSet<>(expected);
            falseNegatives.removeAll(predicted.keySet());
            double precision = predicted.isEmpty() ? 1.0 : truePositives.size() / (double) predicted.size();
            double recall = expected.isEmpty() ? 1.0 : truePositives.size() / (double) expected.size();

            Map<Confidence, int[]> byConfidence = new EnumMap<>(Confidence.class);
            predicted.forEach((k, c) -> {
                int[] counts = byConfidence.computeIfAbsent(c, x -> new int[2]);
                counts[expected.contains(k) ? 0 : 1]++;
            });
            System.out.printf("CVE match evaluation: %d devices, %d NVD records, %d expected pairs, %d predicted%n",
                    profiles.size(), records.size(), expected.size(), predicted.size());
            System.out.printf("  precision %.3f  recall %.3f  (TP %d, FP %d, FN %d); coverage gaps reported: %d%n",
                    precision, recall, truePositives.size(), falsePositives.size(), falseNegatives.size(), gaps);
            byConfidence.forEach((c, n) -> System.out.printf("  %-9s TP %d FP %d%n", c.label(), n[0], n[1]));
            System.out.println("  false positives: " + falsePositives);
            System.out.println("  false negatives: " + falseNegatives);

            // Precision first: a wrong match is worse than a missed one.
            assertThat(precision).isGreaterThanOrEqualTo(0.95);
            assertThat(recall).isGreaterThanOrEqualTo(0.8);
        }
    }

    private static Set<String> allIds(VulnStore store) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (var files = Files.list(NVD)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("CVE-") && n.endsWith(".json"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
        }
        return ids;
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
                MatcherEvaluationTest.class.getResourceAsStream("/evaluation/device-profiles.tsv"),
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
