package io.osprey.dissect.ssdp;

import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.http.Web.ascii;
import static org.assertj.core.api.Assertions.assertThat;

/** SSDP messages of UPnP Device Architecture 2.0 §1, hand-built and from real devices. */
class SsdpDissectorTest {
    static final SyntheticFrame DEVICE =
            SyntheticFrame.from("b0:c5:54:25:5b:0e", "10.10.10.37").to("01:00:5e:7f:ff:fa", "239.255.255.250");
    static final SyntheticFrame SEARCHER =
            SyntheticFrame.from("02:00:00:00:00:09", "10.10.10.9").to("01:00:5e:7f:ff:fa", "239.255.255.250");
    static final String D = "b0:c5:54:25:5b:0e/10.10.10.37 ";

    static Observed send(SyntheticFrame from, int srcPort, int dstPort, String message) {
        Observed o = new Observed(new SsdpDissector()).feed(from, from.udp(srcPort, dstPort, ascii(message)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void notifyAliveDescribesTheAdvertisingDevice() {
        // UDA 2.0 §1.2.2: NOTIFY * HTTP/1.1 with HOST, CACHE-CONTROL, LOCATION, NT, NTS, SERVER, USN
        Observed o = send(DEVICE, 1900, 1900, "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
                + "CACHE-CONTROL: max-age=1800\r\nLOCATION: http://10.10.10.37:55725/\r\nNT: upnp:rootdevice\r\n"
                + "NTS: ssdp:alive\r\nSERVER: Linux,    UPnP/1.0 DCS-935L/1.0\r\nUSN: uuid:b0c554255b0e-0::upnp:rootdevice\r\n\r\n");
        assertThat(o.facts()).containsExactly(
                D + "ssdp.location=http://10.10.10.37:55725/",
                D + "ssdp.nt=upnp:rootdevice",
                D + "ssdp.server=Linux,    UPnP/1.0 DCS-935L/1.0",
                D + "ssdp.usn=uuid:b0c554255b0e-0::upnp:rootdevice");
        assertThat(o.services()).containsExactly("10.10.10.37 1900/udp ssdp");
    }

    @Test
    void mSearchDescribesTheSearcher() {
        // UDA 2.0 §1.3.2: M-SEARCH with MAN, MX, ST and USER-AGENT "OS/version UPnP/2.0 product/version"
        Observed o = send(SEARCHER, 50000, 1900, "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
                + "MAN: \"ssdp:discover\"\r\nMX: 3\r\nST: urn:schemas-upnp-org:device:MediaRenderer:1\r\n"
                + "USER-AGENT: Android/5.1 UPnP/2.0 BubbleUPnP/3.0\r\n\r\n");
        assertThat(o.facts()).containsExactly(
                "02:00:00:00:00:09/10.10.10.9 ssdp.searchTarget=urn:schemas-upnp-org:device:MediaRenderer:1",
                "02:00:00:00:00:09/10.10.10.9 ssdp.userAgent=Android/5.1 UPnP/2.0 BubbleUPnP/3.0");
        assertThat(o.services()).as("a searcher serves nothing").isEmpty();
    }

    @Test
    void searchResponseDescribesTheRespondingDevice() {
        // UDA 2.0 §1.3.3: HTTP/1.1 200 OK unicast to the searcher with LOCATION, SERVER, ST, USN
        SyntheticFrame hue = SyntheticFrame.from("00:17:88:24:76:ff", "10.10.10.6").to("02:00:00:00:00:09", "10.10.10.9");
        Observed o = send(hue, 1900, 50000, "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=100\r\nEXT:\r\n"
                + "location: http://10.10.10.6:80/description.xml\r\nserver: Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0\r\n"
                + "st: upnp:rootdevice\r\nusn: uuid:2f402f80-da50-11e1-9b23-0017882476ff::upnp:rootdevice\r\n\r\n");
        String h = "00:17:88:24:76:ff/10.10.10.6 ";
        assertThat(o.facts()).containsExactly(
                h + "ssdp.location=http://10.10.10.6:80/description.xml",
                h + "ssdp.server=Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0",
                h + "ssdp.st=upnp:rootdevice",
                h + "ssdp.usn=uuid:2f402f80-da50-11e1-9b23-0017882476ff::upnp:rootdevice");
        assertThat(o.services()).containsExactly("10.10.10.6 1900/udp ssdp");
    }

    @Test
    void otherMethodsAndGarbageYieldNothing() {
        assertThat(send(DEVICE, 1900, 1900, "SUBSCRIBE /x HTTP/1.1\r\nSERVER: a\r\n\r\n").all).isEmpty();
        assertThat(send(DEVICE, 1900, 1900, "hello\r\n\r\n").all).isEmpty();
        assertThat(send(DEVICE, 1900, 1900, "NOTIFY * HTTP/1.1").all).isEmpty();
    }

    @Test
    void dlinkDcs935lCaptureMatchesTshark() {
        // tshark -r dlink-dcs935l-ssdp.pcap -Y ssdp -T fields -e http.server -e http.location; USN/NT/ST lines of udp.payload
        Observed o = new Observed(new SsdpDissector()).capture(Web.fixture("ssdp/dlink-dcs935l-ssdp.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).isEqualTo(D.trim()));
        assertThat(o.values(SsdpAttributes.SERVER)).containsExactly("Linux,    UPnP/1.0 DCS-935L/1.0");
        assertThat(o.values(SsdpAttributes.LOCATION)).containsExactly("http://10.10.10.37:55725/",
                "https://10.10.10.37/HNAP1/");
        assertThat(o.values(SsdpAttributes.NT)).containsExactly("hnap:NetworkCamera", "upnp:rootdevice",
                "urn:schemas-upnp-org:device:DCS-935L:1", "urn:schemas-upnp-org:service:ChangeIP:1",
                "uuid:b0c554255b0e-0", "uuid:b0c554255b0e-h");
        assertThat(o.values(SsdpAttributes.USN)).containsExactly("uuid:b0c554255b0e-0",
                "uuid:b0c554255b0e-0::upnp:rootdevice", "uuid:b0c554255b0e-0::urn:schemas-upnp-org:device:DCS-935L:1",
                "uuid:b0c554255b0e-0::urn:schemas-upnp-org:service:ChangeIP:1", "uuid:b0c554255b0e-h",
                "uuid:b0c554255b0e-h::upnp:rootdevice", "uuid:b0c554255b0e-h::urn:schemas-upnp-org:device:DCS-935L:1",
                "uuid:b0c554255b0e-h::urn:schemas-upnp-org:service:ChangeIP:1");
        // the camera also searches for Internet gateways (to open ports by UPnP IGD)
        assertThat(o.values(SsdpAttributes.SEARCH_TARGET)).containsExactly("upnp:rootdevice",
                "urn:schemas-upnp-org:device:InternetGatewayDevice:1", "urn:schemas-upnp-org:service:WANIPConnection:1",
                "urn:schemas-upnp-org:service:WANPPPConnection:1");
        assertThat(o.values(SsdpAttributes.ST)).isEmpty();
        assertThat(o.services()).containsExactly("10.10.10.37 1900/udp ssdp");
    }

    @Test
    void philipsHueBridgeCaptureMatchesTshark() {
        Observed o = new Observed(new SsdpDissector()).capture(Web.fixture("http/hue-bridge-ssdp-http.pcap"));
        String h = "00:17:88:24:76:ff/10.10.10.6 ";
        assertThat(o.facts()).containsExactly(
                h + "ssdp.location=http://10.10.10.6:80/description.xml",
                h + "ssdp.nt=upnp:rootdevice",
                h + "ssdp.nt=urn:schemas-upnp-org:device:basic:1",
                h + "ssdp.nt=uuid:2f402f80-da50-11e1-9b23-0017882476ff",
                h + "ssdp.server=Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0",
                h + "ssdp.usn=uuid:2f402f80-da50-11e1-9b23-0017882476ff",
                h + "ssdp.usn=uuid:2f402f80-da50-11e1-9b23-0017882476ff::upnp:rootdevice");
    }
}
