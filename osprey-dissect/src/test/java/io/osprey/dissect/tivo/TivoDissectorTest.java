package io.osprey.dissect.tivo;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.sip.Voip;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TivoDissectorTest {
    static final SyntheticFrame SERVER =
            SyntheticFrame.from("02:cc:c0:a8:c9:df", "192.168.1.1").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
    static final String S = "02:cc:c0:a8:c9:df/192.168.1.1 ";
    static final String BEACON = "TiVoConnect=1\nswversion=1.0\nmethod=broadcast\n"
            + "identity=uuid:4d696e69-444c-164e-9d41-1459c099c043\nmachine=R7000P\nplatform=pc/minidlna\n"
            + "services=TiVoMediaServer:8200/http\n";

    static byte[] beacon(String text) {
        return SERVER.udp(TivoDissector.PORT, TivoDissector.PORT, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aBeaconDescribesItsSender() {
        Observed o = new Observed(new TivoDissector()).feed(SERVER, beacon(BEACON));
        assertThat(o.facts()).containsExactlyInAnyOrder(
                S + "tivo.machine=R7000P",
                S + "tivo.platform=pc/minidlna",
                S + "tivo.swversion=1.0",
                S + "tivo.services=TiVoMediaServer:8200/http");
    }

    @Test
    void crlfLinesAndMixedCaseKeysAreRead() {
        Observed o = new Observed(new TivoDissector())
                .feed(SERVER, beacon("TiVoConnect=1\r\nMachine=Living Room\r\nplatform=tcd/Series3\r\n"));
        assertThat(o.facts()).containsExactlyInAnyOrder(S + "tivo.machine=Living Room", S + "tivo.platform=tcd/Series3");
    }

    @Test
    void otherTrafficOnThePortAndEmptyOrOverlongValuesAreNotReported() {
        TivoDissector d = new TivoDissector();
        Observed o = new Observed(d).feed(SERVER, beacon("HELLO\nmachine=x\n"))
                .feed(SERVER, beacon("TiVoConnect=1\nmachine=\nplatform=" + "p".repeat(500) + "\n"));
        assertThat(d.notTivo()).isEqualTo(1);
        assertThat(o.facts()).containsExactly(S + "tivo.platform=" + "p".repeat(TivoDissector.MAX_VALUE_LENGTH));
    }

    @Test
    void ndpiTivoCaptureNamesTheMinidlnaServer() {
        // nDPI TivoDVR.pcap (LGPL-3.0, read in place); values as tshark shows the UDP 2190 payload
        Observed o = new Observed(new TivoDissector()).capture(Voip.shared("ndpi/TivoDVR.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(o.values(TivoAttributes.MACHINE)).containsExactly("R7000P");
        assertThat(o.values(TivoAttributes.PLATFORM)).containsExactly("pc/minidlna");
        assertThat(o.facts()).allMatch(f -> f.startsWith("02:cc:c0:a8:c9:df/98.245.242.69 "));
    }

    @Test
    void everyTruncationOfABeaconIsHandled() {
        DirectRun run = new DirectRun(new TivoDissector());
        byte[] frame = beacon(BEACON);
        for (int n = 0; n <= frame.length; n++) run.dissect(frame, n);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 2000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 300) byte[] payload, @ForAll boolean magic) {
        byte[] body = payload;
        if (magic) {
            byte[] m = "TiVoConnect=".getBytes(StandardCharsets.US_ASCII);
            body = new byte[m.length + payload.length];
            System.arraycopy(m, 0, body, 0, m.length);
            System.arraycopy(payload, 0, body, m.length, payload.length);
        }
        new DirectRun(new TivoDissector()).dissect(SERVER.udp(TivoDissector.PORT, TivoDissector.PORT, body));
    }

}
