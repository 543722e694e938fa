package io.osprey.alert;

import io.osprey.dissect.Observation;
import io.osprey.inventory.Device;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.alert.Fixtures.device;
import static io.osprey.alert.Fixtures.log;
import static io.osprey.alert.Fixtures.op;
import static org.assertj.core.api.Assertions.assertThat;

/** ARP scans and spoofing, rogue DHCP servers, login attacks and cleartext credentials, from dissector operations. */
class NetworkAttacksTest {
    private final AlertEngine engine = new AlertEngine(AlertCatalogue.bundled());
    private final Device laptop = device("10.0.0.3", "Endpoint", "Workstation");
    private final Device server = device("10.0.0.4", "Endpoint", "Server");

    private List<String> types(List<Alert> alerts) {
        return alerts.stream().map(Alert::definitionId).toList();
    }

    private static OperationLog many(int n, long spacing, java.util.function.IntFunction<Observation.Operation> op) {
        List<Observation.Operation> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) ops.add(op.apply(i));
        return log(ops.toArray(Observation.Operation[]::new));
    }

    @Test
    void fiftyArpRequestsForDifferentAddressesIsAnArpScan() {
        var scan = many(50, 1, i -> op("10.0.0.3", "10.0.1." + (i + 1), "arp", "who-has", "10.0.1." + (i + 1), i));
        assertThat(types(engine.evaluate(List.of(laptop), scan, null))).containsExactly("arp-scan");
        var normal = many(49, 1, i -> op("10.0.0.3", "10.0.1." + (i + 1), "arp", "who-has", "10.0.1." + (i + 1), i));
        assertThat(engine.evaluate(List.of(laptop), normal, null)).isEmpty();
    }

    @Test
    void anAddressClaimedBackAndForthIsSpoofedButAReleaseIsNot() {
        var flipFlop = log(op("10.0.0.66", "10.0.0.66", "arp", "claim", "ip=10.0.0.1 mac=02:00:00:00:00:66 previous=00:11:22:33:44:55", 10),
                op("10.0.0.1", "10.0.0.1", "arp", "claim", "ip=10.0.0.1 mac=00:11:22:33:44:55 previous=02:00:00:00:00:66", 20));
        var alerts = engine.evaluate(List.of(laptop), flipFlop, null);
        assertThat(types(alerts)).containsExactly("arp-spoofing");
        assertThat(alerts.getFirst().severity()).isEqualTo("Critical");
        assertThat(alerts.getFirst().destinationDeviceId()).isEqualTo("10.0.0.1");
        var release = log(op("10.0.0.66", "10.0.0.66", "arp", "claim", "ip=10.0.0.9 mac=02:00:00:00:00:66 previous=00:11:22:33:44:55", 10));
        assertThat(engine.evaluate(List.of(laptop), release, null)).isEmpty();
    }

    @Test
    void aSecondDhcpServerIsRogueUnlessTheBaselineKnowsIt() {
        List<Observation.Operation> ops = new ArrayList<>();
        for (int i = 0; i < 5; i++) ops.add(op("10.0.0." + (20 + i), "10.0.0.1", "dhcp", "offer", "server-id=10.0.0.1 router=10.0.0.1", i));
        ops.add(op("10.0.0.30", "10.0.0.66", "dhcp", "offer", "server-id=10.0.0.66 router=10.0.0.66", 10));
        var alerts = engine.evaluate(List.of(laptop), log(ops.toArray(Observation.Operation[]::new)), null);
        assertThat(types(alerts)).containsExactly("rogue-dhcp");
        assertThat(alerts.getFirst().sourceDeviceId()).isEqualTo("10.0.0.66");
        // learned while only the router served, then the second server learned from its alert
        Baseline baseline = BaselineLearner.learn(new Baseline(), List.of(laptop), log(ops.subList(0, 5).toArray(Observation.Operation[]::new)));
        assertThat(engine.evaluate(List.of(laptop), log(ops.toArray(Observation.Operation[]::new)), baseline))
                .extracting(Alert::definitionId).contains("rogue-dhcp");
        baseline.learn(alerts.getFirst().baselineKey());
        assertThat(engine.evaluate(List.of(laptop), log(ops.toArray(Observation.Operation[]::new)), baseline))
                .extracting(Alert::definitionId).doesNotContain("rogue-dhcp");
        var one = log(op("10.0.0.20", "10.0.0.1", "dhcp", "ack", "server-id=10.0.0.1 router=10.0.0.1", 1));
        assertThat(engine.evaluate(List.of(laptop), one, null)).isEmpty();
    }

    @Test
    void twentySshSessionsInAMinuteAreExcessiveAndTenFailuresArePasswordGuessing() {
        var sessions = many(20, 2, i -> op("10.0.0.3", "10.0.0.4", "ssh", "session", "port=22", i * 2L));
        assertThat(types(engine.evaluate(List.of(laptop, server), sessions, null))).containsExactly("excessive-logins");
        var fewer = many(19, 2, i -> op("10.0.0.3", "10.0.0.4", "ssh", "session", "port=22", i * 2L));
        assertThat(engine.evaluate(List.of(laptop, server), fewer, null)).isEmpty();
        var failures = many(10, 30, i -> op("10.0.0.3", "10.0.0.4", "ftp", "login-failed", "protocol=ftp", i * 30L));
        assertThat(types(engine.evaluate(List.of(laptop, server), failures, null))).containsExactly("password-guessing");
    }

    @Test
    void cleartextCredentialsAreRaisedOncePerPairAndNeverCarryTheSecret() {
        var creds = log(op("10.0.0.3", "10.0.0.4", "ftp", "cleartext-credentials", "protocol=ftp user-seen=true", 1),
                op("10.0.0.3", "10.0.0.4", "http", "cleartext-credentials", "protocol=http scheme=basic", 2));
        var alerts = engine.evaluate(List.of(laptop, server), creds, null);
        assertThat(types(alerts)).containsExactly("cleartext-credentials");
        assertThat(alerts.getFirst().count()).isEqualTo(2);
        assertThat(alerts.getFirst().evidence()).extracting(AlertEvidence::detail)
                .containsExactly("protocol=ftp user-seen=true", "protocol=http scheme=basic");
    }

    @Test
    void itProtocolsAreNoOtActivity() {
        Baseline baseline = BaselineLearner.learn(new Baseline(), List.of(laptop, server), log());
        var it = log(op("10.0.0.3", "10.0.0.4", "dns", "query", "example.com", 1), op("10.0.0.3", "10.0.0.4", "http", "get", "", 2));
        assertThat(engine.evaluate(List.of(laptop, server), it, baseline)).isEmpty();
    }
}
