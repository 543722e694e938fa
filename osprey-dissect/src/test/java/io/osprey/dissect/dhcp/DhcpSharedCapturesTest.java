package io.osprey.dissect.dhcp;

import io.osprey.dissect.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The captures of ../shared/data/pcaps that are not copied into the project (skipped when the folder is
 * absent). Expected values are tshark 4.0.17's, and GROUND_TRUTH.md's for the IoT Sentinel devices.
 */
class DhcpSharedCapturesTest {
    static final Path PCAPS = Path.of("..", "..", "shared", "data", "pcaps");

    @BeforeAll
    static void sharedDataPresent() {
        assumeTrue(Files.isDirectory(PCAPS), PCAPS.toAbsolutePath() + " absent: skipped");
    }

    static ObservationLog read(String capture) throws IOException {
        ObservationLog log = new ObservationLog(new DhcpDissector()).read(PCAPS.resolve(capture));
        assertThat(log.pipeline.dissectorFailures()).isEmpty();
        return log;
    }

    @Test
    void rfc3004UserClassInstances() throws IOException {
        ObservationLog log = read("tcpdump/dhcp-rfc3004.pcap");
        String vm = "00:0c:29:1f:74:06";
        assertThat(log.lines()).contains(
                vm + " dhcp.userClass=subopt1,subopt2-123456789,subopt3-12",
                vm + " dhcp.parameterRequestList=1,28,2,3,15,6,12",
                vm + " dhcp.requestedIp=192.168.1.4",
                "service 00:10:18:00:00:00/192.168.1.1 udp/67 dhcp",
                "binding " + vm + " 192.168.1.4");
    }

    @Test
    void windowsXpClient() throws IOException {
        ObservationLog log = read("tcpdump/eapon1.pcap");
        String pc = "00:04:23:57:a5:7a";
        assertThat(log.lines()).contains(
                pc + " dhcp.hostname=DJP95S0J",
                pc + " dhcp.vendorClass=MSFT 5.0",
                pc + " dhcp.parameterRequestList=1,15,3,6,44,46,47,31,33,249,43",
                pc + " dhcp.clientId=01000423" + "57a57a",
                pc + " dhcp.options=53,116,61,50,12,60,55",
                pc + " dhcp.messageType=RELEASE");
    }

    @Test
    void clientNamedByChaddrEvenWhenTheFrameComesFromAnotherMac() throws IOException {
        // Frame source 00:0a:28:00:fa:41, chaddr and client id 00:0b:82:01:fc:42 (RFC 2131 §2: chaddr is the client).
        ObservationLog log = read("zeek/dhcp_discover_param_req_and_client_id.pcap");
        String client = "00:0b:82:01:fc:42";
        assertThat(log.lines()).containsExactly(
                client + " protocol=dhcp",
                client + " dhcp.messageType=DISCOVER",
                client + " dhcp.hostname=test0000",
                client + " dhcp.parameterRequestList=1,3,6,42",
                client + " dhcp.clientId=01000b8201fc42",
                client + " dhcp.requestedIp=208.67.222.222",
                client + " dhcp.options=53,61,50,55,12");
    }

    @Test
    void informAndItsAck() throws IOException {
        ObservationLog log = read("zeek/dhcp_inform.pcap");
        assertThat(log.lines()).contains(
                "90:b1:1c:99:49:29 dhcp.messageType=INFORM",
                "90:b1:1c:99:49:29 dhcp.parameterRequestList=1",
                "binding 90:b1:1c:99:49:29 128.2.6.122",
                // a unicast answer to ciaddr: the server's MAC is not claimed
                "service 128.2.6.152 udp/67 dhcp");
    }

    @Test
    void popOsLaptop() throws IOException {
        ObservationLog log = read("zeek/dhcp_time_and_nameserver.pcap");
        assertThat(log.lines()).contains(
                "00:90:f5:91:cd:1f dhcp.hostname=pop-os",
                "00:90:f5:91:cd:1f dhcp.parameterRequestList=1,28,2,3,15,6,119,12,44,47,26,121,42,4,5,249,33,252",
                "service 00:1f:d0:85:d9:8b/192.168.15.101 udp/67 dhcp",
                "binding 00:90:f5:91:cd:1f 192.168.15.250");
    }

    @Test
    void androidPhoneAndMac() throws IOException {
        ObservationLog log = read("ndpi/android.pcap");
        assertThat(log.lines()).contains(
                "4c:6a:f6:9f:f6:27 dhcp.vendorClass=android-dhcp-9",
                "4c:6a:f6:9f:f6:27 dhcp.parameterRequestList=1,3,6,15,26,28,51,58,59,43",
                "binding 4c:6a:f6:9f:f6:27 192.168.2.16",
                "service c6:2c:03:60:6a:64/192.168.2.1 udp/67 dhcp",
                "d8:30:62:56:00:1c dhcp.hostname=Lucas-iMac",
                "d8:30:62:56:00:1c dhcp.parameterRequestList=1,121,3,6,15,119,252,95,44,46",
                "d8:30:62:56:00:1c dhcp.options=53,55,57,61,51,12");
    }

    /** Every DHCP hostname, vendor class and option 55 that GROUND_TRUTH.md lists for an IoT Sentinel device. */
    @Test
    void groundTruthOfTheIotSentinelDevices() throws IOException {
        List<String> rows = Files.readAllLines(PCAPS.resolve("GROUND_TRUTH.md")).stream()
                .filter(l -> l.startsWith("| `pcaps/iot-sentinel/") && l.contains("DHCP")).toList();
        assertThat(rows).hasSizeGreaterThan(40);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String row : rows) {
            String[] cells = row.split("\\s*\\|\\s*");
            String file = cells[1].replace("`", "").substring("pcaps/".length());
            String mac = cells[3];
            Set<String> expected = new LinkedHashSet<>();
            for (String evidence : cells[7].split(" / ")) {
                if (evidence.startsWith("DHCP hostname: ")) {
                    for (String h : evidence.substring("DHCP hostname: ".length()).split("; ")) {
                        expected.add(mac + " " + DhcpAttributes.HOSTNAME + "=" + h);
                    }
                } else if (evidence.startsWith("DHCP vendor class: ")) {
                    expected.add(mac + " " + DhcpAttributes.VENDOR_CLASS + "=" + evidence.substring("DHCP vendor class: ".length()));
                } else if (evidence.startsWith("DHCP opt55: ")) {
                    expected.add(mac + " " + DhcpAttributes.PARAMETER_REQUEST_LIST + "=" + evidence.substring("DHCP opt55: ".length()));
                }
            }
            List<String> lines = read(file).lines();
            for (String e : expected) {
                checked++;
                if (!lines.contains(e)) missing.add(file + ": " + e);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void noSharedCaptureMakesTheDissectorFail() throws IOException {
        long messages = 0;
        try (var files = Files.walk(PCAPS)) {
            for (Path p : files.filter(f -> f.toString().matches(".*\\.pcap(ng)?(\\.gz)?$")).toList()) {
                DhcpDissector dhcp = new DhcpDissector();
                ObservationLog log = new ObservationLog(dhcp).read(p);
                assertThat(log.pipeline.dissectorFailures()).as(p.toString()).isEmpty();
                assertThat(log.all).allSatisfy(DhcpTesting::wellFormed);
                assertThat(log.all).filteredOn(o -> o instanceof Observation.Attribute)
                        .allSatisfy(o -> assertThat(o.source()).isEqualTo("dhcp"));
                messages += dhcp.messages();
            }
        }
        assertThat(messages).isGreaterThan(250);
    }
}
