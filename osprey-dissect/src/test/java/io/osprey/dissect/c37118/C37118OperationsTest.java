package io.osprey.dissect.c37118;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.c37118.C37118Frames.C;
import static io.osprey.dissect.c37118.C37118Frames.S;
import static io.osprey.dissect.c37118.C37118Frames.command;
import static io.osprey.dissect.c37118.C37118Frames.exchange;
import static io.osprey.dissect.c37118.C37118Frames.fromPdcTcp;
import static io.osprey.dissect.c37118.C37118Frames.fromPdcUdp;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of C37.118.2-2011 command frames (§6.4, Table 15 CMD). */
class C37118OperationsTest {
    private static final String OPS = C + "> " + S + "c37118:";

    @Test
    void dataOffDataOnAndConfigurationRequestsAreReportedAtEachOccurrence() {
        Observed o = exchange(fromPdcTcp(command(1)), fromPdcTcp(command(1)), fromPdcTcp(command(2)),
                fromPdcTcp(command(4)), fromPdcTcp(command(6)));
        assertThat(o.operations()).containsExactly(OPS + "data-off idcode=60", OPS + "data-off idcode=60",
                OPS + "data-on idcode=60", OPS + "send-config-1 idcode=60", OPS + "send-config-3 idcode=60");
    }

    @Test
    void aHeaderRequestIsRoutine() {
        Observed o = exchange(fromPdcUdp(command(3)), fromPdcUdp(command(3)), fromPdcUdp(command(8)));
        assertThat(o.operations()).containsExactly(OPS + "send-header idcode=60", OPS + "extended-frame idcode=60");
    }
}
