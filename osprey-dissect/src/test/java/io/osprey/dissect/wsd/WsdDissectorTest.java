package io.osprey.dissect.wsd;

import io.osprey.dissect.Observation;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.wsd.WsdMessages.ascii;
import static org.assertj.core.api.Assertions.assertThat;

/** WS-Discovery messages (WS-Discovery 1.1 §4-§6, the 2005/04 draft, ONVIF Core §7.3), hand-built and real. */
class WsdDissectorTest {
    static Observed send(SyntheticFrame from, int srcPort, int dstPort, String message) {
        Observed o = new Observed(new WsdDissector()).feed(from, from.udp(srcPort, dstPort, ascii(message)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void onvifProbeMatchesDescribeTheCamera() {
        // §5.3 ProbeMatch: EndpointReference, Types, Scopes, XAddrs; ONVIF Core §7.3.2.2 scopes
        Observed o = send(WsdMessages.CAMERA, 3702, 50000, WsdMessages.ONVIF_PROBE_MATCHES);
        String c = "ac:cc:8e:1a:2b:3c/192.168.0.90 ";
        assertThat(o.facts()).containsExactly(
                c + "wsd.endpoint=urn:uuid:2419d68a-2dd2-21b2-a205-accc8e1a2b3c",
                c + "wsd.message=ProbeMatches",
                c + "wsd.onvifHardware=M3045",
                c + "wsd.onvifName=AXIS",
                c + "wsd.onvifProfile=Streaming",
                c + "wsd.onvifType=video_encoder",
                c + "wsd.scope=onvif://www.onvif.org/Profile/Streaming",
                c + "wsd.scope=onvif://www.onvif.org/hardware/M3045",
                c + "wsd.scope=onvif://www.onvif.org/location/",
                c + "wsd.scope=onvif://www.onvif.org/name/AXIS",
                c + "wsd.scope=onvif://www.onvif.org/type/video_encoder",
                c + "wsd.types=dn:NetworkVideoTransmitter",
                c + "wsd.types=tds:Device",
                c + "wsd.xaddr=http://192.168.0.90/onvif/device_service",
                c + "wsd.xaddr=http://[fe80::aecc:8eff:fe1a:2b3c]/onvif/device_service");
        assertThat(o.services()).containsExactly("192.168.0.90 3702/udp ws-discovery");
        assertThat(o.attributes(WsdAttributes.ONVIF_HARDWARE).getFirst().confidence()).isEqualTo(WsdAttributes.STATED);
    }

    @Test
    void helloDescribesTheAnnouncingHost() {
        // §4.1 Hello, multicast; Devices Profile / Windows Function Discovery types
        Observed o = send(WsdMessages.WINDOWS, 3702, 3702, WsdMessages.WINDOWS_HELLO);
        String w = "18:db:f2:2f:a0:18/192.168.61.66 ";
        assertThat(o.facts()).containsExactly(
                w + "wsd.endpoint=urn:uuid:e3248000-80ce-11db-8000-001ba99ec956",
                w + "wsd.message=Hello",
                w + "wsd.types=pub:Computer",
                w + "wsd.types=wsdp:Device",
                w + "wsd.xaddr=http://192.168.61.66:5357/e3248000-80ce-11db-8000-001ba99ec956/");
        assertThat(o.services()).containsExactly("192.168.61.66 3702/udp ws-discovery");
    }

    @Test
    void unprefixedVersion11HelloWithEntitiesAndPercentEncoding() {
        // WS-Discovery 1.1 namespace as default namespace; XML 1.0 §4.6 entities; RFC 3986 §2.1 percent-encoding
        Observed o = send(WsdMessages.PRINTER, 3702, 3702, WsdMessages.PRINTER_HELLO_11);
        String p = "00:12:79:80:69:60/fe80::212:79ff:fe80:6960 ";
        assertThat(o.facts()).containsExactly(
                p + "wsd.endpoint=urn:uuid:16a65700-007c-1000-bb49-001279806960",
                p + "wsd.message=Hello",
                p + "wsd.onvifName=HP LaserJet 4250",
                p + "wsd.scope=http://schemas.xmlsoap.org/ws/2006/02/devprof/Printer?a=1&b=2",
                p + "wsd.scope=onvif://www.onvif.org/name/HP%20LaserJet%204250",
                p + "wsd.types=print:PrintDeviceType",
                p + "wsd.types=wsdp:Device",
                p + "wsd.xaddr=http://[fe80::212:79ff:fe80:6960]:3911/");
    }

    @Test
    void probeOnlyShowsAClientAndWhatItLooksFor() {
        // §5.2 Probe: Types and Scopes to match; the header's ReplyTo is no target endpoint
        Observed o = send(WsdMessages.CLIENT, 50000, 3702, WsdMessages.ONVIF_PROBE);
        assertThat(o.facts()).containsExactly(
                "02:00:00:00:00:09/192.168.0.9 wsd.message=Probe",
                "02:00:00:00:00:09/192.168.0.9 wsd.probeTypes=dn:NetworkVideoTransmitter");
        assertThat(o.services()).as("a client serves nothing").isEmpty();
    }

    @Test
    void byeNamesTheEndpointButNoService() {
        // §4.2 Bye: EndpointReference only
        String bye = WsdMessages.ENVELOPE_2005 + "<SOAP-ENV:Body><d:Bye><wsa:EndpointReference><wsa:Address>"
                + "urn:uuid:2419d68a-2dd2-21b2-a205-accc8e1a2b3c</wsa:Address></wsa:EndpointReference></d:Bye>"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
        Observed o = send(WsdMessages.CAMERA, 3702, 3702, bye);
        assertThat(o.values(WsdAttributes.ENDPOINT)).containsExactly("urn:uuid:2419d68a-2dd2-21b2-a205-accc8e1a2b3c");
        assertThat(o.values(WsdAttributes.MESSAGE)).containsExactly("Bye");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void eachValueIsReportedOnce() {
        Observed o = new Observed(new WsdDissector());
        for (int i = 0; i < 5; i++) {
            o.feed(WsdMessages.CAMERA, WsdMessages.CAMERA.udp(3702, 50000, ascii(WsdMessages.ONVIF_PROBE_MATCHES)));
        }
        assertThat(o.attributes()).hasSize(15);
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
    }

    @Test
    void longValuesAreCut() {
        String huge = "x".repeat(5000);
        String hello = WsdMessages.ENVELOPE_2005 + "<SOAP-ENV:Body><d:Hello><d:Types>" + huge + "</d:Types></d:Hello>"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
        Observed o = send(WsdMessages.CAMERA, 3702, 3702, hello);
        assertThat(o.values(WsdAttributes.TYPES)).containsExactly("x".repeat(WsdDissector.MAX_VALUE_LENGTH));
    }

    @Test
    void matchesSentFromAnotherPortAreFoundByTheHeuristic() {
        // a target may answer from any port to the Probe's source port (SOAP-over-UDP 1.1 §4)
        Observed o = send(WsdMessages.CAMERA, 40001, 50000, WsdMessages.ONVIF_PROBE_MATCHES);
        assertThat(o.values(WsdAttributes.ONVIF_HARDWARE)).containsExactly("M3045");
        WsdDissector d = new WsdDissector();
        assertThat(d.detect(new Payload().wrap(ascii("  <?xml version='1.0'?><e:Envelope/>"), 0, 36), new io.osprey.dissect.FlowView()))
                .isTrue();
        assertThat(d.detect(new Payload().wrap(ascii("<html><body>Envelope</body></html>"), 0, 34), new io.osprey.dissect.FlowView()))
                .as("the word is there, the heuristic is cheap: the dissector then finds no message").isTrue();
        assertThat(d.detect(new Payload().wrap(ascii("GET / HTTP/1.1\r\n\r\n"), 0, 18), new io.osprey.dissect.FlowView())).isFalse();
    }

    @Test
    void otherXmlAndGarbageYieldNothing() {
        WsdDissector d = new WsdDissector();
        Observed o = new Observed(d);
        o.feed(WsdMessages.CAMERA, WsdMessages.CAMERA.udp(3702, 3702, ascii("<a><b>Types</b><Types>x</Types></a>")));
        o.feed(WsdMessages.CAMERA, WsdMessages.CAMERA.udp(3702, 3702, ascii("hello")));
        o.feed(WsdMessages.CAMERA, WsdMessages.CAMERA.udp(3702, 3702, ascii("<Hello")));
        o.feed(WsdMessages.CAMERA, WsdMessages.CAMERA.udp(3702, 3702, ascii("<!-- <Hello> <Types>a</Types>")));
        assertThat(o.all).isEmpty();
        assertThat(d.notWsd()).isEqualTo(4);
    }

    @Test
    void windowsResolveCaptureShowsOnlyTheClient() {
        // tshark -r windows10-wsd-resolve.pcap -T fields -e eth.src -e ipv6.src -e ip.src: 18:db:f2:2f:a0:18,
        // fe80::3441:3d24:6d30:a807 then 192.168.61.66; the body is wsd:Resolve of urn:uuid:e3248000-80ce-11db-8000-001ba99ec956
        Observed o = new Observed(new WsdDissector()).capture(Web.fixture("wsd/windows10-wsd-resolve.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.facts()).containsExactly("18:db:f2:2f:a0:18/fe80::3441:3d24:6d30:a807 wsd.message=Resolve");
        assertThat(o.services()).isEmpty();
    }
}
