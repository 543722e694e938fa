package io.osprey.dissect.sip;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nDPI's sip.pcap (LGPL-3.0, read in place from ../shared, never copied): a Nero SIPPS softphone behind NAT
 * registering with and calling through two providers. Expected values from
 * {@code tshark -r sip.pcap -Y sip -T fields -e ip.src -e sip.Method -e sip.User-Agent -e sip.Server -e sip.Contact}.
 */
class SipCaptureTest {
    static final String PHONE = "00:e0:ed:01:6e:bd/192.168.1.2 ";

    @Test
    void ndpiSipCapture() {
        Path file = Voip.shared("ndpi/sip.pcap");
        Observed o = new Observed(new SipDissector()).capture(file);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.facts()).containsExactly(
                "00:30:54:00:34:56/200.68.120.81 sip.server=Sip EXpress router (0.8.12 (i386/linux))",
                "00:30:54:00:34:56/212.242.33.35 sip.contactHost=212.242.33.35",
                "00:30:54:00:34:56/212.242.33.35 sip.server=Cirpack/v4.38e (gw_sip)",
                PHONE + "sip.auth=present",
                PHONE + "sip.contactHost=192.168.1.2",
                PHONE + "sip.method=ACK",
                PHONE + "sip.method=CANCEL",
                PHONE + "sip.method=INVITE",
                PHONE + "sip.method=REGISTER",
                PHONE + "sip.userAgent=Nero SIPPS IP Phone Version 2.0.51.16");
        assertThat(o.facts()).noneMatch(f -> f.contains("response") || f.contains("e733a545"));
        assertThat(o.services()).containsExactly("200.68.120.81 5060/udp sip", "212.242.33.35 5060/udp sip");
    }

    @Test
    void everyTruncationOfTheCaptureIsHandled() {
        DirectRun run = Voip.direct();
        for (byte[] frame : DirectRun.frames(Voip.shared("ndpi/sip.pcap"))) {
            for (int n = 0; n <= frame.length; n += 3) run.dissect(frame, n);
        }
        assertThat(run.observations).isPositive();
    }
}
