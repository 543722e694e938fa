package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `osprey eval` end to end: bad input, the bundled samples, and a few shared captures when present. */
class EvalCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void aMissingTruthFileIsBadInputInOneLine(@TempDir Path dir) {
        CommandRun run = CommandRun.of("eval", "--pcaps", dir.toString(), "--truth", dir.resolve("nope/TRUTH.tsv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneLineError(run, "nope/TRUTH.tsv: no such file");
    }

    @Test
    void aMalformedTruthFileIsBadInputInOneLine(@TempDir Path dir) throws IOException {
        Path tsv = Files.writeString(dir.resolve("TRUTH.tsv"), "this is not\ta truth table\n");
        CommandRun run = CommandRun.of("eval", "--pcaps", dir.toString(), "--truth", tsv.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneLineError(run, "not a TRUTH.tsv");
    }

    @Test
    void aMissingCaptureFolderIsBadInputInOneLine(@TempDir Path dir) {
        CommandRun run = CommandRun.of("eval", "--pcaps", dir.resolve("absent").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneLineError(run, "absent: no such folder");
    }

    @Test
    void anOnlyGlobThatMatchesNothingIsBadInput(@TempDir Path dir) throws IOException {
        Path tsv = truth(dir, "hue-bridge-setup.pcap\t00:17:88:24:76:ff\t10.10.10.6\tLighting Controller\tPhilips\t-\tSSDP\t-");
        CommandRun run = CommandRun.of("eval", "--pcaps", SAMPLES.toString(), "--truth", tsv.toString(), "--only", "ics-iti/**");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneLineError(run, "matches no labelled capture");
    }

    @Test
    void scoresTheBundledSamplesAndWritesTheSameReportTwice(@TempDir Path dir) throws IOException {
        Path tsv = truth(dir,
                "hue-bridge-setup.pcap\t00:17:88:24:76:ff\t10.10.10.6\tLighting Controller;Smart Hub\tOUI: Philips Lighting BV\t"
                        + "label 'HueBridge'; paper model: Philips Hue Bridge (model 3241312018)\tDHCP hostname: Philips-hue\tlighting bridge",
                "tplink-hs110-setup.pcap\t50:c7:bf:00:c7:03\t10.10.10.20, 0.0.0.0\tSmart Plug\tOUI: TP-LINK TECHNOLOGIES CO.,LTD.\t"
                        + "label 'TP-LinkPlugHS110'; paper model: TP-Link HS110 smart plug\tDHCP hostname: HS110(EU)\tsmart plug",
                "tplink-hs110-setup.pcap\t02:00:00:00:00:01\t-\tSmart Plug\tTP-Link\t-\tno identity strings in this run\tabsent",
                "missing.pcap\t00:11:22:33:44:55\t-\tPLC\tSiemens\t-\tCDP\tnot there");
        Path report = dir.resolve("ACCURACY.md");
        CommandRun run = CommandRun.of("eval", "--pcaps", SAMPLES.toString(), "--truth", tsv.toString(), "-o", report.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("[1/3] hue-bridge-setup.pcap", "MISSED  found: 2 / 4");
        String md = Files.readString(report);
        CommandRun again = CommandRun.of("eval", "--pcaps", SAMPLES.toString(), "--truth", tsv.toString(), "-o", report.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(report)).isEqualTo(md);
        assertThat(md).contains("## Targets", "## Summary", "## By source", "## How it is scored", "## Devices",
                "missing.pcap: capture missing", "| found | 4 | 2 |");
        List<String> deviceRows = md.lines().filter(l -> l.matches("\\| \\d+ \\| .*")).toList();
        assertThat(deviceRows).hasSize(4);
        assertThat(deviceRows.get(0)).contains("hue-bridge-setup.pcap", "00:17:88:24:76:ff", "yes (mac)", "yes (hostname)");
        assertThat(deviceRows.get(2)).contains("**no**", "| no |");

        Path json = dir.resolve("eval.json");
        assertThat(CommandRun.of("eval", "-q", "--json", "--pcaps", SAMPLES.toString(), "--truth", tsv.toString(),
                "-o", json.toString()).exitCode()).isEqualTo(ExitCode.OK);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("devices").asInt()).isEqualTo(4);
        assertThat(doc.get("rows").get(0).get("found").asBoolean()).isTrue();
        assertThat(doc.get("rows").get(1).get("found").asBoolean()).isTrue();
        assertThat(doc.get("rows").get(1).get("verdicts").get("model").asText()).isIn("RIGHT", "WRONG", "EMPTY");
        assertThat(doc.get("rows").get(2).get("found").asBoolean()).isFalse();
        assertThat(doc.get("rows").get(2).get("verdicts").get("deviceType").asText()).isEqualTo("EMPTY");
        assertThat(doc.get("summary").get("found").asInt()).isEqualTo(2);
        assertThat(doc.get("targets").get(0).get("status").asText()).isEqualTo("MISSED");
    }

    @Test
    void findsEveryLabelledDeviceInSomeSharedCaptures(@TempDir Path dir) throws IOException {
        Path pcaps = SharedCapturesScanTest.PCAPS;
        Assumptions.assumeTrue(Files.isDirectory(pcaps), "../shared/data/pcaps is absent: the shared eval was skipped");
        Path json = dir.resolve("eval.json");
        CommandRun run = CommandRun.of("eval", "--pcaps", pcaps.toString(), "--json", "-o", json.toString(), "--only",
                "{tcpdump/LLDP_and_CDP.pcap,ics-iti/s7/s7comm_reading_plc_status.pcap,iot-sentinel/TP-LinkPlugHS110/Setup-A-6-STA.pcap}");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        List<String> files = new ArrayList<>();
        for (JsonNode row : doc.get("rows")) {
            files.add(row.get("file").asText());
            assertThat(row.get("found").asBoolean()).as(row.get("file").asText() + " " + row.get("mac").asText()).isTrue();
            assertThat(row.get("matchedBy").asText()).isEqualTo("mac");
        }
        assertThat(files).hasSize(5).containsOnly("tcpdump/LLDP_and_CDP.pcap", "ics-iti/s7/s7comm_reading_plc_status.pcap",
                "iot-sentinel/TP-LinkPlugHS110/Setup-A-6-STA.pcap");
        assertThat(run.err()).contains("found: 5 / 5");
    }

    private static Path truth(Path dir, String... rows) throws IOException {
        return Files.writeString(dir.resolve("TRUTH.tsv"), GroundTruthTest.HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private static void assertOneLineError(CommandRun run, String text) {
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("osprey: ").contains(text).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }
}
