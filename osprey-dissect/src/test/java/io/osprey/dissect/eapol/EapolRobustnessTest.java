package io.osprey.dissect.eapol;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.http.Web;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated and random EAPOL frames through the dissector, called directly. */
class EapolRobustnessTest {
    static final List<byte[]> REAL = DirectRun.frames(Web.fixture("eapol/cisco-switch-eap-sim.pcap"));

    @Test
    void everyTruncationOfEveryFrameIsHandledWithoutThrowing() {
        EapolDissector d = new EapolDissector();
        List<Observation> out = new ArrayList<>();
        int cuts = 0;
        for (byte[] f : REAL) {
            for (int n = 0; n <= f.length; n++, cuts++) EapolFrames.dissect(d, f, n, out);
        }
        assertThat(cuts).isGreaterThan(2_000);
        assertThat(out).isNotEmpty();
    }

    @Property(tries = 3000)
    void randomBodiesNeverThrow(@ForAll @IntRange(max = 4) int version, @ForAll @IntRange(max = 8) int type,
                                @ForAll @Size(max = 100) byte[] body) {
        int[] b = new int[body.length];
        for (int i = 0; i < b.length; i++) b[i] = body[i] & 0xff;
        EapolFrames.dissect(new EapolDissector(), EapolFrames.eapol(EapolFrames.SUPPLICANT, version, type, b), 60 + b.length,
                new ArrayList<>());
    }
}
