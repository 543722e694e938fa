package io.osprey.dissect.hartip;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the HART-IP dissector, called directly so nothing thrown is hidden. */
class HartipRobustnessTest {
    static final List<byte[]> REAL = DirectRun.frames(HartipWire.fixture("rosemount-hartip-udp-tcp-sessions.pcap"));

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        DirectRun run = HartipWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(5_000);
        assertThat(run.observations).isPositive();
    }

    @Test
    void theRealPacketsThemselvesGiveObservationsWhenCalledDirectly() {
        DirectRun run = HartipWire.direct();
        REAL.forEach(run::dissect);
        assertThat(run.observations).isGreaterThan(20);
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromDevice) {
        HartipWire.direct().dissect(fromDevice ? HartipWire.fromDevice(payload) : HartipWire.fromClient(payload));
    }

    @Property(tries = 3000)
    void randomFramesInsideAPduNeverThrow(@ForAll @Size(max = 200) byte[] frame, @ForAll boolean request) {
        HartipWire.direct().dissect(request ? HartipWire.fromClient(HartipWire.pdu(true, frame))
                : HartipWire.fromDevice(HartipWire.pdu(false, frame)));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        HartipWire.direct().dissect(frame);
    }
}
