package io.osprey.dissect.fins;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.fins.FinsWire.C;
import static io.osprey.dissect.fins.FinsWire.S;
import static io.osprey.dissect.fins.FinsWire.command;
import static io.osprey.dissect.fins.FinsWire.exchange;
import static io.osprey.dissect.fins.FinsWire.response;
import static io.osprey.dissect.fins.FinsWire.udpFromHmi;
import static io.osprey.dissect.fins.FinsWire.udpFromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of FINS commands (W342 §5-1) and the mode of Controller Status Read answers (§5-3-8). */
class FinsOperationsTest {
    private static final String OPS = C + "> " + S + "fins:";

    @Test
    void runStopAndProgramWritesAreReportedAtEachOccurrence() {
        // RUN 0401: program number FFFF, mode 04 (RUN); STOP 0402; PROGRAM AREA WRITE 0307
        // the second STOP has another SID (header octet 9): the pipeline drops a datagram identical to the one before
        byte[] stop = command(0x0402, 0xFF, 0xFF), again = stop.clone();
        again[9] = 6;
        Observed o = exchange(udpFromHmi(command(0x0401, 0xFF, 0xFF, 0x04)), udpFromHmi(stop), udpFromHmi(again),
                udpFromHmi(command(0x0307, 0xFF, 0xFF, 0, 0, 0, 0, 0, 1)));
        assertThat(o.operations()).containsExactly(OPS + "run mode=run", OPS + "stop", OPS + "stop",
                OPS + "program-area-write");
    }

    @Test
    void readsAreRoutineAndUnknownCodesAreNamedInHex() {
        Observed o = exchange(udpFromHmi(command(0x0101, 0x82, 0, 0, 0, 0, 1)),
                udpFromHmi(command(0x0101, 0x82, 0, 0, 0, 0, 1)), udpFromHmi(command(0x0a01)));
        assertThat(o.operations()).containsExactly(OPS + "memory-area-read", OPS + "unknown-command code=0a01");
    }

    @Test
    void controllerStatusReadAnswersReportTheModeOnce() {
        // status 01 (run), mode 02 (MONITOR)
        Observed o = exchange(udpFromPlc(response(0x0601, 0, new byte[] {1, 2, 0, 0})),
                udpFromPlc(response(0x0601, 0, new byte[] {1, 2, 0, 0})),
                udpFromPlc(response(0x0601, 0, new byte[] {0, 0, 0, 0})));
        assertThat(o.operations()).containsExactly(OPS + "mode monitor", OPS + "mode program");
    }

    @Test
    void aFrameWithReservedBitsIsMalformed() {
        FinsDissector d = new FinsDissector();
        Observed o = new Observed(d);
        o.feed(FinsWire.HMI, udpFromHmi(new byte[] {0x02, 0, 2, 0, 11, 0, 0, 10, 0, 5, 1, 1}));
        assertThat(o.operations()).containsExactly(OPS + "malformed");
    }
}
