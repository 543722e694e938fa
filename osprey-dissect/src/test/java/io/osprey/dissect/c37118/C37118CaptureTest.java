package io.osprey.dissect.c37118;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PDC (192.168.0.10) and a GE PMU (192.168.0.60) over UDP (ITI ICS-Security-Tools capture, CC-BY-4.0). Values are
 * what {@code tshark -r F -Y 'synphasor.frtype != 0' -V} (Wireshark 4.0) shows: commands "data transmission off"
 * (frames 1, 361), "send CFG-2 frame" (2), "data transmission on" (4); the CFG-2 frame (3) with IDCODE 60, one PMU,
 * station "PMU1            " and data source ID 61; version 1 (C37.118-2005) throughout.
 */
class C37118CaptureTest {

    @Test
    void aPdcCommandsAGePmuWhichSendsItsConfigurationAndData() {
        Observed o = new Observed(new C37118Dissector()).capture(C37118Frames.fixture("ge-pmu-udp-config2-commands.pcap"));
        String pdc = "00:1d:60:63:85:40/192.168.0.10 ", pmu = "00:a0:f4:01:a3:48/192.168.0.60 ";
        assertThat(o.facts()).containsExactly(
                pdc + "c37118.frameType=command",
                pdc + "c37118.function=data-off",
                pdc + "c37118.function=data-on",
                pdc + "c37118.function=send-config-2",
                pdc + "c37118.role=client",
                pdc + "c37118.version=2005",
                pmu + "c37118.frameType=config-2",
                pmu + "c37118.frameType=data",
                pmu + "c37118.idCode=60",
                pmu + "c37118.pmuCount=1",
                pmu + "c37118.pmuIdCode=61",
                pmu + "c37118.role=server",
                pmu + "c37118.stationName=PMU1",
                pmu + "c37118.version=2005");
        assertThat(o.services()).containsExactly("192.168.0.60 4713/udp c37118");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void thePdcsDataOffDataOnAndConfigurationCommandsAreEachReported() {
        // tshark -O synphasor: four command frames from 192.168.0.10 to 192.168.0.60, IDCODE 60: data transmission
        // off (twice), send CFG-2, data transmission on
        Observed o = new Observed(new C37118Dissector())
                .capture(C37118Frames.fixture("ge-pmu-udp-config2-commands.pcap"));
        String pair = "00:1d:60:63:85:40/192.168.0.10 > 00:a0:f4:01:a3:48/192.168.0.60 c37118:";
        assertThat(o.operations()).containsExactlyInAnyOrder(pair + "data-off idcode=60", pair + "data-off idcode=60",
                pair + "send-config-2 idcode=60", pair + "data-on idcode=60");
    }
}
