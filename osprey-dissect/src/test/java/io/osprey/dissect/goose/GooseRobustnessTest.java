package io.osprey.dissect.goose;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.lldp.LinkRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated and random input through the GOOSE dissector, called directly so nothing thrown is hidden. */
class GooseRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(GooseFrames.fixture("goose/ge-f650-goose.pcap")));
        REAL.addAll(DirectRun.frames(GooseFrames.fixture("mms/abb-ieds-mms-reports-and-goose.pcap")).stream()
                .filter(f -> f.length > 14 && (f[12] & 0xFF) == 0x88 && (f[13] & 0xFF) == 0xB8).toList());
    }

    @Test
    void everyTruncationOfEveryRealFrameIsHandledWithoutThrowing() {
        LinkRun run = GooseFrames.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(REAL).hasSizeGreaterThan(40);
        assertThat(cuts).isGreaterThan(9_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomApdusNeverThrow(@ForAll @Size(max = 400) byte[] apdu) {
        GooseFrames.direct().dissect(GooseFrames.frame(apdu));
    }

    @Property(tries = 2000)
    void randomGoosePduContentsNeverThrow(@ForAll @Size(max = 120) byte[] contents) {
        GooseFrames.direct().dissect(GooseFrames.frame(GooseFrames.tlv(0x61, contents)));
    }
}
