package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.inventory.oui.OuiRegistry;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.flow.FlowTableConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real capture in ../shared/data/pcaps, end to end: it scans without a dissector failure, the JSON
 * conforms to the contract, and every device labelled in TRUTH.tsv with a real MAC is in the inventory.
 * Skips with a message when ../shared is absent.
 */
class SharedCapturesScanTest {
    static final Path PCAPS = Path.of("..", "..", "shared", "data", "pcaps");

    @Test
    void everySharedCaptureScansCleanlyAndFindsEveryLabelledDevice() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(PCAPS), "../shared/data/pcaps is absent: the shared-capture scan was skipped");
        Map<String, List<String>> labelled = labelledMacs();
        var schema = ScanOutputContractTest.schema();
        Scanner scanner = new Scanner(FlowTableConfig.DEFAULT, OuiRegistry.bundled()::vendor);
        List<String> problems = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(PCAPS)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$")).sorted().toList()) {
                ScanResult r;
                try (CaptureSource source = Captures.open(f)) {
                    r = scanner.run(source, () -> false, null);
                }
                scanned++;
                if (r.stats().containsKey("dissectorFailures")) problems.add(f + ": dissector failures " + r.stats().get("dissectorFailures"));
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                JsonReport.write(r, json);
                JsonNode doc = new ObjectMapper().readTree(json.toByteArray());
                if (!schema.validate(doc).isEmpty()) problems.add(f + ": output does not conform: " + schema.validate(doc));
                String rel = PCAPS.relativize(f).toString();
                for (String mac : labelled.getOrDefault(rel, List.of())) {
                    if (r.devices().stream().noneMatch(d -> mac.equals(d.macAddress()))) problems.add(rel + ": labelled device " + mac + " not found");
                }
            }
        }
        assertThat(scanned).isGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    /** TRUTH.tsv rows with a real MAC (anonymised captures zero theirs: those hosts are known only by IP). */
    static Map<String, List<String>> labelledMacs() throws IOException {
        Map<String, List<String>> m = new HashMap<>();
        List<String> lines = Files.readAllLines(PCAPS.resolve("TRUTH.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length < 2 || !c[1].matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}") || c[1].equals("00:00:00:00:00:00")) continue;
            m.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c[1]);
        }
        return m;
    }
}
