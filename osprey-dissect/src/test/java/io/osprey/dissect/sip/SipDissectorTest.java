package io.osprey.dissect.sip;

import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.HttpDissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Payload;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.sip.Voip.P;
import static io.osprey.dissect.sip.Voip.PHONE;
import static io.osprey.dissect.sip.Voip.S;
import static io.osprey.dissect.sip.Voip.SERVER;
import static io.osprey.dissect.sip.Voip.ascii;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** SIP heads, by the rows of RFC 3261 (and its extensions) they exercise. */
class SipDissectorTest {
    static final String VIA = "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds\r\n";
    /** RFC 3261 §24.1-style REGISTER, straight from the phone. */
    static final String REGISTER = "REGISTER sip:registrar.example.com SIP/2.0\r\n" + VIA
            + "Max-Forwards: 70\r\nTo: Bob <sip:bob@example.com>\r\nFrom: Bob <sip:bob@example.com>;tag=456248\r\n"
            + "Call-ID: 843817637684230@998sdasdh09\r\nCSeq: 1826 REGISTER\r\n"
            + "Contact: <sip:bob@10.0.0.1:5060;transport=udp>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";expires=7200\r\n"
            + "User-Agent: Cisco-CP7960G/8.0\r\nContent-Length: 0\r\n\r\n";

    static Observed udp(String fromPhone, String fromServer) {
        Observed o = new Observed(new SipDissector());
        if (fromPhone != null) o.feed(PHONE, PHONE.udp(5060, 5060, ascii(fromPhone)));
        if (fromServer != null) o.feed(SERVER, SERVER.udp(5060, 5060, ascii(fromServer)));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void requestFromTheUserAgentDescribesTheSender() {
        // RFC 3261 §20.41 User-Agent, §20.10 Contact, RFC 5626 §4.1 +sip.instance
        Observed o = udp(REGISTER, null);
        assertThat(o.facts()).containsExactly(
                P + "sip.contactHost=10.0.0.1",
                P + "sip.instance=urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF",
                P + "sip.method=REGISTER",
                P + "sip.userAgent=Cisco-CP7960G/8.0");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void responseDescribesTheResponderAndProvesTheService() {
        // RFC 3261 §20.35 Server; a response to an INVITE carries the answerer's own Contact (§12.1.1)
        Observed o = udp(null, "SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9\r\n"
                + "CSeq: 314159 INVITE\r\nContact: <sip:carol@PBX.Example.COM:5070;transport=udp>\r\n"
                + "Server: Asterisk PBX 18.9.0\r\nContent-Length: 0\r\n\r\n");
        assertThat(o.facts()).containsExactly(
                S + "sip.contactHost=pbx.example.com",
                S + "sip.server=Asterisk PBX 18.9.0");
        assertThat(o.services()).containsExactly("10.0.0.2 5060/udp sip");
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.confidence()).isEqualTo(SipAttributes.RESPONDED));
    }

