package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts end to end on the bundled S7 download sample: scan, learn, the baseline command and its errors. */
class AlertCommandsTest {
    static final Path DOWNLOAD = Path.of("..", "samples", "step7-s300-download.pcapng");
    static final Path HUE = ScanCommandTest.HUE;

    @TempDir
    Path tmp;

    private static JsonNode json(CommandRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void theDownloadSampleRaisesADownloadAlertWithEvidenceAndTheOtView() throws IOException {
        JsonNode doc = json(CommandRun.of("scan", "--json", "-q", DOWNLOAD.toString()));
        JsonNode alerts = doc.get("alerts");
        assertThat(alerts).extracting(a -> a.get("title").asText())
                .containsExactly("Unauthorized PLC Program Download", "Unauthorized PLC Programming");
        JsonNode download = alerts.get(0);
        assertThat(download.get("alertId").asText()).matches("OA-[0-9a-f]{12}");
        assertThat(download.get("engine").asText()).isEqualTo("Policy Violation");
        assertThat(download.get("attackTechniques")).extracting(JsonNode::asText).contains("T0843");
        assertThat(download.get("sourceDeviceId").asText()).isEqualTo("mac-00ffe60f408d");
        assertThat(download.get("destinationDeviceId").asText()).isEqualTo("mac-00ffe70f408d");
        assertThat(download.get("count").asLong()).isEqualTo(3);
        assertThat(download.get("evidence").get(0).get("operation").asText()).isEqualTo("request-download");
        assertThat(download.get("evidence").get(0).get("time").asText()).startsWith("2015-11-06T17:1");
        JsonNode plc = ScanCommandTest.device(doc, "00:ff:e7:0f:40:8d");
        assertThat(plc.get("ot").get("programmedBy")).extracting(JsonNode::asText).containsExactly("mac-00ffe60f408d");
        assertThat(plc.get("ot").get("peers").get(0).get("protocols")).extracting(JsonNode::asText).containsExactly("s7");
    }

    @Test
    void theTableListsTheAlertsAfterTheDevices() {
        CommandRun r = CommandRun.of("scan", DOWNLOAD.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ALERT", "SEVERITY", "Critical", "Unauthorized PLC Program Download");
        assertThat(r.err()).contains("2 alerts");
    }

    @Test
    void anIotCaptureRaisesNoOtAlerts() throws IOException {
        assertThat(json(CommandRun.of("scan", "--json", "-q", HUE.toString())).get("alerts")).isEmpty();
    }

    @Test
    void learningTheProgrammerSilencesTheDownloadAndMutingTheRest() throws IOException {
        Path baseline = tmp.resolve("plant.json"), scan = tmp.resolve("scan.json");
        CommandRun learned = CommandRun.of("scan", "--learn", HUE.toString(), "--baseline", baseline.toString(),
                "--json", "-o", scan.toString(), DOWNLOAD.toString());
        assertThat(learned.exitCode()).as(learned.err()).isZero();
        assertThat(learned.err()).contains("learned 3 devices");
        JsonNode alerts = new ObjectMapper().readTree(Files.readString(scan)).get("alerts");
        // the download sample's two devices are new to a baseline learned from the Hue capture
        assertThat(alerts).extracting(a -> a.get("title").asText()).contains("New Asset Detected",
                "Unauthorized PLC Program Download", "New Activity Detected");
        String[] ids = new String[alerts.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = alerts.get(i).get("alertId").asText();
        String[] learnArgs = new String[5 + ids.length];
        learnArgs[0] = "baseline";
        learnArgs[1] = "learn";
        learnArgs[2] = baseline.toString();
        learnArgs[3] = "--alerts";
        learnArgs[4] = scan.toString();
        System.arraycopy(ids, 0, learnArgs, 5, ids.length);
        CommandRun learn = CommandRun.of(learnArgs);
        assertThat(learn.exitCode()).as(learn.err()).isZero();
        assertThat(learn.err()).contains("learned " + ids.length + " alert(s)");
        JsonNode after = json(CommandRun.of("scan", "--baseline", baseline.toString(), "--json", "-q", DOWNLOAD.toString()));
        assertThat(after.get("alerts")).isEmpty();
        CommandRun show = CommandRun.of("baseline", "show", baseline.toString());
        assertThat(show.out()).contains("devices:            5", "from captures:");
    }

    @Test
    void mutingAnAlertThatCannotBeLearnedRemovesIt() throws IOException {
        Path baseline = tmp.resolve("b.json");
        CommandRun learned = CommandRun.of("scan", "--learn", DOWNLOAD.toString(), "--baseline", baseline.toString(), "-q",
                "--json", DOWNLOAD.toString());
        // learned from itself: the programmer is authorised, so nothing is left
        assertThat(json(learned).get("alerts")).isEmpty();
        CommandRun export = CommandRun.of("baseline", "export", baseline.toString());
        assertThat(export.out()).contains("\"format\" : 1", "device|mac-00ffe70f408d");
        Path copy = tmp.resolve("copy.json");
        assertThat(CommandRun.of("baseline", "import", copy.toString(), baseline.toString()).exitCode()).isZero();
        assertThat(CommandRun.of("baseline", "show", copy.toString()).out()).contains("devices:            2");
        assertThat(CommandRun.of("baseline", "mute", copy.toString(), "OA-0123456789ab").exitCode()).isZero();
        assertThat(CommandRun.of("baseline", "show", copy.toString()).out()).contains("OA-0123456789ab");
    }

    @Test
    void aLearningPeriodLearnsFromTheStartAndMonitorsTheRest() throws IOException {
        // the download starts 15 s into the sample: learning for 10 s leaves it to be monitored
        CommandRun r = CommandRun.of("scan", "--learning-period", "10s", "--json", DOWNLOAD.toString());
        assertThat(json(r).get("alerts")).extracting(a -> a.get("title").asText())
                .contains("Unauthorized PLC Program Download");
        assertThat(r.err()).contains("learned the baseline until 2015-11-06T17:11:06");
        CommandRun still = CommandRun.of("scan", "--learning-period", "14d", "--json", DOWNLOAD.toString());
        assertThat(still.err()).contains("still learning");
    }

    @Test
    void badBaselinesAndArgumentsGetOneLineErrors() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{not json");
        CommandRun r = CommandRun.of("scan", "--baseline", junk.toString(), DOWNLOAD.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("osprey: ").contains("is not a usable baseline").doesNotContain("Exception");
        assertThat(CommandRun.of("baseline", "show", tmp.resolve("missing.json").toString()).err()).contains("no such file");
        assertThat(CommandRun.of("baseline", "frobnicate", junk.toString()).err()).contains("unknown action");
        assertThat(CommandRun.of("baseline", "mute", junk.toString(), "nope").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CommandRun.of("scan", "--learning-period", "soon", DOWNLOAD.toString()).err()).contains("is not a duration");
    }
}
