package io.osprey.dissect.dnp3;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.dnp3.Dnp3Wire.fromMaster;
import static io.osprey.dissect.dnp3.Dnp3Wire.fromOutstation;
import static io.osprey.dissect.dnp3.Dnp3Wire.request;
import static io.osprey.dissect.dnp3.Dnp3Wire.response;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the DNP3 dissector, called directly so nothing is hidden. */
class Dnp3RobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Dnp3Wire.fixture("iti-dnp3-test-data-part1.pcap")));
        REAL.add(fromMaster(request(1, 60, 1, 6)));
        REAL.add(fromOutstation(response(130, 0x80, 0, new int[40])));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = Dnp3Wire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(10_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromOutstation) {
        Dnp3Wire.direct().dissect(fromOutstation ? fromOutstation(payload) : fromMaster(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        Dnp3Wire.direct().dissect(frame);
    }
}
