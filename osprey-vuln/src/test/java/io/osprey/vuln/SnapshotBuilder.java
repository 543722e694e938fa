package io.osprey.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osprey.vuln.match.CsafMatch;
import io.osprey.vuln.match.CsafMatcher;
import io.osprey.vuln.match.CpeAliases;
import io.osprey.vuln.match.DeviceProfile;
import io.osprey.vuln.store.VulnStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled demo snapshot (src/main/resources/io/osprey/vuln/snapshot/) from ../shared/data/vuln:
 * every NVD record of nvd/ as one API-page file, the KEV entries and EPSS scores of those CVEs, and the CSAF
 * advisories whose product trees match a device of the evaluation profiles. Run by {@code SnapshotBuilderTest}
 * with {@code -Dosprey.snapshot.build=true}.
 */
public final class SnapshotBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SnapshotBuilder() {
    }

    public static List<String> build(Path shared, Path target, List<DeviceProfile> devices) throws IOException {
        Files.createDirectories(target);
        List<String> contents = new ArrayList<>();
        Set<String> cves = new TreeSet<>();
        ObjectNode page = MAPPER.createObjectNode();
        page.put("format", "NVD_CVE").put("version", "2.0");
        ArrayNode vulnerabilities = page.putArray("vulnerabilities");
        try (Stream<Path> files = Files.list(shared.resolve("nvd"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("CVE-.*\\.json")).sorted().toList()) {
                JsonNode cve = MAPPER.readTree(f.toFile());
                cves.add(cve.path("id").asText());
                vulnerabilities.addObject().set("cve", cve);
            }
        }
        page.put("totalResults", vulnerabilities.size());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target.resolve("nvd-records.json.gz")))) {
            MAPPER.writeValue(out, page);
        }
        contents.add("nvd-records.json.gz");

        ObjectNode kev = (ObjectNode) MAPPER.readTree(shared.resolve("kev_known_exploited_vulnerabilities.json").toFile());
        ArrayNode kept = MAPPER.createArrayNode();
        kev.path("vulnerabilities").forEach(v -> {
            if (cves.contains(v.path("cveID").asText())) {
                kept.add(v);
            }
        });
        kev.set("vulnerabilities", kept);
        kev.put("count", kept.size());
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(target.resolve("kev-subset.json").toFile(), kev);
        contents.add("kev-subset.json");

        Files.copy(shared.resolve("epss/epss_subset.csv"), target.resolve("epss-subset.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        contents.add("epss-subset.csv");

        Set<String> advisories = new TreeSet<>();
        try (VulnStore store = VulnStore.openInMemory()) {
            new IntelImporter(store).importPaths(List.of(shared.resolve("csaf-ot")));
            CsafMatcher matcher = new CsafMatcher(store, CpeAliases.bundled());
            for (DeviceProfile d : devices) {
                for (CsafMatch m : matcher.match(d)) {
                    advisories.add(m.advisoryId());
                }
            }
        }
        try (Stream<Path> files = Files.list(shared.resolve("csaf-ot"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String id = name.replace(".json", "").toUpperCase(java.util.Locale.ROOT);
                if (advisories.contains(id)) {
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                            target.resolve("csaf-" + name + ".gz")))) {
                        Files.copy(f, out);
                    }
                    contents.add("csaf-" + name + ".gz");
                }
            }
        }
        List<String> index = new ArrayList<>();
        index.add("# The demo snapshot, built by SnapshotBuilder from ../shared/data/vuln (see the module README).");
        index.addAll(contents);
        Files.write(target.resolve("contents.txt"), index);
        return contents;
    }
}
