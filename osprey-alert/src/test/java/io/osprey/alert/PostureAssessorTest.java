package io.osprey.alert;

import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;
import io.osprey.inventory.NetworkLocation;
import io.osprey.inventory.ServiceEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.osprey.alert.Fixtures.log;
import static io.osprey.alert.Fixtures.op;
import static org.assertj.core.api.Assertions.assertThat;

class PostureAssessorTest {
    private final PostureAssessor assessor = new PostureAssessor(Recommendations.bundled());

    private static Device device(String id, String ip, String type, List<ServiceEntry> services, List<Evidence> evidence) {
        return new Device(id, null, List.of(ip), type == null ? null : "Acme", null, type == null ? null : "IoT", type, null, null, null, null,
                null, null, new TreeSet<>(), new TreeSet<>(services), Fixtures.T0, Fixtures.T0, false, NetworkLocation.LOCAL,
                1, 1, evidence);
    }

    private static Alert alert(String definition, String severity, String engine, String source) {
        return new Alert("OA-" + definition, definition, definition, engine, severity, "c", List.of(), source, null,
                Fixtures.T0, Fixtures.T0, 1, List.of(), "r", null, "New");
    }

    @Test
    void recommendationsApplyFromServicesFactsAndVulnerabilities() {
        Device camera = device("cam", "10.0.0.5", "IP Camera",
                List.of(new ServiceEntry(23, "tcp", null), new ServiceEntry(80, "tcp", "http")),
                List.of(new Evidence("http.authRealm", "DCS-930L", "http", 1.0), new Evidence("snmp.version", "2c", "snmp", 1.0),
                        new Evidence("snmp.sysDescr", "camera", "snmp", 1.0), new Evidence("snmp.communityInUse", "default-public", "snmp", 1.0),
                        new Evidence("ssdp.usn", "uuid:1", "ssdp", 1.0)));
        var result = assessor.assess(List.of(camera), List.of(),
                Map.of("cam", List.of(new Weakness("CVE-2019-0001", "confirmed", 9.8, 0.7, true, true))), Map.of(),
                log(op("10.0.0.5", "8.8.8.8", "tcp", "connect", "443", 1)), Map.of());
        Posture p = result.devices().get("cam");
        assertThat(p.recommendations()).extracting(RecommendationFinding::id).containsExactly("disable-telnet",
                "remove-snmp-v1-v2c", "snmp-default-community", "https-administration", "cleartext-credentials",
                "update-firmware", "internet-direct", "upnp-exposed");
        assertThat(p.exposureLevel()).isEqualTo("High");
        assertThat(p.exposureScore()).isEqualTo(100);
        assertThat(p.exposureFactors()).anyMatch(f -> f.contains("CISA KEV")).anyMatch(f -> f.contains("internet"));
        assertThat(p.riskLevel()).isEqualTo("None");
        assertThat(result.recommendations()).filteredOn(r -> r.id().equals("disable-telnet")).singleElement()
                .satisfies(r -> assertThat(r.unhealthy()).isEqualTo(1));
    }

    @Test
    void riskFollowsTheWorstAlertAndThreatIntelligence() {
        Device a = device("a", "10.0.0.1", "Printer", List.of(), List.of());
        var levels = assessor.assess(List.of(a), List.of(alert("x", "Minor", "Anomaly", "a")), Map.of(), Map.of(), log(), Map.of());
        assertThat(levels.devices().get("a").riskLevel()).isEqualTo("Low");
        levels = assessor.assess(List.of(a), List.of(alert("x", "Major", "Anomaly", "a")), Map.of(), Map.of(), log(), Map.of());
        assertThat(levels.devices().get("a").riskLevel()).isEqualTo("Medium");
        levels = assessor.assess(List.of(a), List.of(alert("x", "Minor", "Malware", "a")), Map.of(), Map.of(), log(), Map.of());
        assertThat(levels.devices().get("a").riskLevel()).isEqualTo("High");
        assertThat(levels.devices().get("a").riskFactors()).singleElement().asString().contains("OA-x");
        levels = assessor.assess(List.of(a), List.of(alert("x", "Warning", "Operational", "a")), Map.of(), Map.of(), log(), Map.of());
        assertThat(levels.devices().get("a").riskLevel()).isEqualTo("Informational");
    }

    @Test
    void assetValueAndExceptionsWeighOnExposure() {
        Device telnet = device("t", "10.0.0.9", "Printer", List.of(new ServiceEntry(23, "tcp", null)), List.of());
        int normal = assessor.assess(List.of(telnet), List.of(), Map.of(), Map.of(), log(), Map.of()).devices().get("t").exposureScore();
        int high = assessor.assess(List.of(telnet), List.of(), Map.of(), Map.of("t", "High"), log(), Map.of()).devices().get("t").exposureScore();
        assertThat(high).isGreaterThan(normal);
        var excepted = assessor.assess(List.of(telnet), List.of(), Map.of(), Map.of(), Map.of("t|disable-telnet", "lab printer (until 2030-01-01)"),
                log(), Map.of()).devices().get("t");
        assertThat(excepted.recommendations()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("exception"));
        assertThat(excepted.exposureScore()).isZero();
        Device unknown = device("u", "10.0.0.10", null, List.of(), List.of());
        assertThat(assessor.assess(List.of(unknown), List.of(), Map.of(), Map.of(), log(), Map.of()).devices().get("u").exposureLevel())
                .isEqualTo("No data");
    }

    @Test
    void aPlcOutOfRunModeIsReviewed() {
        Device plc = device("p", "10.0.0.20", "PLC", List.of(), List.of());
        OtProfile stopped = new OtProfile(1, "Basic Control", "deviceType=PLC", "stop", null, null, new TreeSet<>(), new TreeSet<>(), List.of());
        var p = assessor.assess(List.of(plc), List.of(), Map.of(), Map.of(), log(), Map.of("p", stopped)).devices().get("p");
        assertThat(p.recommendations()).extracting(RecommendationFinding::id).containsExactly("plc-operating-mode");
        assertThat(p.assetValue()).isEqualTo("High");
    }
}
