package io.osprey.dissect.tcpfp;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dhcp.ObservationLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OS verdicts for the hosts whose OS shared/data/pcaps/GROUND_TRUTH.md names, read from the full captures (skipped
 * when ../shared is absent). Each row: capture, host (MAC/IP as Host prints it), the ground truth's words, and the
 * platform and version the signature database must give.
 */
class TcpFingerprintSharedCapturesTest {
    static final Path PCAPS = Path.of("..", "..", "shared", "data", "pcaps");

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // SSDP/HTTP Server 'Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0'
            "iot-sentinel/HueBridge/Setup-C-7-STA.pcap|00:17:88:24:76:ff/10.10.10.6|Linux 3.14|Linux|3.x-4.18",
            "iot-sentinel/HueSwitch/Setup-C-5-STA.pcap|00:17:88:24:76:ff/10.10.10.6|Linux 3.14|Linux|3.x-4.18",
            // SSDP Server 'Linux, UPnP/1.0 DCS-935L/1.0', udhcp
            "iot-sentinel/D-LinkCam/Setup-B-5-STA.pcap|b0:c5:54:25:5b:0e/10.10.10.37|Linux (DCS-935L)|Linux|2.6",
            // udhcp '1.21.1--LSDK-10.x' (Qualcomm Atheros LSDK 10: Linux 2.6.31)
            "iot-sentinel/D-LinkSensor/Setup-C-2-STA.pcap|90:8d:78:a8:e1:43/10.10.10.72|Linux (LSDK 10.1)|Linux|2.6",
            "iot-sentinel/D-LinkSiren/Setup-C-5-STA.pcap|90:8d:78:dd:0d:60/10.10.10.39|Linux (LSDK 10.2)|Linux|2.6",
            "iot-sentinel/D-LinkSwitch/Setup-C-12-STA.pcap|90:8d:78:a9:3d:6f/10.10.10.176|Linux (LSDK 10.2)|Linux|2.6",
            "iot-sentinel/D-LinkWaterSensor/Setup-C-13-STA.pcap|6c:72:20:c5:17:5a/10.10.10.11|Linux (LSDK 10.2)|Linux|2.6",
            "iot-sentinel/D-LinkHomeHub/Setup-C-8-STA.pcap|1c:5f:2b:aa:fd:4e/10.10.10.87|Linux (LSDK 10.2)|Linux|2.6",
            // Android 9 (DHCP vendor class android-dhcp-9)
            "ndpi/android.pcap|4c:6a:f6:9f:f6:27/192.168.2.16|Android 9|Android|",
            // SSDP Server 'Microsoft-WinCE/6.00 UPnP/1.0'
            "ics-iti/beckhoff-ads/beckoffiplinktc3.pcapng|00:01:05:0d:75:60/192.168.1.8|Windows CE 6.00|Windows CE|6",
            // 'TwinCAT engineering PC', Windows
            "ics-iti/beckhoff-ads/beckoffiplinktc3.pcapng|b8:ae:ed:7e:1b:4c/192.168.1.99|Windows|Windows|XP-2003",
            // substation PC 'SAS', Windows (NBNS)
            "ics-iti/iec61850/Sample_File_MMS_and_GOOSE.pcap|00:03:2d:01:e4:74/172.16.0.122|Windows|Windows|XP-2003"})
    void groundTruthOs(String capture, String host, String truth, String platform, String version) throws IOException {
        Path file = PCAPS.resolve(capture);
        Assumptions.assumeTrue(Files.isRegularFile(file), PCAPS + " absent: skipped");
        ObservationLog log = new ObservationLog(new TcpFingerprintDissector()).read(file);
        assertThat(values(log, host, TcpFingerprintAttributes.OS_PLATFORM)).as(truth).containsExactly(platform);
        if (version == null) {
            assertThat(values(log, host, TcpFingerprintAttributes.OS_VERSION)).isEmpty();
        } else {
            assertThat(values(log, host, TcpFingerprintAttributes.OS_VERSION)).containsExactly(version);
        }
    }

    static List<String> values(ObservationLog log, String host, String attribute) {
        return log.all.stream().filter(o -> o instanceof Observation.Attribute a && a.host().toString().equals(host)
                && a.attribute().equals(attribute)).map(o -> ((Observation.Attribute) o).value()).toList();
    }
}
