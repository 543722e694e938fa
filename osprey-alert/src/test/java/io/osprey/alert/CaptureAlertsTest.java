package io.osprey.alert;

import io.osprey.dissect.Observation;
import io.osprey.dissect.PacketPipeline;
import io.osprey.inventory.Device;
import io.osprey.inventory.DeviceInventory;
import io.osprey.inventory.oui.OuiRegistry;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.flow.FlowTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts of real OT captures (../shared/data/pcaps/ics-iti, CC-BY-4.0, read in place): the programming, stop and
 * malformed captures raise the right alerts, and benign polling raises none.
 */
class CaptureAlertsTest {
    private static final Path ICS = Path.of("..", "..", "shared", "data", "pcaps", "ics-iti");
    private final AlertEngine engine = new AlertEngine(AlertCatalogue.bundled());

    record Scan(List<Device> devices, OperationLog log) {}

    static Scan scan(String capture) throws IOException {
        Path file = ICS.resolve(capture);
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent: skipped");
        DeviceInventory inventory = new DeviceInventory(OuiRegistry.bundled()::vendor);
        OperationLog log = new OperationLog();
        PacketPipeline pipeline = new PacketPipeline(PacketPipeline.discoverDissectors(), new FlowTable(), o -> {
            if (o instanceof Observation.Operation op) log.add(op);
            else inventory.accept(o);
        });
        try (CaptureSource source = Captures.open(file)) {
            while (source.read(pipeline, 4096) >= 0) {
                // to the end
            }
        }
        pipeline.finish();
        return new Scan(inventory.snapshot(), log);
    }

    private List<String> titles(String capture) throws IOException {
        Scan s = scan(capture);
        return engine.evaluate(s.devices(), s.log(), null).stream().map(Alert::title).toList();
    }

    @Test
    void aStep7DownloadIsAnUnauthorizedDownloadAndProgramming() throws IOException {
        Scan s = scan("s7/step7_s300_download.pcapng");
        var alerts = engine.evaluate(s.devices(), s.log(), null);
        assertThat(alerts).extracting(Alert::title)
                .containsExactly("Unauthorized PLC Program Download", "Unauthorized PLC Programming");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.sourceDeviceId()).isEqualTo("mac-00ffe60f408d"); // the engineering station
            assertThat(a.destinationDeviceId()).isEqualTo("mac-00ffe70f408d"); // the S7-300
        });
        Map<String, OtProfile> ot = new OtProfiles(AlertCatalogue.bundled()).build(s.devices(), s.log());
        assertThat(ot.get("mac-00ffe70f408d").programmedBy()).containsExactly("mac-00ffe60f408d");
        assertThat(ot.get("mac-00ffe60f408d").programs()).containsExactly("mac-00ffe70f408d");
    }

    @Test
    void snap7UploadsStopsAndRestartsTheCpu() throws IOException {
        assertThat(titles("s7/snap7_s300_everything.pcapng")).containsExactlyInAnyOrder(
                "Unauthorized PLC Program Upload", "PLC Stop Command", "Unauthorized PLC Programming", "PLC Start Command");
    }

    @Test
    void dnp3StopApplicationAndColdRestartsAreRaised() throws IOException {
        assertThat(titles("dnp3/dnp3_test_data_part1.pcap")).containsExactlyInAnyOrder(
                "PLC Stop Command", "Outstation Restarts Frequently");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s7/s7-1200-hmi.pcap", "s7/s7comm_reading_plc_status.pcap", "enip/enip_test.pcap",
        "bacnet/bacnet_test.pcap", "omron-fins/omron_test.pcap", "melsec/melsoft_UDP_clean_2.pcap",
        "niagara-fox/fox_info.pcap", "c37118/C37.118_1PMU_UDP.pcap", "beckhoff-ads/beckoffiplinktc3.pcapng",
        "hart-ip/hart_ip.pcap", "iec61850/GOOSE.pcap", "iec61850/Sample_File_MMS_and_GOOSE.pcap",
        "profinet/PROFINET-RT.pcap"})
    void benignTrafficRaisesNothing(String capture) throws IOException {
        // SNMP v1/v2c communities in clear are a real finding in some of these, and no OT alert
        assertThat(titles(capture)).allMatch(t -> t.equals("Cleartext Credentials Observed"));
    }

    @Test
    void theIec61850SampleSendsSnmpCommunitiesInClear() throws IOException {
        Scan s = scan("iec61850/Sample_File_MMS_and_GOOSE.pcap");
        var alerts = engine.evaluate(s.devices(), s.log(), null);
        assertThat(alerts).extracting(Alert::definitionId).containsOnly("cleartext-credentials");
        assertThat(alerts).flatExtracting(Alert::evidence).extracting(AlertEvidence::detail)
                .allMatch(d -> d.startsWith("protocol=snmp version="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"modbus/modbus_test_data_part1.pcap", "s7/snap7_s300_everything.pcapng",
        "enip/EIP-SoftwareUpload.pcap", "iec104/TestDissectIec104.pcap", "dnp3/dnp3_test_data_part1.pcap"})
    void aCaptureMonitoredAgainstItsOwnBaselineDeviatesInNothing(String capture) throws IOException {
        Scan s = scan(capture);
        Baseline baseline = BaselineLearner.learn(new Baseline(), s.devices(), s.log());
        Baseline reread = Baseline.fromJson(baseline.toJson());
        // what remains are alerts raised whatever the baseline says (a stop, an exception), which cannot be learned
        assertThat(engine.evaluate(s.devices(), s.log(), reread)).allSatisfy(a -> assertThat(a.baselineKey()).as(a.title()).isNull());
    }
}
