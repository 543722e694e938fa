package io.osprey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey intel, scan --db and osprey posture end to end: vulnerabilities, risk, exposure and lifecycles. */
class PostureCommandsTest {
    static final Path INTEL = Path.of("src", "test", "resources", "intel");

    @TempDir
    Path tmp;

    private static JsonNode json(CommandRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void importingTwiceChangesNothingAndAMalformedFileIsSkipped() throws IOException {
        Path db = tmp.resolve("osprey.duckdb");
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"vulnerabilities\": [ {\"cve\": ");
        String kev = INTEL.resolve("kev-subset.json").toString(), nvd = INTEL.resolve("CVE-2013-4975-exact-firmware-version.json").toString();
        CommandRun first = CommandRun.of("intel", "import", "-q", "--db", db.toString(), kev, nvd, junk.toString());
        assertThat(first.exitCode()).isEqualTo(ExitCode.PARTIAL);
        assertThat(first.out()).contains("NVD", "1 added", "KEV");
        assertThat(first.err()).contains("skipped", "junk.json").doesNotContain("Exception");
        CommandRun again = CommandRun.of("intel", "import", "-q", "--db", db.toString(), nvd, kev);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 added, 0 updated, 1 unchanged");
        CommandRun status = CommandRun.of("intel", "status", "--db", db.toString());
        assertThat(status.out()).contains("schema version 2", "cve ").containsPattern("kev\\s+\\d+ rows");
    }

    @Test
    void theSnapshotMatchesTheHueBridgeWithEvidenceAndThePostureSaysWhy() throws IOException {
        JsonNode doc = json(CommandRun.of("scan", "--json", "-q", ScanCommandTest.HUE.toString()));
        JsonNode hue = ScanCommandTest.device(doc, "00:17:88:24:76:ff");
        JsonNode cve = hue.get("vulnerabilities").get(0);
        assertThat(cve.get("cveId").asText()).startsWith("CVE-");
        assertThat(cve.get("confidence").asText()).isIn("confirmed", "likely", "possible");
        assertThat(cve.get("evidence").get(0).get("deviceCpe").asText()).startsWith("cpe:2.3:");
        assertThat(hue.get("riskLevel").asText()).isEqualTo("None");
        assertThat(hue.get("exposureLevel").asText()).isIn("Low", "Medium", "High");
        assertThat(hue.get("exposureFactors")).isNotEmpty();
        assertThat(hue.get("recommendations")).extracting(r -> r.get("id").asText()).contains("upnp-exposed");
        assertThat(doc.get("organisationExposure").asInt()).isBetween(0, 100);
        assertThat(doc.get("recommendations")).anySatisfy(r -> {
            assertThat(r.get("id").asText()).isEqualTo("upnp-exposed");
            assertThat(r.get("unhealthyDevices").asInt()).isEqualTo(1);
            assertThat(r.get("healthyDevices").asInt()).isEqualTo(2);
        });
        JsonNode none = json(CommandRun.of("scan", "--json", "-q", "--no-vulns", ScanCommandTest.HUE.toString()));
        assertThat(ScanCommandTest.device(none, "00:17:88:24:76:ff").get("vulnerabilities")).isEmpty();
    }

    @Test
    void theStoreKeepsAlertLifecyclesAssetValuesAndExceptions() throws IOException {
        Path db = tmp.resolve("osprey.duckdb");
        assertThat(CommandRun.of("intel", "import", "-q", "--snapshot", "--db", db.toString()).exitCode()).isZero();
        String download = AlertCommandsTest.DOWNLOAD.toString();
        JsonNode first = json(CommandRun.of("scan", "--json", "-q", "--db", db.toString(), download));
        assertThat(first.get("alerts")).allSatisfy(a -> assertThat(a.get("status").asText()).isEqualTo("New"));
        JsonNode second = json(CommandRun.of("scan", "--json", "-q", "--db", db.toString(), download));
        assertThat(second.get("alerts")).isNotEmpty().allSatisfy(a -> assertThat(a.get("status").asText()).isEqualTo("Active"));
        // the PLC is a controller: High asset value by default; the user can lower it
        JsonNode plc = ScanCommandTest.device(second, "00:ff:e7:0f:40:8d");
        assertThat(plc.get("riskLevel").asText()).isEqualTo("High"); // a Critical download alert
        assertThat(CommandRun.of("posture", "asset-value", "mac-00ffe70f408d", "Low", "--db", db.toString()).exitCode()).isZero();
        JsonNode third = json(CommandRun.of("scan", "--json", "-q", "--db", db.toString(), download));
        assertThat(ScanCommandTest.device(third, "00:ff:e7:0f:40:8d").get("assetValue").asText()).isEqualTo("Low");
        // accepting the Hue's UPnP exposure makes it an exception until the date given
        assertThat(CommandRun.of("posture", "except", "mac-0017882476ff", "upnp-exposed", "--justification",
                "needed by the lighting app", "--until", "2030-01-01", "--db", db.toString()).exitCode()).isZero();
        JsonNode hue = ScanCommandTest.device(json(CommandRun.of("scan", "--json", "-q", "--db", db.toString(),
                ScanCommandTest.HUE.toString())), "00:17:88:24:76:ff");
        assertThat(hue.get("recommendations")).anySatisfy(r -> {
            assertThat(r.get("id").asText()).isEqualTo("upnp-exposed");
            assertThat(r.get("status").asText()).isEqualTo("exception");
        });
        // the store keeps what the runs raised (resolution and closing are tested in PostureStateTest)
        assertThat(CommandRun.of("intel", "status", "--db", db.toString()).out())
                .containsPattern("alert_state\\s+[1-9]").containsPattern("recommendation_exception\\s+1 rows");
    }

    @Test
    void postureAndIntelErrorsAreOneLine() {
        Path missing = tmp.resolve("none.duckdb");
        assertThat(CommandRun.of("scan", "--db", missing.toString(), ScanCommandTest.HUE.toString()).err())
                .contains("osprey intel import --db").doesNotContain("Exception");
        assertThat(CommandRun.of("intel", "status", "--db", missing.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CommandRun.of("intel", "import", "--db", missing.toString()).err()).contains("give files");
        assertThat(CommandRun.of("posture", "asset-value", "mac-x", "Huge", "--db", missing.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
