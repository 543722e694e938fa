package io.osprey.alert;

import io.osprey.dissect.Observation;
import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;
import io.osprey.inventory.NetworkLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.osprey.alert.Fixtures.device;
import static io.osprey.alert.Fixtures.log;
import static io.osprey.alert.Fixtures.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The enterprise IoT alerts: scans, devices outside their profile, threat intelligence. */
class EnterpriseAlertsTest {
    private final AlertEngine engine = new AlertEngine(AlertCatalogue.bundled());
    private final Device printer = device("10.0.0.20", "IoT", "Printer");
    private final Device laptop = device("10.0.0.3", "Endpoint", "Workstation");

    private static OperationLog connects(String client, int servers, int ports, long spacingSeconds) {
        List<Observation.Operation> ops = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < servers; s++) {
            for (int p = 0; p < ports; p++) {
                ops.add(op(client, "10.0." + (1 + s / 250) + "." + (1 + s % 250), "tcp", "connect",
                        Integer.toString(1000 + p), n++ * spacingSeconds));
            }
        }
        return log(ops.toArray(Observation.Operation[]::new));
    }

    private List<String> types(List<Alert> alerts) {
        return alerts.stream().map(Alert::definitionId).toList();
    }

    @Test
    void twentyFivePortsOfOneHostInTwoMinutesIsAPortScan() {
        assertThat(types(engine.evaluate(List.of(laptop), connects("10.0.0.3", 1, 25, 2), null))).containsExactly("port-scan");
        assertThat(engine.evaluate(List.of(laptop), connects("10.0.0.3", 1, 24, 2), null)).isEmpty();
        assertThat(engine.evaluate(List.of(laptop), connects("10.0.0.3", 1, 25, 10), null)).isEmpty(); // over 4 minutes
        Alert scan = engine.evaluate(List.of(laptop), connects("10.0.0.3", 1, 30, 1), null).getFirst();
        assertThat(scan.sourceDeviceId()).isEqualTo("dev-10.0.0.3");
        assertThat(scan.destinationDeviceId()).isEqualTo("10.0.1.1");
        assertThat(scan.count()).isEqualTo(25);
    }

    @Test
    void fiftyAddressesInTwoMinutesIsAnAddressScan() {
        assertThat(types(engine.evaluate(List.of(laptop), connects("10.0.0.3", 50, 1, 2), null))).containsExactly("address-scan");
        assertThat(engine.evaluate(List.of(laptop), connects("10.0.0.3", 49, 1, 2), null)).isEmpty();
    }

    @Test
    void multicastDiscoveryIsNoScan() {
        List<Observation.Operation> ops = new ArrayList<>();
        for (int i = 0; i < 60; i++) ops.add(op("10.0.0.3", "239.255.255." + (i + 1), "udp", "connect", "1900", i));
        assertThat(engine.evaluate(List.of(laptop), log(ops.toArray(Observation.Operation[]::new)), null)).isEmpty();
    }

    @Test
    void aPrinterLoggingInToSeveralHostsActsOutsideItsProfile() {
        var ssh = log(op("10.0.0.20", "10.0.0.5", "tcp", "connect", "22", 1), op("10.0.0.20", "10.0.0.6", "tcp", "connect", "445", 2),
                op("10.0.0.20", "10.0.0.7", "tcp", "connect", "22", 3));
        var alerts = engine.evaluate(List.of(printer, laptop), ssh, null);
        assertThat(types(alerts)).containsExactly("type-profile");
        assertThat(alerts.getFirst().sourceDeviceId()).isEqualTo("dev-10.0.0.20");
        // a workstation doing the same is doing its job; a printer reaching one host is below the threshold
        var laptopSsh = log(op("10.0.0.3", "10.0.0.5", "tcp", "connect", "22", 1), op("10.0.0.3", "10.0.0.6", "tcp", "connect", "22", 2),
                op("10.0.0.3", "10.0.0.7", "tcp", "connect", "22", 3), op("10.0.0.20", "10.0.0.5", "tcp", "connect", "22", 4));
        assertThat(engine.evaluate(List.of(printer, laptop), laptopSsh, null)).isEmpty();
    }

    @Test
    void indicatorsFromCsvAndStixMatchAddressesAndDomains(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("feed.csv"), "indicator,type,description\n203.0.113.7,ip,botnet C2\n\"evil.example\",domain,phishing\n");
        Path stix = Files.writeString(dir.resolve("bundle.json"), """
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "indicator", "id": "indicator--1", "name": "Emotet C2", "pattern_type": "stix",
                   "pattern": "[ipv4-addr:value = '198.51.100.9'] OR [domain-name:value = 'bad.test']"},
                  {"type": "domain-name", "id": "domain-name--2", "value": "worse.test"}]}
                """);
        Indicators indicators = new Indicators();
        assertThat(indicators.load(csv)).isEqualTo(2);
        assertThat(indicators.load(stix)).isEqualTo(3);
        Device browsing = new Device("dev-10.0.0.3", null, List.of("10.0.0.3"), null, null, "Endpoint", "Workstation",
                null, null, null, null, null, null, new TreeSet<>(), new TreeSet<>(), Fixtures.T0, Fixtures.T0, false,
                NetworkLocation.LOCAL, 1, 1, List.of(new Evidence("dns.query", "www.evil.example", "dns", 1.0),
                new Evidence("tls.sni", "good.example", "tls", 1.0)));
        var alerts = engine.evaluate(List.of(browsing), log(op("10.0.0.3", "203.0.113.7", "tcp", "connect", "443", 1),
                op("10.0.0.3", "198.51.100.9", "udp", "connect", "53", 2), op("10.0.0.3", "192.0.2.1", "tcp", "connect", "443", 3)),
                null, indicators);
        assertThat(types(alerts)).containsExactlyInAnyOrder("malicious-ip", "malicious-ip", "malicious-domain");
        assertThat(alerts).filteredOn(a -> a.definitionId().equals("malicious-domain")).singleElement()
                .satisfies(a -> assertThat(a.evidence().getFirst().detail()).contains("www.evil.example", "feed.csv", "phishing"));
    }

    @Test
    void aFeedThatIsNotOneIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "8.8.8.8\nnot an indicator!\n");
        assertThatThrownBy(() -> new Indicators().load(bad)).hasMessageContaining("bad.csv:2");
        Path notBundle = Files.writeString(dir.resolve("x.json"), "{\"type\": \"indicator\"}");
        assertThatThrownBy(() -> new Indicators().load(notBundle)).hasMessageContaining("not a STIX 2.1 bundle");
    }
}
