package io.osprey.dissect.fins;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.fins.FinsWire.command;
import static io.osprey.dissect.fins.FinsWire.controllerData;
import static io.osprey.dissect.fins.FinsWire.response;
import static io.osprey.dissect.fins.FinsWire.tcp;
import static io.osprey.dissect.fins.FinsWire.tcpFromPlc;
import static io.osprey.dissect.fins.FinsWire.udpFromHmi;
import static io.osprey.dissect.fins.FinsWire.udpFromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the FINS dissector, called directly so nothing is hidden. */
class FinsRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(FinsWire.fixture("omron-cp1l-controller-data-read.pcap")));
        REAL.add(udpFromPlc(response(0x0601, 0, new byte[] {1, 4, 0, 0, 0, 0})));
        REAL.add(tcpFromPlc(tcp(2, response(0x0501, 0, controllerData("CJ2M-CPU31", "02.01", 64, 32768)))));
        REAL.add(udpFromHmi(command(0x0102, 0x82, 0, 0, 0, 0, 1, 0, 7)));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = FinsWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(1_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer,
                                  @ForAll boolean overTcp) {
        byte[] frame = overTcp ? (fromServer ? tcpFromPlc(payload) : FinsWire.tcpFromHmi(payload))
                : (fromServer ? udpFromPlc(payload) : udpFromHmi(payload));
        FinsWire.direct().dissect(frame);
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        FinsWire.direct().dissect(frame);
    }
}
