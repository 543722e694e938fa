package io.osprey.dissect.http;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.http.Web.CLIENT;
import static io.osprey.dissect.http.Web.SERVER;
import static io.osprey.dissect.http.Web.ascii;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/1.x heads, by the rows of RFC 9110/9112 they exercise. */
class HttpDissectorTest {
    static final String C = "02:00:00:00:00:01/10.0.0.1 ";
    static final String S = "02:00:00:00:00:02/10.0.0.2 ";

    /** A connection from 10.0.0.1:40000 to 10.0.0.2:port: handshake, then the client's and server's payloads. */
    static Observed exchange(int port, String request, String response) {
        return exchange(port, true, request, response);
    }

    static Observed exchange(int port, boolean handshake, String request, String response) {
        Observed o = new Observed(new HttpDissector());
        if (handshake) {
            o.feed(CLIENT, CLIENT.tcp(40000, port, SYN));
            o.feed(SERVER, SERVER.tcp(port, 40000, SYN | ACK));
        }
        if (request != null) o.feed(CLIENT, CLIENT.tcp(40000, port, PSH | ACK, ascii(request)));
        if (response != null) o.feed(SERVER, SERVER.tcp(port, 40000, PSH | ACK, ascii(response)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void requestHeadersDescribeTheClientAndTheResponseTheServer() {
        Observed o = exchange(80, "GET /index.html?token=secret#frag HTTP/1.1\r\nHost: Camera.Local:8080\r\n"
                + "User-Agent: Wget/1.13 (linux-uclibc)\r\nAccept: */*\r\n\r\n",
                "HTTP/1.1 200 OK\r\nServer: lighttpd/1.4.34\r\nContent-Length: 0\r\n\r\n");
        assertThat(o.facts()).containsExactly(
                C + "http.host=camera.local:8080",
                C + "http.request=GET /index.html",
                C + "http.userAgent=Wget/1.13 (linux-uclibc)",
                S + "http.server=lighttpd/1.4.34");
        assertThat(o.services()).containsExactly("10.0.0.2 80/tcp http");
    }

    @Test
    void fieldNamesAreCaseInsensitiveAndValuesKeepInnerSpaces() {
        // RFC 9110 §5.1: field names are case-insensitive; OWS around the value is not part of it (§5.5)
        Observed o = exchange(8080, null, "HTTP/1.0 401 Unauthorized\nSERVER:   Linux,    UPnP/1.0 DCS-935L/1.0  \n\n");
        assertThat(o.facts()).containsExactly(S + "http.server=Linux,    UPnP/1.0 DCS-935L/1.0");
    }

    @Test
    void obsoleteLineFoldingContinuesTheValue() {
        // RFC 9112 §5.2: obs-fold is replaced by a space
        Observed o = exchange(80, "GET / HTTP/1.1\r\nUser-Agent: Foo/1.0\r\n  (bar)\r\n\tbaz\r\nHost: x\r\n\r\n", null);
        assertThat(o.values(HttpAttributes.USER_AGENT)).containsExactly("Foo/1.0 (bar) baz");
        assertThat(o.values(HttpAttributes.HOST)).containsExactly("x");
    }

    @Test
    void wwwAuthenticateChallengesGiveSchemesAndRealms() {
        // RFC 9110 §11.6.1: several challenges, in one field or in several
        Observed o = exchange(80, null, "HTTP/1.1 401 Unauthorized\r\n"
                + "WWW-Authenticate: Digest realm=\"DCS-935L \\\"cam\\\"\", qop=\"auth\", nonce=\"abc\", Basic realm=Admin\r\n"
                + "www-authenticate: Negotiate\r\nWWW-Authenticate: NTLM TlRMTVNTUAACAAAA==, Bearer realm=\"api\"\r\n\r\n");
        assertThat(o.values(HttpAttributes.AUTH_SCHEME)).containsExactly("Basic", "Bearer", "Digest", "NTLM", "Negotiate");
        assertThat(o.values(HttpAttributes.AUTH_REALM)).containsExactly("Admin", "DCS-935L \"cam\"", "api");
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).isEqualTo(S.trim()));
    }

    @Test
    void credentialsAreNotedNeverKept() {
        // RFC 7617 §2: Basic carries user-pass in base64; RFC 7616 §3.4: Digest a response
        Observed basic = exchange(80, "GET /a HTTP/1.1\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\n\r\n", null);
        assertThat(basic.facts()).containsExactly(C + "http.basicAuth=present", C + "http.request=GET /a");
        Observed digest = exchange(80, "GET /a HTTP/1.1\r\nauthorization: digest username=\"admin\", response=\"x\"\r\n\r\n", null);
        assertThat(digest.values(HttpAttributes.DIGEST_AUTH)).containsExactly("present");
        assertThat(basic.all.toString() + digest.all).doesNotContain("YWRtaW46YWRtaW4=").doesNotContain("admin");
    }

    @Test
    void absoluteFormDropsTheAuthorityWithItsUserinfo() {
        Observed o = exchange(8080, "GET http://user:pw@example.com/path/x?q=1 HTTP/1.1\r\n\r\n", null);
        assertThat(o.values(HttpAttributes.REQUEST)).containsExactly("GET /path/x");
    }

    @Test
    void onlyTheFirstRequestOfAConnectionIsReported() {
        Observed o = exchange(80, "GET /first HTTP/1.1\r\n\r\n", null);
        o.feed(CLIENT, CLIENT.tcp(40000, 80, PSH | ACK, ascii("GET /second HTTP/1.1\r\n\r\n")));
        assertThat(o.values(HttpAttributes.REQUEST)).containsExactly("GET /first");
    }

    /** On a port no dissector claims, the pipeline asks {@code detect} on the flow's first packet with payload. */
    @Test
    void anyPortIsReadWhenTheFlowStartsWithAnHttpStartLine() {
        Observed o = exchange(5000, false, "POST /upnp/control HTTP/1.1\r\nUser-Agent: X\r\n\r\n", "HTTP/1.1 200 OK\r\nServer: Y\r\n\r\n");
        assertThat(o.facts()).containsExactly(C + "http.request=POST /upnp/control", C + "http.userAgent=X",
                S + "http.server=Y");
        assertThat(o.services()).containsExactly("10.0.0.2 5000/tcp http");
        Observed other = exchange(5001, false, "HELLO\r\n\r\n", "HTTP/1.1 200 OK\r\nServer: Y\r\n\r\n");
        assertThat(other.all).isEmpty();
        // SIP shares the OPTIONS method: its start line says SIP/2.0, so HTTP leaves the flow alone
        Observed sip = exchange(5002, false, "OPTIONS sip:a@b SIP/2.0\r\nUser-Agent: Z\r\n\r\n", null);
        assertThat(sip.all).isEmpty();
        assertThat(new HttpDissector().detect(new io.osprey.dissect.Payload().wrap(
                "OPTIONS sip:a@b SIP/2.0\r\n\r\n".getBytes(), 0, 29), new io.osprey.dissect.FlowView())).isFalse();
    }

    @Test
    void headsThatAreNotHttpOrAreCutAreIgnored() {
        assertThat(exchange(80, "GET /\r\n\r\n", null).all).as("HTTP/0.9 has no version").isEmpty();
        assertThat(exchange(80, "GET / HTTP/2.0\r\n\r\n", null).all).isEmpty();
        assertThat(exchange(80, "GET / HTTP/1.1", null).all).as("start line not ended").isEmpty();
        assertThat(exchange(80, "GET / HTTP/1.1\r\nUser-Agent: cut", null).values(HttpAttributes.USER_AGENT)).isEmpty();
        assertThat(exchange(80, null, "HTTP/1.1 2x0 OK\r\nServer: Y\r\n\r\n").all).isEmpty();
    }

    @Test
    void keysAndTokensInThePathAreNeverStored() {
        Observed o = exchange(80, "GET /api/7af1dee81e8e93fe3d50e80d40770a5b/lights/1 HTTP/1.1\r\n\r\n", null);
        assertThat(o.attributes(HttpAttributes.REQUEST)).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("GET /api/{token}/lights/1"));
        // long words without digits are paths, not keys
        Observed words = exchange(80, "GET /DevicePortalICPRequestHandler/RequestHandler.ashx HTTP/1.1\r\n\r\n", null);
        assertThat(words.attributes(HttpAttributes.REQUEST)).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("GET /DevicePortalICPRequestHandler/RequestHandler.ashx"));
    }

    @Test
    void aValueIsReportedOncePerHost() {
        Observed o = exchange(80, "GET / HTTP/1.1\r\nUser-Agent: X\r\nUser-Agent: X\r\n\r\n", null);
        assertThat(o.attributes(HttpAttributes.USER_AGENT)).hasSize(1);
    }

    @Test
    void philipsHueBridgeCaptureMatchesTshark() {
        // tshark -r hue-bridge-ssdp-http.pcap -Y 'http && tcp' -T fields -e ip.src -e http.request.method
        //   -e http.request.uri -e http.server -e http.user_agent -e http.host -e http.www_authenticate
        Observed o = new Observed(new HttpDissector()).capture(Web.fixture("http/hue-bridge-ssdp-http.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        String bridge = "00:17:88:24:76:ff/10.10.10.6 ";
        String phone = "38:0b:40:ef:85:41/10.10.10.30 ";
        String router = "00:b5:6d:06:08:ba/";
        assertThat(o.facts()).containsExactlyInAnyOrder(
                bridge + "http.host=dcp.cpp.philips.com:80",
                bridge + "http.host=www.ecdinterface.philips.com:80",
                bridge + "http.request=POST /DcpRequestHandler/index.ashx",
                bridge + "http.request=POST /DevicePortalICPRequestHandler/RequestHandler.ashx",
                bridge + "http.request=POST /NotificationService/RequestHandler.ashx",
                phone + "http.host=10.10.10.6",
                // the path held the app's API key: it is never stored
                phone + "http.request=GET /api/{token}",
                phone + "http.request=POST /api/",
                phone + "http.userAgent=Dalvik/2.1.0 (Linux; U; Android 5.1.1; SM-N7505 Build/LMY47X)",
                router + "162.13.31.14 http.server=Microsoft-IIS/7.5",
                router + "5.79.62.93 http.server=Microsoft-IIS/7.5",
                router + "162.13.31.14 http.authScheme=CBAuth",
                router + "5.79.62.93 http.authScheme=CBAuth");
        assertThat(o.services()).containsExactly("10.10.10.6 80/tcp http", "162.13.31.14 80/tcp http",
                "5.79.62.93 80/tcp http");
    }
}
