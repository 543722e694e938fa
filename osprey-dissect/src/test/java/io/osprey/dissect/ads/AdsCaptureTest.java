package io.osprey.dissect.ads;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TwinCAT engineering PC and a Beckhoff CX embedded PC (ITI capture beckoffiplinktc3.pcapng, CC-BY-4.0). Values as
 * {@code tshark -r F -Y ams -V} (Wireshark 4.0) shows them: Net Ids 5.13.117.96.1.1 and 192.168.1.99.1.1; frames 90
 * and 94 ReadDeviceInfo answers "PLC Server" 2.11.2103 (AMS port 800) and "I/O Server" 2.11.2100 (port 300), ports
 * 500 and 900 answer error 6 (target port not found); ReadState answers AdsState 5 (run); commands 1, 2, 4, 6, 7, 9.
 * The discovery answer on UDP 48899 (frame 37, not dissected by Wireshark) holds tag 5 "CX_0D7560", tag 4 an
 * OSVERSIONINFO of 6.0 build 0 platform 3 (Windows CE) and tag 3 TwinCAT 02 0b b4 08 (2.11.2228).
 */
class AdsCaptureTest {

    @Test
    void twincatPcReadsDeviceInfoAndStateFromACxEmbeddedPc() {
        AdsDissector d = new AdsDissector();
        Observed o = new Observed(d).capture(AdsWire.fixture("twincat-cx-plc-device-info-state-discovery.pcapng"));
        String cx = "00:01:05:0d:75:60/192.168.1.8 ", pc = "b8:ae:ed:7e:1b:4c/192.168.1.99 ";
        assertThat(o.facts()).containsExactly(
                cx + "ads.amsPort=1",
                cx + "ads.amsPort=100",
                cx + "ads.amsPort=10000",
                cx + "ads.amsPort=200",
                cx + "ads.amsPort=300",
                cx + "ads.amsPort=500",
                cx + "ads.amsPort=800",
                cx + "ads.amsPort=900",
                cx + "ads.deviceName=I/O Server",
                cx + "ads.deviceName=PLC Server",
                cx + "ads.hostname=CX_0D7560",
                cx + "ads.netId=5.13.117.96.1.1",
                cx + "ads.osVersion=win32-ce 6.0.0",
                cx + "ads.role=server",
                cx + "ads.state=run",
                cx + "ads.twincatVersion=2.11.2228",
                cx + "ads.version=2.11.2100",
                cx + "ads.version=2.11.2103",
                pc + "ads.function=add-notification",
                pc + "ads.function=delete-notification",
                pc + "ads.function=read",
                pc + "ads.function=read-device-info",
                pc + "ads.function=read-state",
                pc + "ads.function=read-write",
                pc + "ads.netId=192.168.1.99.1.1",
                pc + "ads.role=client");
        assertThat(o.services()).containsExactly("192.168.1.8 48898/tcp ads", "192.168.1.8 48899/udp ads");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(d.malformed()).isZero();
    }

    @Test
    void theEngineeringPcsCommandsAndThePlcsRunStateAreOperations() {
        // commands 1, 2, 4, 6, 7, 9 once each; the ReadState answers' AdsState 5 (run) as the mode
        Observed o = new Observed(new AdsDissector())
                .capture(AdsWire.fixture("twincat-cx-plc-device-info-state-discovery.pcapng"));
        String pair = "b8:ae:ed:7e:1b:4c/192.168.1.99 > 00:01:05:0d:75:60/192.168.1.8 ads:";
        assertThat(o.operations()).containsExactlyInAnyOrder(pair + "read-device-info", pair + "read",
                pair + "read-state", pair + "add-notification", pair + "delete-notification", pair + "read-write",
                pair + "mode run");
    }
}