    @Test
    void registerAnswerContactsAreTheRegisteredBindingsNotTheRegistrar() {
        // RFC 3261 §10.3 step 8: the 200 OK to REGISTER lists the AOR's bindings; §21.3: a 3xx lists other places
        Observed ok = udp(null, "SIP/2.0 200 OK\r\n" + VIA + "CSeq: 1826 REGISTER\r\n"
                + "Contact: <sip:bob@10.0.0.1:5060>;expires=7200\r\nServer: Reg/1\r\n\r\n");
        assertThat(ok.values(SipAttributes.CONTACT_HOST)).isEmpty();
        assertThat(ok.values(SipAttributes.SERVER)).containsExactly("Reg/1");
        Observed moved = udp(null, "SIP/2.0 302 Moved Temporarily\r\n" + VIA + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:bob@elsewhere.example>\r\n\r\n");
        assertThat(moved.values(SipAttributes.CONTACT_HOST)).isEmpty();
    }

    @Test
    void aRequestRelayedByAProxyIsNotAboutTheProxy() {
        // RFC 3261 §16.6 step 8: each proxy adds a Via; the User-Agent and Contact stay the originator's
        Observed twoHeaders = udp("INVITE sip:alice@example.com SIP/2.0\r\nVia: SIP/2.0/UDP proxy.example;branch=z9a\r\n"
                + VIA + "CSeq: 1 INVITE\r\nContact: <sip:bob@10.9.9.9>\r\nUser-Agent: Far/1\r\n\r\n", null);
        assertThat(twoHeaders.facts()).containsExactly(P + "sip.method=INVITE");
        Observed oneHeader = udp("INVITE sip:alice@example.com SIP/2.0\r\nv: SIP/2.0/UDP proxy.example;branch=z9a, "
                + "SIP/2.0/UDP 10.9.9.9;branch=z9b\r\nm: <sip:bob@10.9.9.9>\r\nUser-Agent: Far/1\r\n\r\n", null);
        assertThat(oneHeader.facts()).containsExactly(P + "sip.method=INVITE");
    }

    @Test
    void compactFormsAndAddrSpecContactsAreRead() {
        // RFC 3261 §7.3.3: "v" is Via, "m" is Contact; §20.10: without <>, parameters belong to the header
        Observed o = udp("OPTIONS sip:carol@chicago.com SIP/2.0\nv: SIP/2.0/TCP 10.0.0.1;branch=z9\n"
                + "m: sip:bob@[2001:DB8::10]:5060;+u.sip!devicename.ccm.cisco.com=\"SEP001122334455\";+g.3gpp.icsi-ref\n"
                + "user-agent:   Grandstream GXP2160 1.0.11.6  \n\n", null);
        assertThat(o.facts()).containsExactly(
                P + "sip.contactFeature=+g.3gpp.icsi-ref",
                P + "sip.contactFeature=+u.sip!devicename.ccm.cisco.com=SEP001122334455",
                P + "sip.contactHost=2001:db8::10",
                P + "sip.method=OPTIONS",
                P + "sip.userAgent=Grandstream GXP2160 1.0.11.6");
    }

    @Test
    void credentialsAreNotedNeverKept() {
        // RFC 3261 §22.2/§22.3: Authorization and Proxy-Authorization carry a Digest response; §19.1.1: a password
        // in the URI's userinfo is deprecated but still sent by some
        String secret = "s3cr3t";
        Observed o = udp("INVITE sip:alice@example.com SIP/2.0\r\n" + VIA
                + "Contact: \"Bob, <home>\" <sip:bob:" + secret + "@10.0.0.1;transport=udp>\r\n"
                + "Proxy-Authorization: Digest username=\"bob\", response=\"" + secret + "\"\r\n\r\n", null);
        assertThat(o.facts()).containsExactly(P + "sip.auth=present", P + "sip.contactHost=10.0.0.1",
                P + "sip.method=INVITE");
        assertThat(o.facts()).noneMatch(f -> f.contains(secret) || f.contains("bob"));
    }

    @Test
    void eachValueIsReportedOnce() {
        Observed o = new Observed(new SipDissector());
        for (int i = 0; i < 5; i++) o.feed(PHONE, PHONE.udp(5060, 5060, ascii(REGISTER)));
        assertThat(o.attributes()).hasSize(4);
    }

    @Test
    void sipOverTcpAndOnOtherPortsIsFoundByItsStartLine() {
        // RFC 3261 §18.1: SIP over TCP on 5060; elsewhere the start line gives it away
        Observed o = new Observed(new SipDissector(), new HttpDissector());
        o.feed(PHONE, PHONE.tcp(40000, 5080, SYN));
        o.feed(SERVER, SERVER.tcp(5080, 40000, SYN | ACK));
        o.feed(PHONE, PHONE.tcp(40000, 5080, PSH | ACK, ascii(REGISTER)));
        o.feed(SERVER, SERVER.tcp(5080, 40000, PSH | ACK, ascii("SIP/2.0 401 Unauthorized\r\n" + VIA
                + "CSeq: 1826 REGISTER\r\nServer: FPBX-16.0.33(18.13.0)\r\n\r\n")));
        assertThat(o.values(SipAttributes.USER_AGENT)).containsExactly("Cisco-CP7960G/8.0");
        assertThat(o.values(SipAttributes.SERVER)).containsExactly("FPBX-16.0.33(18.13.0)");
        assertThat(o.services()).containsExactly("10.0.0.2 5080/tcp sip");
    }

    @Test
    void detectionNeedsASipStartLine() {
        SipDissector d = new SipDissector();
        Payload p = new Payload();
        assertThat(d.detect(p.wrap(ascii("SIP/2.0 200 OK\r\n"), 0, 16), new FlowView())).isTrue();
        assertThat(d.detect(p.wrap(ascii("INVITE sip:a@b SIP/2.0\r\n"), 0, 24), new FlowView())).isTrue();
        assertThat(d.detect(p.wrap(ascii("OPTIONS * HTTP/1.1\r\n"), 0, 20), new FlowView())).isFalse();
        assertThat(d.detect(p.wrap(ascii("NOTIFY * HTTP/1.1\r\n"), 0, 19), new FlowView())).isFalse();
    }

    @Test
    void httpAndGarbageOnThePortAreCountedNotReported() {
        SipDissector d = new SipDissector();
        Observed o = new Observed(d);
        o.feed(PHONE, PHONE.udp(5060, 5060, ascii("GET / HTTP/1.1\r\nUser-Agent: x\r\n\r\n")));
        o.feed(PHONE, PHONE.udp(5060, 5060, ascii("\r\n\r\n"))); // RFC 5626 §4.4.1 keep-alive
        o.feed(PHONE, PHONE.udp(5060, 5060, ascii("INVITE sip:x SIP/2.0"))); // no line end: truncated
        assertThat(o.attributes()).isEmpty();
        assertThat(d.notSip()).isEqualTo(3);
    }
}
