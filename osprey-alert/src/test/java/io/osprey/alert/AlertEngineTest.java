package io.osprey.alert;

import io.osprey.inventory.Device;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.alert.Fixtures.device;
import static io.osprey.alert.Fixtures.log;
import static io.osprey.alert.Fixtures.op;
import static org.assertj.core.api.Assertions.assertThat;

class AlertEngineTest {
    private final AlertEngine engine = new AlertEngine(AlertCatalogue.bundled());
    private final Device hmi = device("10.0.0.2", "OT", "HMI");
    private final Device plc = device("10.0.0.10", "OT", "PLC", "4.1");
    private final List<Device> devices = List.of(hmi, plc);

    private List<String> types(List<Alert> alerts) {
        return alerts.stream().map(Alert::definitionId).toList();
    }

    private Baseline learned(OperationLog log) {
        return BaselineLearner.learn(new Baseline(), devices, log);
    }

    @Test
    void aDownloadWithoutABaselineIsUnauthorisedAndCarriesItsEvidence() {
        var alerts = engine.evaluate(devices, log(
                op("10.0.0.2", "10.0.0.10", "s7", "request-download", "function=0x1a", 5),
                op("10.0.0.2", "10.0.0.10", "s7", "download-block", "function=0x1b", 6),
                op("10.0.0.2", "10.0.0.10", "s7", "download-block", "function=0x1b", 7)), null);
        assertThat(alerts).hasSize(1);
        Alert a = alerts.getFirst();
        assertThat(a.title()).isEqualTo("Unauthorized PLC Program Download");
        assertThat(a.severity()).isEqualTo("Critical");
        assertThat(a.engine()).isEqualTo("Policy Violation");
        assertThat(a.attackTechniques()).contains("T0843");
        assertThat(a.sourceDeviceId()).isEqualTo("dev-10.0.0.2");
        assertThat(a.destinationDeviceId()).isEqualTo("dev-10.0.0.10");
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.firstSeenNanos()).isEqualTo(Fixtures.T0 + 5 * Fixtures.SECOND);
        assertThat(a.lastSeenNanos()).isEqualTo(Fixtures.T0 + 7 * Fixtures.SECOND);
        assertThat(a.evidence()).extracting(AlertEvidence::operation)
                .containsExactly("request-download", "download-block", "download-block");
        assertThat(a.remediation()).isNotBlank();
        assertThat(a.baselineKey()).isEqualTo("authorized|dev-10.0.0.2|dev-10.0.0.10|plc-program-download");
    }

    @Test
    void anAuthorisedProgrammerIsNotAlertedButAStopAlwaysIs() {
        var learning = log(op("10.0.0.2", "10.0.0.10", "s7", "download-block", "function=0x1b", 1),
                op("10.0.0.2", "10.0.0.10", "s7", "plc-stop", "function=0x29", 2));
        var monitored = log(op("10.0.0.2", "10.0.0.10", "s7", "download-block", "function=0x1b", 100),
                op("10.0.0.2", "10.0.0.10", "s7", "plc-stop", "function=0x29", 101),
                op("10.0.0.99", "10.0.0.10", "s7", "download-block", "function=0x1b", 102));
        var alerts = engine.evaluate(devices, monitored, learned(learning));
        assertThat(types(alerts)).containsExactlyInAnyOrder("plc-stop", "plc-program-download");
        assertThat(alerts).filteredOn(a -> a.definitionId().equals("plc-program-download"))
                .extracting(Alert::sourceDeviceId).containsExactly("10.0.0.99");
    }

    @Test
    void functionCodesAndAddressRangesAreCheckedOnlyAgainstABaseline() {
        var learning = log(op("10.0.0.2", "10.0.0.10", "modbus", "fc-3", "unit=1 start=0 count=10", 1));
        var monitored = log(op("10.0.0.2", "10.0.0.10", "modbus", "fc-3", "unit=1 start=2 count=5", 100),
                op("10.0.0.2", "10.0.0.10", "modbus", "fc-3", "unit=1 start=100 count=4", 101),
                op("10.0.0.2", "10.0.0.10", "modbus", "fc-6", "unit=1 start=3 count=1", 102));
        assertThat(engine.evaluate(devices, monitored, null)).isEmpty(); // benign polling, no baseline: nothing
        var alerts = engine.evaluate(devices, monitored, learned(learning));
        assertThat(types(alerts)).containsExactlyInAnyOrder("modbus-address-range", "modbus-unpermitted-function");
        Alert range = alerts.stream().filter(a -> a.definitionId().equals("modbus-address-range")).findFirst().orElseThrow();
        assertThat(range.evidence().getFirst().detail()).isEqualTo("unit=1 start=100 count=4");
    }

    @Test
    void learningAnAlertSilencesItAndMutingRemovesIt() {
        Baseline baseline = learned(log(op("10.0.0.2", "10.0.0.10", "modbus", "fc-3", "unit=1 start=0 count=10", 1)));
        var monitored = log(op("10.0.0.2", "10.0.0.10", "modbus", "fc-16", "unit=1 start=0 count=2", 100),
                op("10.0.0.2", "10.0.0.10", "modbus", "fc-0", "unit=1", 101));
        var alerts = engine.evaluate(devices, monitored, baseline);
        assertThat(types(alerts)).containsExactlyInAnyOrder("modbus-unpermitted-function", "modbus-function-zero");
        Alert unpermitted = alerts.stream().filter(a -> a.baselineKey() != null).findFirst().orElseThrow();
        Alert illegal = alerts.stream().filter(a -> a.baselineKey() == null).findFirst().orElseThrow();
        baseline.learn(unpermitted.baselineKey());
        baseline.mute(illegal.alertId());
        assertThat(engine.evaluate(devices, monitored, baseline)).isEmpty();
    }

    @Test
    void newAssetsNewActivityFirmwareAndModeChangesAreDeviationsFromTheBaseline() {
        Baseline baseline = BaselineLearner.learn(new Baseline(), List.of(hmi, device("10.0.0.10", "OT", "PLC", "4.0")),
                log(op("10.0.0.2", "10.0.0.10", "cip", "cip", "service=Get_Attribute_List class=0x02", 1),
                        op("10.0.0.2", "10.0.0.10", "s7", "mode", "run", 2)));
        Device newcomer = device("10.0.0.50", "IoT", "IP Camera");
        var monitored = log(op("10.0.0.2", "10.0.0.10", "cip", "cip", "service=Get_Attribute_List class=0x02", 100),
                op("10.0.0.2", "10.0.0.10", "cip", "cip", "service=Set_Attribute_Single class=0x01", 101),
                op("10.0.0.2", "10.0.0.10", "s7", "mode", "stop", 102));
        var alerts = engine.evaluate(List.of(hmi, plc, newcomer), monitored, baseline);
        assertThat(types(alerts)).containsExactlyInAnyOrder("new-asset", "new-activity", "firmware-change", "plc-mode-change");
        assertThat(alerts).filteredOn(a -> a.definitionId().equals("firmware-change"))
                .flatExtracting(Alert::evidence).extracting(AlertEvidence::detail).containsExactly("learned=4.0 now=4.1");
        assertThat(alerts).filteredOn(a -> a.definitionId().equals("plc-mode-change"))
                .flatExtracting(Alert::evidence).extracting(AlertEvidence::detail).containsExactly("from=run to=stop");
    }

    @Test
    void aModeChangeWithinOneRunNeedsNoBaseline() {
        var alerts = engine.evaluate(devices, log(op("10.0.0.2", "10.0.0.10", "s7", "mode", "run", 1),
                op("10.0.0.2", "10.0.0.10", "s7", "mode", "stop", 50)), null);
        assertThat(types(alerts)).containsExactly("plc-mode-change");
    }

    @Test
    void aPlcScanIsTenControllersWithinTwoMinutes() {
        List<io.osprey.dissect.Observation.Operation> fast = new ArrayList<>(), slow = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fast.add(op("10.0.0.66", "10.0.1." + (i + 1), "tcp", "connect", "502", i * 5L));
            slow.add(op("10.0.0.66", "10.0.1." + (i + 1), "tcp", "connect", "502", i * 60L));
        }
        var alerts = engine.evaluate(devices, log(fast.toArray(io.osprey.dissect.Observation.Operation[]::new)), null);
        assertThat(types(alerts)).containsExactly("plc-scan");
        assertThat(alerts.getFirst().count()).isEqualTo(10);
        assertThat(alerts.getFirst().sourceDeviceId()).isEqualTo("10.0.0.66");
        assertThat(engine.evaluate(devices, log(slow.toArray(io.osprey.dissect.Observation.Operation[]::new)), null)).isEmpty();
        assertThat(engine.evaluate(devices, log(fast.subList(0, 9).toArray(io.osprey.dissect.Observation.Operation[]::new)), null)).isEmpty();
    }

    @Test
    void onlyOtDevicesTalkingToTheInternetAreAlerted() {
        Device laptop = device("10.0.0.3", "Endpoint", "Workstation");
        var alerts = engine.evaluate(List.of(hmi, plc, laptop), log(
                op("10.0.0.10", "8.8.8.8", "udp", "connect", "53", 1),
                op("10.0.0.3", "8.8.8.8", "udp", "connect", "53", 2),
                op("10.0.0.10", "10.0.0.2", "tcp", "connect", "443", 3)), null);
        assertThat(types(alerts)).containsExactly("internet-connectivity");
        assertThat(alerts.getFirst().sourceDeviceId()).isEqualTo("dev-10.0.0.10");
        assertThat(alerts.getFirst().evidence().getFirst().to()).isEqualTo("8.8.8.8");
    }

    @Test
    void thresholdsCountWithinTheirWindow() {
        var twoRestarts = log(op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 1),
                op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 100));
        assertThat(engine.evaluate(devices, twoRestarts, null)).isEmpty();
        var threeRestarts = log(op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 1),
                op("10.0.0.2", "10.0.0.10", "dnp3", "fc-13", "function=cold-restart outstation=4", 100),
                op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 200));
        assertThat(types(engine.evaluate(devices, threeRestarts, null))).containsExactly("outstation-restarts");
        var spread = log(op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 1),
                op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 4000),
                op("10.0.0.2", "10.0.0.10", "dnp3", "device-restart", "outstation=4", 8000));
        assertThat(engine.evaluate(devices, spread, null)).isEmpty();
        List<io.osprey.dissect.Observation.Operation> malformed = new ArrayList<>();
        for (int i = 0; i < 9; i++) malformed.add(op("10.0.0.2", "10.0.0.10", "iec104", "malformed", "", i));
        assertThat(engine.evaluate(devices, log(malformed.toArray(io.osprey.dissect.Observation.Operation[]::new)), null)).isEmpty();
        malformed.add(op("10.0.0.2", "10.0.0.10", "iec104", "malformed", "", 9));
        assertThat(types(engine.evaluate(devices, log(malformed.toArray(io.osprey.dissect.Observation.Operation[]::new)), null)))
                .containsExactly("malformed-packets");
    }

    @Test
    void alertIdsAreStableAcrossRunsAndDistinctAcrossPairs() {
        var once = engine.evaluate(devices, log(op("10.0.0.2", "10.0.0.10", "s7", "plc-stop", "function=0x29", 1),
                op("10.0.0.3", "10.0.0.10", "s7", "plc-stop", "function=0x29", 2)), null);
        var again = engine.evaluate(devices, log(op("10.0.0.2", "10.0.0.10", "s7", "plc-stop", "function=0x29", 500),
                op("10.0.0.3", "10.0.0.10", "s7", "plc-stop", "function=0x29", 501)), null);
        assertThat(once).extracting(Alert::alertId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(again.stream().map(Alert::alertId).toList());
        assertThat(once.getFirst().alertId()).matches("OA-[0-9a-f]{12}");
    }

    @Test
    void aPollingIntervalFarFromTheLearnedOneIsAnAnomaly() {
        Baseline baseline = learned(log(op("10.0.0.2", "10.0.0.10", "modbus", "fc-3", "unit=1 start=0 count=10", 1),
                op("10.0.0.2", "10.0.0.10", "modbus", "polling", "fc-3 unit=1 start=0 count=10 every=1.000s n=600", 600)));
        assertThat(baseline.polling(Baseline.pollingKey("dev-10.0.0.2", "dev-10.0.0.10", "modbus", "fc-3 unit=1 start=0 count=10")))
                .isEqualTo(1.0);
        var close = log(op("10.0.0.2", "10.0.0.10", "modbus", "polling", "fc-3 unit=1 start=0 count=10 every=1.400s n=400", 900));
        assertThat(engine.evaluate(devices, close, baseline)).isEmpty();
        var flood = log(op("10.0.0.2", "10.0.0.10", "modbus", "polling", "fc-3 unit=1 start=0 count=10 every=0.010s n=60000", 900));
        var alerts = engine.evaluate(devices, flood, baseline);
        assertThat(types(alerts)).containsExactly("polling-change");
        baseline.learn(alerts.getFirst().baselineKey());
        assertThat(engine.evaluate(devices, flood, baseline)).isEmpty();
        assertThat(Baseline.fromJson(baseline.toJson()).toJson()).isEqualTo(baseline.toJson());
    }
}
