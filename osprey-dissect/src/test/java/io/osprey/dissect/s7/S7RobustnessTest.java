package io.osprey.dissect.s7;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.s7.S7Wire.dt;
import static io.osprey.dissect.s7.S7Wire.fromClient;
import static io.osprey.dissect.s7.S7Wire.fromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the S7 dissector, called directly so nothing thrown is hidden. */
class S7RobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        for (String f : new String[] {"et200s-im151-8-cpu-szl-reads.pcap", "snap7-cpu315-szl-upload-plc-stop.pcapng",
                "step7-s300-block-download.pcapng", "s7-1200-hmi-s7comm-plus.pcap"}) {
            REAL.addAll(DirectRun.frames(S7Wire.fixture(f)));
        }
    }

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        DirectRun run = S7Wire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(40_000);
        assertThat(run.observations).isPositive();
    }

    @Test
    void theRealPacketsThemselvesGiveObservationsWhenCalledDirectly() {
        DirectRun run = S7Wire.direct();
        REAL.forEach(run::dissect);
        assertThat(run.observations).isGreaterThan(40);
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer) {
        S7Wire.direct().dissect(fromServer ? fromPlc(payload) : fromClient(payload));
    }

    @Property(tries = 3000)
    void randomS7InsideValidFramingNeverThrows(@ForAll @Size(max = 300) byte[] userData, @ForAll boolean plus,
                                               @ForAll boolean fromServer) {
        if (userData.length > 0) userData[0] = (byte) (plus ? 0x72 : 0x32);
        byte[] segment = dt(userData);
        S7Wire.direct().dissect(fromServer ? fromPlc(segment) : fromClient(segment));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        S7Wire.direct().dissect(frame);
    }
}
