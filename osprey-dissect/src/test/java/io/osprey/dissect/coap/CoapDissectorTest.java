package io.osprey.dissect.coap;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.coap.CoapWire.C;
import static io.osprey.dissect.coap.CoapWire.CLIENT;
import static io.osprey.dissect.coap.CoapWire.S;
import static io.osprey.dissect.coap.CoapWire.exchange;
import static io.osprey.dissect.coap.CoapWire.fromClient;
import static io.osprey.dissect.coap.CoapWire.fromServer;
import static io.osprey.dissect.coap.CoapWire.message;
import static org.assertj.core.api.Assertions.assertThat;

/** CoAP messages by the rows of RFC 7252 and RFC 6690 they exercise, hand-built and from a real capture. */
class CoapDissectorTest {
    static final int CON = 0, ACK = 2;
    static final String CORE_LINKS = "</sensors/temp>;rt=\"temperature-c\";if=\"sensor\","
            + "</sensors/light>;rt=\"light-lux core.s\";if=sensor;ct=0,"
            + "</.well-known/core>;ct=40,"
            + " </a,b>;title=\"x, y; z\";rt=\"oic.r.switch.binary\"";

    @Test
    void wellKnownCoreDiscoveryListsTheServersResources() {
        // RFC 6690 §4: GET /.well-known/core; §5 example answered 2.05 Content, Content-Format 40
        Observed o = exchange(
                fromClient(message(CON, 0, 1, 0x1234, (byte) 0xab).path("/.well-known/core").bytes()),
                fromServer(message(ACK, 2, 5, 0x1234, (byte) 0xab).uint(CoapDissector.OPTION_CONTENT_FORMAT, 40)
                        .payload(CORE_LINKS)));
        assertThat(o.facts()).containsExactly(
                C + "coap.method=GET",
                C + "coap.requestPath=/.well-known/core",
                S + "coap.interface=sensor",
                S + "coap.resource=/.well-known/core",
                S + "coap.resource=/a,b",
                S + "coap.resource=/sensors/light",
                S + "coap.resource=/sensors/temp",
                S + "coap.resourceType=core.s",
                S + "coap.resourceType=light-lux",
                S + "coap.resourceType=oic.r.switch.binary",
                S + "coap.resourceType=temperature-c",
                S + "coap.responseCode=2.05");
        assertThat(o.services()).containsExactly("fd00::22 5683/udp coap");
    }

    @Test
    void linkFormatIsReadOnlyWithContentFormat40() {
        // §12.3: Content-Format 0 is text/plain, whatever the text looks like
        Observed o = exchange(fromServer(message(ACK, 2, 5, 1).uint(CoapDissector.OPTION_CONTENT_FORMAT, 0)
                .payload("</x>;rt=\"y\"")));
        assertThat(o.values(CoapAttributes.RESOURCE)).isEmpty();
        assertThat(o.values(CoapAttributes.RESPONSE_CODE)).containsExactly("2.05");
    }

    @Test
    void aBlockWithMoreToComeDropsItsLastLinkWhichMayBeCut() {
        // RFC 7959 §2.2: Block2 NUM 0, M 1, SZX 2 (64 octets) = 0x0a
        byte[] first = message(ACK, 2, 5, 2).uint(CoapDissector.OPTION_CONTENT_FORMAT, 40)
                .uint(CoapDissector.OPTION_BLOCK2, 0x0a).payload("</a>;rt=\"one\",</b>;rt=\"tw");
        Observed o = exchange(fromServer(first));
        assertThat(o.values(CoapAttributes.RESOURCE)).containsExactly("/a");
        assertThat(o.values(CoapAttributes.RESOURCE_TYPE)).containsExactly("one");
    }

