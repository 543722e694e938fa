package io.osprey.dissect.dnp3;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real capture; expected values from {@code tshark -Y dnp3 -T fields -e ip.src -e dnp3.ctl.dir -e dnp3.src
 * -e dnp3.al.func -e dnp3.al.iin.rst}.
 */
class Dnp3CaptureTest {

    @Test
    void itiTestDataPart1() {
        // masters 10.0.0.8 and 10.0.0.9 (link address 3, DIR=1); outstation 10.0.0.3 (link addresses 4 and 6,
        // DIR=0) answers 129 and sends 130, with IIN1.7 set in frames 83, 84, 87, 121, 126...
        Dnp3Dissector d = new Dnp3Dissector();
        Observed o = new Observed(d).capture(Dnp3Wire.fixture("iti-dnp3-test-data-part1.pcap"));
        assertThat(o.facts()).containsExactly(
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.address=4",
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.address=6",
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.function=response",
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.function=unsolicited-response",
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.restart=true",
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.role=outstation",
                "00:02:b3:ce:70:51/10.0.0.3 dnp3.unsolicited=true",
                "00:50:04:93:70:67/10.0.0.8 dnp3.address=3",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=cold-restart",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=confirm",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=disable-unsolicited",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=enable-unsolicited",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=read",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=stop-application",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=warm-restart",
                "00:50:04:93:70:67/10.0.0.8 dnp3.function=write",
                "00:50:04:93:70:67/10.0.0.8 dnp3.role=master",
                "00:50:04:93:70:67/10.0.0.9 dnp3.address=3",
                "00:50:04:93:70:67/10.0.0.9 dnp3.function=cold-restart",
                "00:50:04:93:70:67/10.0.0.9 dnp3.function=disable-unsolicited",
                "00:50:04:93:70:67/10.0.0.9 dnp3.function=enable-unsolicited",
                "00:50:04:93:70:67/10.0.0.9 dnp3.function=read",
                "00:50:04:93:70:67/10.0.0.9 dnp3.function=stop-application",
                "00:50:04:93:70:67/10.0.0.9 dnp3.function=write",
                "00:50:04:93:70:67/10.0.0.9 dnp3.role=master");
        assertThat(o.services()).containsExactly("10.0.0.3 20000/tcp dnp3");
        // frames 19 and 21 start 0x05 0x05, not 0x05 0x64 (tshark does not call them DNP3 either)
        assertThat(d.malformed()).isEqualTo(2);
    }
}
