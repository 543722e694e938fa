package io.osprey.dissect.ntp;

import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.sip.Voip;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.sip.Voip.P;
import static io.osprey.dissect.sip.Voip.PHONE;
import static io.osprey.dissect.sip.Voip.S;
import static io.osprey.dissect.sip.Voip.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/** NTP packets, by the rows of RFC 5905 §7.3 they exercise. */
class NtpDissectorTest {

    /** A 48-octet header: LI 0, the version and mode, a stratum and a reference ID. */
    static byte[] header(int version, int mode, int stratum, String referenceId) {
        byte[] b = new byte[NtpDissector.HEADER_LENGTH];
        b[0] = (byte) (version << 3 | mode);
        b[1] = (byte) stratum;
        b[2] = 6;
        b[3] = (byte) -20;
        for (int i = 0; i < referenceId.length(); i++) b[12 + i] = (byte) referenceId.charAt(i);
        return b;
    }

    static Observed exchange(byte[] request, byte[] answer) {
        Observed o = new Observed(new NtpDissector());
        if (request != null) o.feed(PHONE, PHONE.udp(40123, 123, request));
        if (answer != null) o.feed(SERVER, SERVER.udp(123, 40123, answer));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void clientAndServerModes() {
        // Figure 10: mode 3 client, 4 server; a client's stratum (0 here) says nothing and is not reported
        Observed o = exchange(header(4, 3, 0, ""), header(4, 4, 2, "\u00c0\u00a8\u0001\u0001"));
        assertThat(o.facts()).containsExactly(
                P + "ntp.mode=client",
                P + "ntp.version=4",
                S + "ntp.mode=server",
                S + "ntp.stratum=2",
                S + "ntp.version=4");
        assertThat(o.services()).containsExactly("10.0.0.2 123/udp ntp");
    }

    @Test
    void primaryServerNamesItsReferenceClock() {
        // Figure 12: stratum 1 reference IDs are four-octet, left-justified, zero-padded ASCII
        Observed o = exchange(null, header(3, 4, 1, "GPS"));
        assertThat(o.values(NtpAttributes.REFERENCE_CLOCK)).containsExactly("GPS");
        assertThat(o.values(NtpAttributes.VERSION)).containsExactly("3");
    }

    @Test
    void broadcastAndSymmetricModesStateAStratumButProveNoService() {
        Observed o = new Observed(new NtpDissector());
        o.feed(SERVER, SERVER.udp(123, 123, header(4, 5, 3, "")));
        o.feed(PHONE, PHONE.udp(123, 123, header(4, 1, 4, "")));
        o.feed(SERVER, SERVER.udp(123, 123, header(4, 2, 3, "")));
        assertThat(o.facts()).containsExactly(
                P + "ntp.mode=symmetricActive", P + "ntp.stratum=4", P + "ntp.version=4",
                S + "ntp.mode=broadcast", S + "ntp.mode=symmetricPassive", S + "ntp.stratum=3", S + "ntp.version=4");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void kissOfDeathAndUnsynchronizedStrata() {
        // §7.4: stratum 0 in a server packet is a kiss-o'-death, not a stratum; 16 is unsynchronized
        assertThat(exchange(null, header(4, 4, 0, "RATE")).values(NtpAttributes.STRATUM)).isEmpty();
        assertThat(exchange(null, header(4, 4, 16, "")).values(NtpAttributes.STRATUM)).containsExactly("16");
        assertThat(exchange(null, header(4, 4, 17, "")).values(NtpAttributes.STRATUM)).isEmpty();
    }

    @Test
    void controlMessagesGiveOnlyModeAndVersion() {
        // ntpq's mode 6 (RFC 9327 §2): a 12-octet header, no stratum
        byte[] control = {(byte) (2 << 3 | 6), 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        Observed o = exchange(control, null);
        assertThat(o.facts()).containsExactly(P + "ntp.mode=control", P + "ntp.version=2");
    }

    @Test
    void shortOrUnknownVersionPacketsAreCountedNotReported() {
        NtpDissector d = new NtpDissector();
        Observed o = new Observed(d);
        o.feed(PHONE, PHONE.udp(40123, 123, new byte[47]));
        byte[] v5 = header(4, 3, 0, "");
        v5[0] = (byte) (5 << 3 | 3);
        o.feed(PHONE, PHONE.udp(40123, 123, v5));
        byte[] v0 = header(4, 3, 0, "");
        v0[0] = 3;
        o.feed(PHONE, PHONE.udp(40123, 123, v0));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.notNtp()).isEqualTo(3);
    }

    @Test
    void eachFactIsReportedOnce() {
        Observed o = new Observed(new NtpDissector());
        for (int i = 0; i < 20; i++) o.feed(SERVER, SERVER.udp(123, 40000 + i, header(4, 4, 2, "")));
        assertThat(o.attributes()).hasSize(3);
        assertThat(o.all).hasSize(4);
    }

    @Test
    void hueBridgeCapture() {
        // tshark -r hue-bridge-ntp.pcap -T fields -e eth.src -e ip.src -e ntp.flags.vn -e ntp.flags.mode -e ntp.stratum -e ntp.refid
        Observed o = new Observed(new NtpDissector()).capture(Voip.fixture("ntp/hue-bridge-ntp.pcap"));
        String bridge = "00:17:88:24:76:ff/10.10.10.6 ";
        String gw = "00:b5:6d:06:08:ba/";
        assertThat(o.facts()).containsExactly(
                bridge + "ntp.mode=client", bridge + "ntp.version=4",
                gw + "144.76.115.197 ntp.mode=server", gw + "144.76.115.197 ntp.stratum=2", gw + "144.76.115.197 ntp.version=4",
                gw + "176.9.92.196 ntp.mode=server", gw + "176.9.92.196 ntp.stratum=3", gw + "176.9.92.196 ntp.version=4",
                gw + "82.200.209.236 ntp.mode=server", gw + "82.200.209.236 ntp.stratum=2", gw + "82.200.209.236 ntp.version=4",
                gw + "91.202.42.82 ntp.mode=server", gw + "91.202.42.82 ntp.referenceClock=PPS",
                gw + "91.202.42.82 ntp.stratum=1", gw + "91.202.42.82 ntp.version=4");
        assertThat(o.services()).containsExactly("144.76.115.197 123/udp ntp", "176.9.92.196 123/udp ntp",
                "82.200.209.236 123/udp ntp", "91.202.42.82 123/udp ntp");
    }
}
