package io.osprey.dissect.fox;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.osprey.dissect.fox.FoxWire.S;
import static io.osprey.dissect.fox.FoxWire.STATION;
import static io.osprey.dissect.fox.FoxWire.W;
import static io.osprey.dissect.fox.FoxWire.WORKBENCH;
import static io.osprey.dissect.fox.FoxWire.exchange;
import static io.osprey.dissect.fox.FoxWire.fromStation;
import static io.osprey.dissect.fox.FoxWire.fromWorkbench;
import static io.osprey.dissect.fox.FoxWire.message;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static org.assertj.core.api.Assertions.assertThat;

/** Fox hellos, from the real capture (ITI ICS-Security-Tools, CC-BY-4.0) and hand-built. */
class FoxDissectorTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps", "ics-iti", "niagara-fox");

    @Test
    void workbenchHelloAndStationHelloFromTheCapture() {
        // tshark -r fox_info.pcap -T fields -e tcp.payload, decoded: frame 4 (client hello) and frame 6 (station
        // hello); frame 9 is a challenge and says nothing of the hosts. GROUND_TRUTH: Workbench 3.7.44 on Windows XP
        // 'xpvm-0omdc01xmy' and the station's reply.
        FoxDissector d = new FoxDissector();
        Observed o = new Observed(d).capture(FoxWire.fixture("workbench-hello-niagara-station-qnx.pcap"));
        String workbench = "d0:5f:b8:d2:78:fc/10.1.3.4 ";
        String station = "00:19:07:24:3c:ca/106.68.88.119 ";
        assertThat(o.facts()).containsExactly(
                station + "fox.appName=Station",
                station + "fox.appVersion=3.5.41.1",
                station + "fox.brandId=vykon",
                station + "fox.hostAddress=192.168.2.15",
                station + "fox.hostId=Qnx-NPM6-0000-1490-C30C",
                station + "fox.hostName=192.168.2.15",
                station + "fox.osName=QNX",
                station + "fox.osVersion=6.3.2",
                station + "fox.role=server",
                station + "fox.stationName=Legion_HQ_V4",
                station + "fox.vmName=J9",
                station + "fox.vmVersion=2.3",
                workbench + "fox.appName=Workbench",
                workbench + "fox.appVersion=3.7.44",
                workbench + "fox.brandId=vykon",
                workbench + "fox.hostAddress=192.168.1.125",
                workbench + "fox.hostId=Win-99CB-D49D-5442-07BB",
                workbench + "fox.hostName=xpvm-0omdc01xmy",
                workbench + "fox.osName=Windows XP",
                workbench + "fox.osVersion=5.1",
                workbench + "fox.role=client",
                workbench + "fox.vmName=Java HotSpot(TM) Server VM",
                workbench + "fox.vmVersion=20.4-b02");
        assertThat(o.services()).containsExactly("106.68.88.119 1911/tcp fox");
        assertThat(d.malformed()).isZero();
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void sharedCaptureGivesTheGroundTruthWorkbench() {
        Path file = SHARED.resolve("fox_info.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared pcaps absent: skipped");
        Observed o = new Observed(new FoxDissector()).capture(file);
        assertThat(o.values(FoxAttributes.HOST_NAME)).contains("xpvm-0omdc01xmy");
        assertThat(o.values(FoxAttributes.APP_VERSION)).contains("3.7.44");
        assertThat(o.values(FoxAttributes.OS_NAME)).contains("Windows XP");
    }

    @Test
    void onlyStringValuesOfHellosAreReportedTrimmedAndEscaped() {
        Observed o = exchange(
                fromWorkbench(message(1, "fox hello", "id=i:1", "hostName=s:  eng-ws \r", "app.name=s:Work\tbench",
                        "brandId=s:", "os.name=b:3[abc]", "secret=s:nothing")),
                fromStation(message(2, "fox challenge", "station.name=s:NotAHello")));
        assertThat(o.facts()).containsExactly(
                S + "fox.role=server",
                W + "fox.appName=Work\\009bench",
                W + "fox.hostName=eng-ws",
                W + "fox.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 1911/tcp fox");
    }

    @Test
    void foxOnAnotherPortIsFoundByItsFirstLine() {
        // stations are sometimes moved off 1911; the flow's first payload decides (heuristic dispatch)
        Observed o = exchange(
                WORKBENCH.tcp(40000, 3011, PSH | ACK, message(1, "fox hello", "app.name=s:Workbench")),
                STATION.tcp(3011, 40000, PSH | ACK, message(1, "fox hello", "app.name=s:Station",
                        "station.name=s:AHU_Plant")));
        assertThat(o.facts()).containsExactly(
                S + "fox.appName=Station",
                S + "fox.role=server",
                S + "fox.stationName=AHU_Plant",
                W + "fox.appName=Workbench",
                W + "fox.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 3011/tcp fox");
    }

    @Test
    void valuesAreCappedAndReportedOnce() {
        String longName = "x".repeat(500);
        byte[] hello = message(1, "fox hello", "hostName=s:" + longName);
        Observed o = exchange(fromWorkbench(hello), fromWorkbench(hello));
        assertThat(o.values(FoxAttributes.HOST_NAME)).containsExactly("x".repeat(FoxDissector.MAX_VALUE_LENGTH));
        assertThat(o.attributes(FoxAttributes.HOST_NAME)).hasSize(1);
    }

    @Test
    void otherProtocolsOnThePortAndOverlongHeadersSayNothing() {
        FoxDissector d = new FoxDissector();
        Observed o = new Observed(d);
        o.feed(WORKBENCH, fromWorkbench("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        o.feed(WORKBENCH, fromWorkbench(("fox a " + "9".repeat(100) + " fox hello\nhostName=s:x\n")
                .getBytes(StandardCharsets.US_ASCII)));
        assertThat(o.values(FoxAttributes.HOST_NAME)).isEmpty();
        assertThat(d.malformed()).isEqualTo(1);
    }
}
