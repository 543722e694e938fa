package io.osprey.dissect.fox;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the Fox dissector, called directly so nothing is hidden. */
class FoxRobustnessTest {
    static final List<byte[]> REAL = DirectRun.frames(FoxWire.fixture("workbench-hello-niagara-station-qnx.pcap"));

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = FoxWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(1_500);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromStation) {
        FoxWire.direct().dissect(fromStation ? FoxWire.fromStation(payload) : FoxWire.fromWorkbench(payload));
    }

    @Property(tries = 3000)
    void randomBodiesAfterAHelloHeaderNeverThrow(@ForAll @Size(max = 400) byte[] body) {
        byte[] head = "fox a 0 -1 fox hello\n{\nhostName=s:".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[head.length + body.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(body, 0, payload, head.length, body.length);
        FoxWire.direct().dissect(FoxWire.fromStation(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        FoxWire.direct().dissect(frame);
    }
}
