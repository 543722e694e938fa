package io.osprey.dissect.tplink;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.tplink.Kasa.A;
import static io.osprey.dissect.tplink.Kasa.HS110_SYSINFO;
import static io.osprey.dissect.tplink.Kasa.P;
import static io.osprey.dissect.tplink.Kasa.exchange;
import static org.assertj.core.api.Assertions.assertThat;

/** TP-Link Kasa requests and get_sysinfo replies, over UDP and TCP, hand-built and from a real capture. */
class TplinkDissectorTest {

    @Test
    void udpDiscoveryRequestMarksTheSenderAsAKasaClient() {
        Observed o = exchange(Kasa.udpRequest("{\"system\":{\"get_sysinfo\":{}}}"));
        assertThat(o.facts()).containsExactly(A + "tplink.request=system.get_sysinfo");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void sysinfoReplyDescribesThePlug() {
        Observed o = exchange(Kasa.udpRequest("{\"system\":{\"get_sysinfo\":null}}"), Kasa.udpReply(HS110_SYSINFO));
        assertThat(o.facts()).containsExactly(
                A + "tplink.request=system.get_sysinfo",
                P + "tplink.alias=Kitchen \"kettle\" café",
                P + "tplink.devName=Wi-Fi Smart Plug With Energy Monitoring",
                P + "tplink.deviceId=8006A2F3D3C05F8B5A1C0A1F7C9D4E0B1A2B3C4D",
                P + "tplink.hasHwId=true",
                P + "tplink.hasOemId=true",
                P + "tplink.hwVersion=1.0",
                P + "tplink.mac=50:C7:BF:00:C7:03",
                P + "tplink.model=HS110(EU)",
                P + "tplink.swVersion=1.2.5 Build 171213 Rel.101523",
                P + "tplink.type=IOT.SMARTPLUGSWITCH");
        assertThat(o.facts()).noneMatch(f -> f.contains("45E29DA8") || f.contains("3D341ECE"));
        assertThat(o.services()).containsExactly("192.168.0.20 9999/udp tplink-shp");
    }

    @Test
    void tcpMessagesCarryALengthPrefix() {
        Observed o = exchange(
                Kasa.tcpRequest("{\"system\":{\"get_sysinfo\":{}},\"emeter\":{\"get_realtime\":{},\"get_daystat\":"
                        + "{\"month\":1,\"year\":2024}}}"),
                Kasa.tcpReply(HS110_SYSINFO));
        assertThat(o.values(TplinkAttributes.REQUEST)).containsExactly("emeter.get_daystat", "emeter.get_realtime",
                "system.get_sysinfo");
        assertThat(o.values(TplinkAttributes.MODEL)).containsExactly("HS110(EU)");
        assertThat(o.services()).containsExactly("192.168.0.20 9999/tcp tplink-shp");
    }

    @Test
    void bulbsNameTypeAndMacDifferently() {
        Observed o = exchange(Kasa.udpReply("{\"system\":{\"get_sysinfo\":{\"sw_ver\":\"1.8.6 Build 180809 Rel.091659\","
                + "\"hw_ver\":\"1.0\",\"model\":\"LB130(EU)\",\"alias\":\"Bulb\",\"mic_type\":\"IOT.SMARTBULB\","
                + "\"mic_mac\":\"50C7BF123456\",\"err_code\":0}}}"));
        assertThat(o.values(TplinkAttributes.TYPE)).containsExactly("IOT.SMARTBULB");
        assertThat(o.values(TplinkAttributes.MAC)).containsExactly("50C7BF123456");
        assertThat(o.values(TplinkAttributes.HAS_OEM_ID)).isEmpty();
    }

    @Test
    void aMessageCutShortNeverYieldsACutValue() {
        String cut = HS110_SYSINFO.substring(0, HS110_SYSINFO.indexOf("HS110(EU)") + 4);
        Observed o = exchange(Kasa.udpReply(cut));
        assertThat(o.values(TplinkAttributes.MODEL)).isEmpty();
        assertThat(o.values(TplinkAttributes.TYPE)).containsExactly("IOT.SMARTPLUGSWITCH");
    }

    @Test
    void otherTrafficOnThePortIsCountedNotReported() {
        TplinkDissector d = new TplinkDissector();
        Observed o = new Observed(d);
        o.feed(Kasa.APP, Kasa.APP.udp(50000, 9999, "{\"plain\":\"json\"}".getBytes()));
        o.feed(Kasa.APP, Kasa.APP.udp(50000, 9999, new byte[] {1, 2, 3, 4}));
        o.feed(Kasa.APP, Kasa.APP.tcp(50001, 9999, 0x18, new byte[] {0, 0, 0, 9, 1, 2}));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.notKasa()).isEqualTo(3);
    }

    @Test
    void googleHomeDiscoveryCaptureMatchesTshark() {
        // tshark -r F -T fields -e eth.src -e ip.src -e udp.payload, payload decoded with the autokey cipher:
        // {"system":{"get_sysinfo":{}}} from 9999 to 255.255.255.255:9999 by eight Google devices
        Observed o = new Observed(new TplinkDissector()).capture(Kasa.fixture("google-home-kasa-discovery-broadcasts.pcap"));
        assertThat(o.facts()).containsExactly(
                "14:c1:4e:8a:dc:ca/192.168.242.122 tplink.request=system.get_sysinfo",
                "20:df:b9:4e:90:97/192.168.242.98 tplink.request=system.get_sysinfo",
                "20:df:b9:b4:ba:b1/192.168.242.41 tplink.request=system.get_sysinfo",
                "38:8b:59:23:16:54/192.168.242.33 tplink.request=system.get_sysinfo",
                "7c:2e:bd:2f:7a:b4/192.168.242.32 tplink.request=system.get_sysinfo",
                "a4:77:33:cf:eb:c1/192.168.242.38 tplink.request=system.get_sysinfo",
                "d8:8c:79:1e:cf:7c/192.168.242.99 tplink.request=system.get_sysinfo",
                "e4:f0:42:5d:dd:3a/192.168.242.40 tplink.request=system.get_sysinfo");
        assertThat(o.services()).as("requests prove no service, even from port 9999").isEmpty();
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
