package io.osprey.dissect.dns;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IoT Sentinel captures read in place from shared/data (skipped when it is absent): the mDNS names and DNS queries
 * GROUND_TRUTH.md lists for each device come out as the device's own attributes. The Edimax camera's instance label
 * starts with a space on the wire (0x14 " [74:da:38:80:7a:08]"), which the ground truth table trims.
 */
class DnsSharedCapturesTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            iot-sentinel/D-LinkDayCam/Setup-C-8-STA.pcap   | b0:c5:54:1c:71:85 | mdns.hostname | DCS-930LB1_1C7185.local
            iot-sentinel/D-LinkDayCam/Setup-C-8-STA.pcap   | b0:c5:54:1c:71:85 | mdns.instance | DCS-930LB_1C7185._http._tcp.local
            iot-sentinel/EdimaxCam1/Setup-C-1-STA.pcap     | 74:da:38:80:7a:08 | mdns.instance | ' [74:da:38:80:7a:08]._http._tcp.local'
            iot-sentinel/EdimaxCam1/Setup-C-1-STA.pcap     | 74:da:38:80:7a:08 | mdns.hostname | localcam.local
            iot-sentinel/Lightify/Setup-C-10-STA.pcap      | 84:18:26:7b:5f:6b | mdns.instance | Lightify-017b5f6b._http._tcp.local
            iot-sentinel/Lightify/Setup-C-10-STA.pcap      | 84:18:26:7b:5f:6b | mdns.hostname | Lightify-017b5f6b.local
            iot-sentinel/D-LinkHomeHub/Setup-C-1-STA.pcap  | 1c:5f:2b:aa:fd:4e | mdns.instance | D-Link HNAP Service._dhnap._tcp.local
            iot-sentinel/D-LinkHomeHub/Setup-C-1-STA.pcap  | 1c:5f:2b:aa:fd:4e | mdns.hostname | dchgFD4E.local
            iot-sentinel/D-LinkSensor/Setup-C-2-STA.pcap   | 90:8d:78:a8:e1:43 | mdns.hostname | dchE143.local
            iot-sentinel/D-LinkSwitch/Setup-A-4-STA.pcap   | 90:8d:78:a9:3d:6f | mdns.hostname | dsp3D6F.local
            iot-sentinel/D-LinkCam/Setup-B-5-STA.pcap      | b0:c5:54:25:5b:0e | mdns.instance | D-Link DCS-935L Configuration Utility (2)._http._tcp.local
            iot-sentinel/HueBridge/Setup-C-11-STA.pcap     | 00:17:88:24:76:ff | dns.query     | bridge.meethue.com
            iot-sentinel/Aria/Setup-C-15-STA.pcap          | 20:f8:5e:ca:91:52 | dns.query     | www.fitbit.com
            iot-sentinel/Withings/Setup-C-13-STA.pcap      | 00:24:e4:24:80:2a | dns.query     | scalews.withings.net
            iot-sentinel/MAXGateway/Setup-C-1-STA.pcap     | 00:1a:22:03:cb:be | dns.query     | ntp.homematic.com
            """)
    void theDevicesNamesAreItsAttributes(String file, String mac, String attribute, String value) {
        Path path = SHARED.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), path + " absent: skipped");
        Observed o = new Observed(new DnsDissector(), new MdnsDissector(), new LlmnrDissector()).capture(path);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.attributes(attribute).stream().filter(a -> a.host().toString().startsWith(mac + "/"))
                .map(a -> a.value())).contains(value);
    }
}
