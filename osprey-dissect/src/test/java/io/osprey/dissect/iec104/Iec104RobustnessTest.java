package io.osprey.dissect.iec104;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.iec104.Iec104Wire.fromScada;
import static io.osprey.dissect.iec104.Iec104Wire.fromRtu;
import static io.osprey.dissect.iec104.Iec104Wire.concat;
import static io.osprey.dissect.iec104.Iec104Wire.iFormat;
import static io.osprey.dissect.iec104.Iec104Wire.uFormat;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the IEC 60870-5-104 dissector, called directly so nothing is hidden. */
class Iec104RobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Iec104Wire.fixture("iti-test-dissect-iec104.pcap")));
        REAL.add(fromScada(concat(uFormat(0x07), iFormat(100, 6, 1, 0, 0, 0, 20))));
        REAL.add(fromRtu(concat(iFormat(13, 20, 1, 1, 0, 0, 0, 0, 0x80, 0x3f, 0), iFormat(70, 4, 1, 0, 0, 0, 0))));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = Iec104Wire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(5_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromRtu) {
        Iec104Wire.direct().dissect(fromRtu ? fromRtu(payload) : fromScada(payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        Iec104Wire.direct().dissect(frame);
    }
}
