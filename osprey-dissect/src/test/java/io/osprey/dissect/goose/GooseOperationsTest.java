package io.osprey.dissect.goose;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.goose.GooseFrames.frame;
import static io.osprey.dissect.goose.GooseFrames.pdu;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of GOOSE publishers: "publish" once per control block, "simulation" at each simulated new state. */
class GooseOperationsTest {
    private static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");
    private static final String OPS = GooseFrames.PUBLISHER + " > 01:0c:cd:01:00:01 goose:";

    private static Observed feed(byte[]... frames) {
        Observed o = new Observed(new GooseDissector());
        for (byte[] f : frames) o.feed(CLOCK, f);
        return o;
    }

    @Test
    void aPublisherIsReportedOncePerControlBlock() {
        Observed o = feed(frame(pdu("A/LLN0$GO$g1", "A/LLN0$DS", "g1", 1, 0, false, 1)),
                frame(pdu("A/LLN0$GO$g1", "A/LLN0$DS", "g1", 1, 1, false, 1)),
                frame(pdu("A/LLN0$GO$g1", "A/LLN0$DS", "g1", 2, 0, false, 1)),
                frame(pdu("A/LLN0$GO$g2", "A/LLN0$DS", "g2", 1, 0, false, 1)));
        assertThat(o.operations()).containsExactly(OPS + "publish A/LLN0$GO$g1", OPS + "publish A/LLN0$GO$g2");
    }

    @Test
    void simulatedMessagesAreReportedAtEachNewState() {
        // IEC 61850-8-1 Ed. 2 §C.2.3.2 simulation bit of Reserved 1, and the goosePdu's simulation/test [7]
        Observed o = feed(frame(pdu("A/LLN0$GO$g1", "A/LLN0$DS", "g1", 1, 0, true, 1)),
                frame(pdu("A/LLN0$GO$g1", "A/LLN0$DS", "g1", 1, 1, true, 1)),
                frame(pdu("A/LLN0$GO$g1", "A/LLN0$DS", "g1", 2, 0, true, 1)),
                frame(0x3001, 0x8000, false, pdu("A/LLN0$GO$g9", "A/LLN0$DS", "g9", 5, 0, false, 1)));
        assertThat(o.operations()).containsExactly(
                OPS + "publish A/LLN0$GO$g1",
                OPS + "simulation A/LLN0$GO$g1",
                OPS + "simulation A/LLN0$GO$g1",
                OPS + "publish A/LLN0$GO$g9",
                OPS + "simulation A/LLN0$GO$g9");
    }
}
