package io.osprey.dissect.melsec;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.melsec.MelsecWire.request3e;
import static io.osprey.dissect.melsec.MelsecWire.response3e;
import static io.osprey.dissect.melsec.MelsecWire.tcpFromHmi;
import static io.osprey.dissect.melsec.MelsecWire.tcpFromPlc;
import static io.osprey.dissect.melsec.MelsecWire.typeName;
import static io.osprey.dissect.melsec.MelsecWire.udpFromHmi;
import static io.osprey.dissect.melsec.MelsecWire.udpFromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the MELSEC dissector, called directly so nothing is hidden. */
class MelsecRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        // the MELSOFT capture's first 30 frames hold discovery, the model answer and the longest answers
        REAL.addAll(DirectRun.frames(MelsecWire.fixture("melsoft-fx5u-udp.pcap")).subList(0, 30));
        REAL.add(tcpFromHmi(request3e(0x0101)));
        REAL.add(tcpFromPlc(response3e(0, typeName("Q03UDVCPU", 0x0366))));
        REAL.add(udpFromPlc(MelsecWire.fourE(response3e(0, typeName("FX5U-32MT/ES", 0x4a29)), 7)));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = MelsecWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(3_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer,
                                  @ForAll boolean overTcp) {
        byte[] frame = overTcp ? (fromServer ? tcpFromPlc(payload) : tcpFromHmi(payload))
                : (fromServer ? udpFromPlc(payload) : udpFromHmi(payload));
        MelsecWire.direct().dissect(frame);
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        MelsecWire.direct().dissect(frame);
    }
}
