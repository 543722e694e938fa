package io.osprey.dissect.c37118;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated and random input through the C37.118 dissector, called directly so nothing thrown is hidden. */
class C37118RobustnessTest {
    static final List<byte[]> REAL = DirectRun.frames(C37118Frames.fixture("ge-pmu-udp-config2-commands.pcap"));

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        DirectRun run = C37118Frames.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(30_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean tcp) {
        if (payload.length > 0) payload[0] = (byte) 0xAA;
        C37118Frames.direct().dissect(tcp ? C37118Frames.fromPmuTcp(payload) : C37118Frames.fromPmuUdp(payload));
    }

    @Property(tries = 3000)
    void randomBodiesWithAValidChecksumNeverThrow(@ForAll @IntRange(max = 5) int type,
                                                  @ForAll @Size(max = 600) byte[] body) {
        C37118Frames.direct().dissect(C37118Frames.fromPmuUdp(C37118Frames.frame(type, 2, 1, body)));
    }
}
