package io.osprey.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads TRUTH.tsv: a header line, then one labelled device per line with the columns file, mac, ip,
 * accepted_device_types (';'-separated, may be empty), expected_vendor, expected_model, evidence, source_note
 * (GROUND_TRUTH.md explains each capture's labels and how they are known).
 */
final class GroundTruth {
    static final List<String> COLUMNS = List.of("file", "mac", "ip", "accepted_device_types", "expected_vendor",
            "expected_model", "evidence", "source_note");

    private GroundTruth() {}

    /** @throws IllegalArgumentException when the file is not a TRUTH.tsv (header or a row malformed) */
    static List<TruthRow> read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !Arrays.asList(lines.getFirst().split("\t", -1)).equals(COLUMNS)) {
            throw new IllegalArgumentException(tsv + ": not a TRUTH.tsv (the header must be the columns "
                    + String.join(",", COLUMNS) + ")");
        }
        List<TruthRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] c = line.split("\t", -1);
            if (c.length != COLUMNS.size() || c[0].isBlank()) {
                throw new IllegalArgumentException(tsv + " line " + (i + 1) + ": expected " + COLUMNS.size()
                        + " tab-separated columns with a file name, found " + c.length);
            }
            List<String> types = Arrays.stream(c[3].split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            rows.add(new TruthRow(i + 1, c[0].trim(), c[1], c[2].trim(), types, c[4].trim(), c[5].trim(), c[6].trim(),
                    c[7].trim()));
        }
        return rows;
    }
}
