package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** `osprey scan` end to end on the bundled samples: outputs, options, errors and exit codes. */
class ScanCommandTest {
    static final Path HUE = Path.of("..", "samples", "hue-bridge-setup.pcap");
    static final Path PLUG = Path.of("..", "samples", "tplink-hs110-setup.pcap");

    @TempDir
    Path tmp;

    @Test
    void tableListsTheDevicesOfTheSampleWithTheirVendorsAndASummaryLine() {
        CommandRun r = CommandRun.of("scan", HUE.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("00:17:88:24:76:ff", "10.10.10.6", "tcp/80", "Philips-hue", "BSB002", "Lighting Controller")
                .contains("00:b5:6d:06:08:ba", "Router");
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("DEVICE").contains("NAME", "VENDOR", "MODEL", "TYPE");
        assertThat(r.err()).containsPattern("osprey: 1,319 packets, .*, 3 devices, .* flows in .* s \\(.* packets/s\\)");
    }

    @Test
    void jsonHasTheHueBridgeWithEvidenceAndTheGatewayAsARouter() throws IOException {
        CommandRun r = CommandRun.of("scan", "--format", "json", "-q", HUE.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode capture = doc.get("captures").get(0);
        assertThat(capture.get("packets").asLong()).isEqualTo(1319);
        assertThat(capture.get("linkTypes").get(0).asText()).isEqualTo("ethernet");
        assertThat(capture.get("first").asText()).isEqualTo("2016-09-06T16:48:30.091903Z");
        JsonNode hue = device(doc, "00:17:88:24:76:ff");
        assertThat(hue.get("deviceId").asText()).isEqualTo("mac-0017882476ff");
        assertThat(hue.get("ipAddresses").get(0).asText()).isEqualTo("10.10.10.6");
        assertThat(hue.get("vendor").isNull()).isFalse();
        assertThat(hue.get("networkLocation").asText()).isEqualTo("local");
        assertThat(hue.get("randomizedMac").asBoolean()).isFalse();
        assertThat(hue.get("deviceType").asText()).isEqualTo("Lighting Controller");
        assertThat(hue.get("deviceCategory").asText()).isEqualTo("IoT");
        assertThat(hue.get("deviceName").asText()).isEqualTo("Philips-hue");
        assertThat(hue.get("evidence")).anySatisfy(e -> assertThat(e.get("attribute").asText()).isEqualTo("vendor"));
        assertThat(hue.get("evidence")).anySatisfy(e -> {
            assertThat(e.get("attribute").asText()).isEqualTo("dhcp.hostname");
            assertThat(e.get("value").asText()).isEqualTo("Philips-hue");
            assertThat(e.get("source").asText()).isEqualTo("dhcp");
        });
        JsonNode gw = device(doc, "00:b5:6d:06:08:ba");
        assertThat(gw.get("deviceType").asText()).isEqualTo("Router");
        assertThat(gw.get("deviceCategory").asText()).isEqualTo("Network device");
        assertThat(doc.get("stats").get("packets").asLong()).isEqualTo(1319);
    }

    static JsonNode device(JsonNode doc, String mac) {
        for (JsonNode d : doc.get("devices")) {
            if (mac.equals(d.get("macAddress").asText(null))) return d;
        }
        throw new AssertionError("no device " + mac);
    }

    @Test
    void csvHasAHeaderAndOneRowPerDeviceAndGoesToTheOutputFile() throws IOException {
        Path out = tmp.resolve("devices.csv");
        CommandRun r = CommandRun.of("scan", "--csv", "-q", "-o", out.toString(), HUE.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        var lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).startsWith("deviceId,macAddress,ipAddresses,vendor");
        assertThat(lines).hasSize(1 + 3);
    }

    @Test
    void severalCapturesAndGzipAreReadTogether() throws IOException {
        Path gz = tmp.resolve("plug.pcap.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(PLUG, o);
        }
        CommandRun r = CommandRun.of("scan", "--json", "-q", HUE.toString(), gz.toString());
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("captures")).hasSize(2);
        device(doc, "50:c7:bf:00:c7:03");
        device(doc, "00:17:88:24:76:ff");
    }

    @Test
    void explainPrintsEveryAttributeWithItsEvidence() {
        CommandRun r = CommandRun.of("scan", "-q", "--explain", "10.10.10.6", HUE.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("mac-0017882476ff", "why:", "observed:", "Lighting Controller", "rule hue-bridge-name (iot.rules:",
                "on dhcp.hostname=Philips-hue [dhcp]", "ipAddress", "arp");
    }

    @Test
    void explainOfAnUnknownDeviceSaysSo() {
        CommandRun r = CommandRun.of("scan", "-q", "--explain", "10.9.9.9", HUE.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no device matches '10.9.9.9'");
    }

    @Test
    void aFileThatIsNotACaptureGetsOneLineAndExitCode2() throws IOException {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "Hello, this is not a capture\n");
        CommandRun r = CommandRun.of("scan", text.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("notes.txt").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingFileGetsOneLineAndExitCode2() {
        CommandRun r = CommandRun.of("scan", "no-such.pcap");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("osprey: no-such.pcap: no such file or folder");
    }

    @Test
    void aTruncatedCaptureKeepsWhatWasReadAndWarnsWithTheOffset() throws IOException {
        byte[] all = Files.readAllBytes(PLUG);
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 100));
        CommandRun r = CommandRun.of("scan", "--json", "-q", cut.toString());
        assertThat(r.exitCode()).isZero();
        JsonNode capture = new ObjectMapper().readTree(r.out()).get("captures").get(0);
        assertThat(capture.get("packets").asLong()).isBetween(60L, 63L);
        assertThat(capture.get("warnings")).hasSize(1);
        assertThat(capture.get("warnings").get(0).asText()).contains("at byte");
        // reported on stderr too, once, with the file and the offset
        assertThat(r.err().lines().filter(l -> l.startsWith("osprey: warning: ")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("cut.pcap", "at byte"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CommandRun.of("scan", "--format", "xml", HUE.toString()).exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("scan", "--no-such-option").exitCode()).isEqualTo(2);
        CommandRun none = CommandRun.of("scan");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("nothing to scan");
    }

    @Test
    void helpTeachesWithExamplesAndExitCodes() {
        CommandRun r = CommandRun.of("scan", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Examples:", "--format", "--interface", "--explain", "Exit codes:", "130");
        assertThat(CommandRun.of("--help").out()).contains("scan", "Exit codes:");
    }

    @Test
    void liveCaptureOnANonexistentInterfaceIsUnavailableNotACrash() {
        CommandRun r = CommandRun.of("scan", "-i", "osprey-no-such-if0", "--duration", "1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(r.err()).contains("osprey-no-such-if0").doesNotContain("\tat ");
    }
}
