package io.osprey.dissect.ads;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.ads.AdsWire.C;
import static io.osprey.dissect.ads.AdsWire.P;
import static io.osprey.dissect.ads.AdsWire.bytes;
import static io.osprey.dissect.ads.AdsWire.exchange;
import static io.osprey.dissect.ads.AdsWire.fromClient;
import static io.osprey.dissect.ads.AdsWire.fromPlc;
import static io.osprey.dissect.ads.AdsWire.request;
import static io.osprey.dissect.ads.AdsWire.response;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built AMS/TCP packets, one test per ADS command row of the Beckhoff ADS specification (TE1000). */
class AdsDissectorTest {

    @Test
    void readDeviceInfoAnswerNamesTheDeviceAndItsVersion() {
        // ADS Read Device Info (1): result, major, minor, build u16, name char[16]
        byte[] info = bytes().u32(0).u8(3, 1).u16(4024).padded("Plc30 App", 16).build();
        Observed o = exchange(fromClient(request(851, 1, new byte[0])), fromPlc(response(851, 1, info)));
        assertThat(o.facts()).containsExactly(
                P + "ads.amsPort=851",
                P + "ads.deviceName=Plc30 App",
                P + "ads.netId=5.1.2.3.1.1",
                P + "ads.role=server",
                P + "ads.version=3.1.4024",
                C + "ads.function=read-device-info",
                C + "ads.netId=10.0.0.10.1.1",
                C + "ads.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 48898/tcp ads");
    }

    @Test
    void readStateAnswerStatesTheAdsState() {
        // ADS Read State (4): result, ADS state u16 (ADSSTATE_STOP = 6, ADSSTATE_CONFIG = 15), device state u16
        Observed o = exchange(fromPlc(response(851, 4, bytes().u32(0).u16(6).u16(0).build())),
                fromPlc(response(10000, 4, bytes().u32(0).u16(15).u16(0).build())));
        assertThat(o.values(AdsAttributes.STATE)).containsExactly("config", "stop");
    }

    @Test
    void writeControlRequestStatesTheStateAskedFor() {
        // ADS Write Control (5): ADS state u16, device state u16, length u32, data
        Observed o = exchange(fromClient(request(851, 5, bytes().u16(6).u16(0).u32(0).build())));
        assertThat(o.values(AdsAttributes.FUNCTION)).containsExactly("write-control");
        assertThat(o.values(AdsAttributes.REQUESTED_STATE)).containsExactly("stop");
        assertThat(o.facts()).allMatch(f -> f.startsWith(C));
    }

    @Test
    void everyCommandIdHasItsName() {
        Observed o = exchange(fromClient(AdsWire.concat(request(851, 2, new byte[12]), request(851, 3, new byte[12]),
                request(851, 6, new byte[40]), request(851, 7, new byte[4]), request(851, 8, new byte[8]),
                request(851, 9, new byte[16]))));
        assertThat(o.values(AdsAttributes.FUNCTION)).containsExactly("add-notification", "delete-notification",
                "notification", "read", "read-write", "write");
    }

    @Test
    void anErrorAnswerStatesNoDeviceInfo() {
        // AMS error code 6: target port not found (frames 88 and 92 of the capture)
        byte[] error = AdsWire.ams(AdsWire.CLIENT_NET_ID, 32785, AdsWire.PLC_NET_ID, 500, 1, 0x0005, 6, new byte[0]);
        byte[] failed = response(800, 1, bytes().u32(0x701).u8(2, 11).u16(2103).padded("PLC Server", 16).build());
        Observed o = exchange(fromPlc(error), fromPlc(failed));
        assertThat(o.values(AdsAttributes.DEVICE_NAME)).isEmpty();
        assertThat(o.values(AdsAttributes.AMS_PORT)).containsExactly("500", "800");
    }

    @Test
    void otherAmsTcpCommandsAreSkippedAndTheNextPacketIsRead() {
        // AMS/TCP reserved field 0x1000: AMS port connect, not an ADS command
        byte[] connect = bytes().u16(0x1000).u32(2).u16(0).build();
        Observed o = exchange(fromClient(AdsWire.concat(connect, request(851, 2, new byte[12]))));
        assertThat(o.values(AdsAttributes.FUNCTION)).containsExactly("read");
    }

    @Test
    void unknownCommandsAndTruncatedHeadersYieldNothing() {
        AdsDissector d = new AdsDissector();
        Observed o = new Observed(d);
        o.feed(AdsWire.CLIENT, fromClient(request(851, 0x55, new byte[4])));
        o.feed(AdsWire.CLIENT, fromClient(bytes().u16(0).u32(10).u8(1, 2, 3).build()));
        o.feed(AdsWire.CLIENT, fromClient("GET / HTTP/1.1\r\n\r\n".getBytes()));
        assertThat(o.attributes()).isEmpty();
        assertThat(o.operations()).singleElement().asString().endsWith(" ads:malformed");
        assertThat(d.malformed()).isEqualTo(1);
        assertThat(d.notAms()).isEqualTo(1);
    }

    @Test
    void discoveryAnswerStatesHostnameTwincatAndOsVersion() {
        // TwinCAT UDP discovery: magic, invoke id, service 0x80000001, Net Id, port, tag count, tags (id, length, data)
        byte[] os = bytes().u32(276).u32(10).u32(0).u32(17763).u32(2).padded("", 256).build();
        byte[] answer = bytes().u8(0x03, 0x66, 0x14, 0x71).u32(0).u32(0x80000001L).raw(AdsWire.PLC_NET_ID).u16(10000)
                .u32(3).u16(5).u16(8).padded("IPC-01", 8).u16(4).u16(os.length).raw(os).u16(3).u16(4).u8(3, 1)
                .u16(4024).build();
        byte[] search = bytes().u8(0x03, 0x66, 0x14, 0x71).u32(0).u32(1).raw(AdsWire.CLIENT_NET_ID).u16(10000).u32(0)
                .build();
        Observed o = exchange(AdsWire.CLIENT.udp(50000, AdsDissector.DISCOVERY_PORT, search),
                AdsWire.PLC.udp(AdsDissector.DISCOVERY_PORT, 50000, answer));
        assertThat(o.facts()).containsExactly(
                P + "ads.hostname=IPC-01",
                P + "ads.netId=5.1.2.3.1.1",
                P + "ads.osVersion=win32-nt 10.0.17763",
                P + "ads.twincatVersion=3.1.4024",
                C + "ads.netId=10.0.0.10.1.1");
        assertThat(o.services()).containsExactly("10.0.0.11 48899/udp ads");
    }

    @Test
    void textStopsAtNulAndEscapesControlCharacters() {
        byte[] info = bytes().u32(0).u8(1, 0).u16(1).u8('A', 0x1b, 'B', 0, 'C').padded("", 11).build();
        Observed o = exchange(fromPlc(response(851, 1, info)));
        assertThat(o.values(AdsAttributes.DEVICE_NAME)).containsExactly("A\\027B");
    }
}
