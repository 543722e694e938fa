package io.osprey.dissect.eapol;

import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.eapol.EapolFrames.AUTHENTICATOR;
import static io.osprey.dissect.eapol.EapolFrames.SUPPLICANT;
import static org.assertj.core.api.Assertions.assertThat;

/** EAPOL (IEEE 802.1X-2010 §11) and EAP (RFC 3748) frames, hand-built and from a real Cisco switch port. */
class EapolDissectorTest {
    static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");

    static Observed feed(EapolDissector d, byte[]... frames) {
        Observed o = new Observed(d);
        for (byte[] f : frames) o.feed(CLOCK, f);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    static Observed feed(byte[]... frames) {
        return feed(new EapolDissector(), frames);
    }

    @Test
    void startAndLogoffComeFromASupplicant() {
        // §11.3.2 packet types 1 EAPOL-Start, 2 EAPOL-Logoff; version 3 is 802.1X-2010
        Observed o = feed(EapolFrames.eapol(SUPPLICANT, 3, 1), EapolFrames.eapol(SUPPLICANT, 3, 2));
        assertThat(o.facts()).containsExactly(SUPPLICANT + " eapol.supplicant=802.1X-2010");
    }

    @Test
    void requestsComeFromTheAuthenticatorResponsesFromTheSupplicant() {
        // RFC 3748 §4.1 Request/Response with §5 types: 1 Identity, 4 MD5-Challenge, 25 PEAP, 21 TTLS, 13 TLS
        Observed o = feed(
                EapolFrames.eap(AUTHENTICATOR, 1, 1),
                EapolFrames.eap(SUPPLICANT, 2, EapolFrames.text(1, "alice@example.org")),
                EapolFrames.eap(AUTHENTICATOR, 1, 25, 0x20),
                EapolFrames.eap(SUPPLICANT, 2, 3, 21),
                EapolFrames.eap(AUTHENTICATOR, 1, 21, 0x20),
                EapolFrames.eap(SUPPLICANT, 2, 21, 0),
                EapolFrames.eap(AUTHENTICATOR, 3));
        assertThat(o.facts()).containsExactlyInAnyOrder(
                AUTHENTICATOR + " eapol.authenticator=802.1X-2004",
                AUTHENTICATOR + " eapol.eapMethod=Identity",
                AUTHENTICATOR + " eapol.eapMethod=PEAP",
                AUTHENTICATOR + " eapol.eapMethod=TTLS",
                SUPPLICANT + " eapol.eapMethod=Identity",
                SUPPLICANT + " eapol.eapMethod=Nak",
                SUPPLICANT + " eapol.eapMethod=TTLS",
                SUPPLICANT + " eapol.supplicant=802.1X-2004");
        assertThat(o.attributes()).noneMatch(a -> a.value().contains("alice"));
    }

    @Test
    void methodNamesFollowTheRegistry() {
        assertThat(EapMethods.name(4)).isEqualTo("MD5-Challenge");
        assertThat(EapMethods.name(13)).isEqualTo("TLS");
        assertThat(EapMethods.name(18)).isEqualTo("SIM");
        assertThat(EapMethods.name(43)).isEqualTo("FAST");
        assertThat(EapMethods.name(99)).isEqualTo("type-99");
    }

    @Test
    void keyFramesAndMalformedPacketsYieldNothing() {
        EapolDissector d = new EapolDissector();
        Observed o = feed(d,
                EapolFrames.eapol(AUTHENTICATOR, 2, 3, 2, 0, 0x8a),            // EAPOL-Key (WPA handshake too)
                EapolFrames.eapol(SUPPLICANT, 2, 0, 2, 1, 0, 40, 1),            // EAP length past the body
                EapolFrames.eapol(SUPPLICANT, 2, 0, 9, 1, 0, 4),                // unknown EAP code
                EapolFrames.eapol(SUPPLICANT, 0, 1));                           // version 0 does not exist
        assertThat(o.all).isEmpty();
        assertThat(d.malformed()).isEqualTo(3);
    }

    @Test
    void ciscoSwitchPortCaptureMatchesTshark() {
        // tshark -r cisco-switch-eap-sim.pcap -T fields -e eth.src -e eapol.version -e eapol.type -e eap.code -e eap.type:
        // the Intel host sends Start (type 1) and Responses (code 2) of types 1 and 18; the Cisco switch Requests
        // (code 1) of types 1 and 18, Success (3) and EAPOL-Key (type 3); all EAPOL version 1
        Observed o = new Observed(new EapolDissector()).capture(Web.fixture("eapol/cisco-switch-eap-sim.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.facts()).containsExactlyInAnyOrder(
                AUTHENTICATOR + " eapol.authenticator=802.1X-2001",
                AUTHENTICATOR + " eapol.eapMethod=Identity",
                AUTHENTICATOR + " eapol.eapMethod=SIM",
                SUPPLICANT + " eapol.eapMethod=Identity",
                SUPPLICANT + " eapol.eapMethod=SIM",
                SUPPLICANT + " eapol.supplicant=802.1X-2001");
        // the identity is an IMSI-based NAI: 1295023820005391@mnc023.mcc295.owlan.org
        assertThat(o.attributes()).noneMatch(a -> a.value().contains("1295023820005391") || a.value().contains("owlan"));
    }
}