    @Test
    void uriHostAndLongOptionsUseExtendedDeltaAndLength() {
        // §3.1: Uri-Host (3), Uri-Path (11) of 20 octets (length nibble 13), Uri-Query (15), then a made-up
        // elective option 300 (delta nibble 14)
        byte[] get = message(CON, 0, 1, 7).option(CoapDissector.OPTION_URI_HOST, "sensor.local")
                .path("/a-rather-long-segment").option(15, "q=1").option(300, "x").bytes();
        Observed o = exchange(fromClient(get));
        assertThat(o.values(CoapAttributes.URI_HOST)).containsExactly("sensor.local");
        assertThat(o.values(CoapAttributes.REQUEST_PATH)).containsExactly("/a-rather-long-segment");
    }

    @Test
    void methodsOfRfc7252AndRfc8132() {
        Observed o = exchange(
                fromClient(message(CON, 0, 2, 1).path("/a").bytes()),
                fromClient(message(CON, 0, 3, 2).path("/a").bytes()),
                fromClient(message(CON, 0, 4, 3).path("/a").bytes()),
                fromClient(message(CON, 0, 5, 4).path("/a").bytes()),
                fromClient(message(CON, 0, 7, 5).path("/a").bytes()));
        assertThat(o.values(CoapAttributes.METHOD)).containsExactly("DELETE", "FETCH", "POST", "PUT", "iPATCH");
    }

    @Test
    void responsesFromAnotherPortProveNoService() {
        Observed o = exchange(CoapWire.SERVER.udp(50000, CoapDissector.PORT, message(ACK, 4, 4, 1).bytes()));
        assertThat(o.values(CoapAttributes.RESPONSE_CODE)).containsExactly("4.04");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void formatErrorsAreCountedNotReported() {
        CoapDissector d = new CoapDissector();
        Observed o = new Observed(d);
        byte[] version2 = message(CON, 0, 1, 1).path("/a").bytes();
        version2[0] = (byte) (2 << 6);
        byte[] tokenLength9 = message(CON, 0, 1, 1).path("/a").bytes();
        tokenLength9[0] = (byte) (1 << 6 | 9);
        byte[] reservedNibble = {0x40, 0x01, 0, 1, (byte) 0xf1, 'x'};
        byte[] markerWithoutPayload = {0x40, 0x01, 0, 1, (byte) 0xff};
        byte[] optionPastEnd = {0x40, 0x01, 0, 1, (byte) 0xb5, 'a'};
        for (byte[] b : new byte[][] {version2, tokenLength9, reservedNibble, markerWithoutPayload, optionPastEnd}) {
            o.feed(CLIENT, fromClient(b));
        }
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(5);
    }

    @Test
    void emptyMessagesSayNothing() {
        // §4.1: code 0.00 is an empty ACK or RST
        assertThat(exchange(fromServer(message(ACK, 0, 0, 9).bytes())).all).isEmpty();
    }

    @Test
    void captureMatchesTshark() {
        // tshark -r F -T fields -e eth.src -e ipv6.src -e udp.srcport -e coap.code -e coap.opt.uri_path
        Observed o = new Observed(new CoapDissector()).capture(CoapWire.fixture("coap-6lowpan-lab-requests-responses.pcap"));
        String a = "48:5d:60:c0:97:4a/2001:da8:215:1171:a10b:cb48:8f83:57f6 ";
        String b = "00:24:e8:a7:49:a1/bbbb::1 ";
        String node = "b8:27:eb:a6:b2:2f/bbbb::3 ";
        assertThat(o.facts()).containsExactly(
                b + "coap.method=DELETE", b + "coap.method=GET", b + "coap.method=POST", b + "coap.method=PUT",
                b + "coap.requestPath=/separate", b + "coap.requestPath=/storage",
                b + "coap.requestPath=/storage/myresource",
                a + "coap.method=DELETE", a + "coap.method=GET", a + "coap.method=POST", a + "coap.method=PUT",
                node + "coap.responseCode=2.01", node + "coap.responseCode=2.02", node + "coap.responseCode=2.04",
                node + "coap.responseCode=2.05", node + "coap.responseCode=4.05");
        assertThat(o.services()).containsExactly("bbbb::3 5683/udp coap");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
