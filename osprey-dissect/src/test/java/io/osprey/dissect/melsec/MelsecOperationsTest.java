package io.osprey.dissect.melsec;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.melsec.MelsecWire.C;
import static io.osprey.dissect.melsec.MelsecWire.S;
import static io.osprey.dissect.melsec.MelsecWire.exchange;
import static io.osprey.dissect.melsec.MelsecWire.request3e;
import static io.osprey.dissect.melsec.MelsecWire.tcpFromHmi;
import static io.osprey.dissect.melsec.MelsecWire.udpFromHmi;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of SLMP commands (SH-080956ENG §5: remote operation §5-5). */
class MelsecOperationsTest {
    private static final String OPS = C + "> " + S + "melsec:";

    @Test
    void remoteRunStopPauseAndResetAreReportedAtEachOccurrence() {
        // Remote Run 1001 (mode 0001, clear mode 00, fixed 00), Remote Stop 1002 (0001), Pause 1003, Reset 1006
        Observed o = exchange(tcpFromHmi(request3e(0x1002, 1, 0)), tcpFromHmi(request3e(0x1002, 1, 0)),
                tcpFromHmi(request3e(0x1001, 1, 0, 0, 0)), tcpFromHmi(request3e(0x1003, 1, 0)),
                tcpFromHmi(request3e(0x1006, 1, 0)));
        assertThat(o.operations()).containsExactly(OPS + "remote-stop", OPS + "remote-stop", OPS + "remote-run",
                OPS + "remote-pause", OPS + "remote-reset");
    }

    @Test
    void readsAreRoutineAndUnknownCommandsAreNamedInHex() {
        // Device Read 0401: start device, device code, count
        Observed o = exchange(udpFromHmi(request3e(0x0401, 0, 0, 0, 0xA8, 10, 0)),
                udpFromHmi(request3e(0x0401, 0, 0, 0, 0xA8, 10, 0)), udpFromHmi(request3e(0x0999)));
        assertThat(o.operations()).containsExactly(OPS + "device-read", OPS + "unknown-command command=0999");
    }
}
