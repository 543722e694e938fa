package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every capture in ../shared/data/pcaps reads completely and without damage warnings: the frame count and
 * the first timestamp match what MANIFEST.tsv recorded with capinfos. Skipped when ../shared is absent.
 */
class SharedCapturesTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data");
    private static final Pattern CONTENTS = Pattern.compile("pcap: (\\d+) pkts;.* first (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6});");
    private static final DateTimeFormatter FIRST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Test
    void everySharedCaptureReadsCompletely() throws IOException {
        Path manifest = DATA.resolve("pcaps").resolve("MANIFEST.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(manifest), "../shared/data/pcaps absent: skipped");
        List<String> rows = Files.readAllLines(manifest);
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        List<String> header = List.of(rows.getFirst().split("\t"));
        int pathColumn = header.indexOf("local_path");
        int contentsColumn = header.indexOf("contents");
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split("\t");
            Matcher expected = CONTENTS.matcher(columns[contentsColumn]);
            if (!expected.find()) continue;
            Path file = DATA.resolve(columns[pathColumn]);
            long packets = Long.parseLong(expected.group(1));
            long firstNanos = LocalDateTime.parse(expected.group(2), FIRST).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L
                    + LocalDateTime.parse(expected.group(2), FIRST).getNano();
            try (CaptureSource source = Captures.open(file)) {
                while (source.read(frame -> {}, 4096) != -1) {
                    // count only
                }
                CaptureStats stats = source.stats().getFirst();
                softly.assertThat(stats.packets()).as(file + " frames").isEqualTo(packets);
                softly.assertThat(stats.firstNanos() / 1000).as(file + " first timestamp (µs)").isEqualTo(firstNanos / 1000);
                List<CaptureWarning> damage = new ArrayList<>(stats.warnings());
                damage.removeIf(w -> w.reason().contains("is not supported; its frames are counted and skipped"));
                softly.assertThat(damage).as(file + " warnings").isEmpty();
            }
            checked++;
        }
        softly.assertAll();
        assertThat(checked).isGreaterThan(100);
    }
}
