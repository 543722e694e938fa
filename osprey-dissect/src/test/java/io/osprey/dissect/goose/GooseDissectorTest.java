package io.osprey.dissect.goose;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.goose.GooseFrames.frame;
import static io.osprey.dissect.goose.GooseFrames.pdu;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built GOOSE frames, by IEC 61850-8-1 Annex C field. */
class GooseDissectorTest {
    private static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");
    private static final String P = GooseFrames.PUBLISHER + " ";

    private static Observed feed(GooseDissector d, byte[]... frames) {
        Observed o = new Observed(d);
        for (byte[] f : frames) o.feed(CLOCK, f);
        return o;
    }

    private static Observed feed(byte[]... frames) {
        return feed(new GooseDissector(), frames);
    }

    @Test
    void aPublisherStatesItsControlBlockDataSetIdAndConfigurationRevision() {
        Observed o = feed(frame(pdu("IED1LD0/LLN0$GO$gcb01", "IED1LD0/LLN0$DS1", "IED1_GOOSE1", 1, 0, false, 3)));
        assertThat(o.facts()).containsExactly(
                P + "goose.appid=0x3001",
                P + "goose.confRev=3",
                P + "goose.datSet=IED1LD0/LLN0$DS1",
                P + "goose.goID=IED1_GOOSE1",
                P + "goose.gocbRef=IED1LD0/LLN0$GO$gcb01",
                P + "goose.role=publisher");
        assertThat(o.attributes()).allMatch(a -> !a.host().hasIp());
    }

    @Test
    void retransmissionsWithNewStateAndSequenceNumbersAreNotReportedAgain() {
        GooseDissector d = new GooseDissector();
        Observed o = feed(d, frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 0, false, 1)),
                frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 1, false, 1)),
                frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 2, 0, false, 1)));
        assertThat(o.attributes()).hasSize(6);
    }

    @Test
    void aNewConfigurationRevisionIsReported() {
        Observed o = feed(frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 0, false, 1)),
                frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 1, false, 300)));
        assertThat(o.values(GooseAttributes.CONF_REV)).containsExactly("1", "300");
        assertThat(o.attributes(GooseAttributes.GOCB_REF)).hasSize(1);
    }

    @Test
    void theSimulationFlagIsReportedFromThePduOrTheReservedBit() {
        // Ed. 1 test / Ed. 2 simulation [7] BOOLEAN; Ed. 2 Reserved 1 bit 15
        assertThat(feed(frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 0, true, 1))).values(GooseAttributes.SIMULATION))
                .containsExactly("true");
        assertThat(feed(frame(0x0001, 0x8000, false, pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 0, false, 1)))
                .values(GooseAttributes.SIMULATION)).containsExactly("true");
        assertThat(feed(frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 0, false, 1))).values(GooseAttributes.SIMULATION))
                .isEmpty();
    }

    @Test
    void aVlanTaggedFrameIsRead() {
        Observed o = feed(frame(0x0001, 0, true, pdu("B/LLN0$GO$g", "B/LLN0$DS", null, 1, 0, false, 1)));
        assertThat(o.values(GooseAttributes.APPID)).containsExactly("0x0001");
        assertThat(o.values(GooseAttributes.GO_ID)).isEmpty(); // goID is OPTIONAL
        assertThat(o.values(GooseAttributes.GOCB_REF)).containsExactly("B/LLN0$GO$g");
    }

    @Test
    void aPduThatIsNotAGoosePduOrLacksGocbRefIsCountedNotReported() {
        GooseDissector d = new GooseDissector();
        byte[] notGoose = GooseFrames.tlv(0x60, new byte[] {(byte) 0x80, 1, 'x'});
        byte[] noGocb = GooseFrames.tlv(0x61, GooseFrames.text(0x82, "A/LLN0$DS"));
        Observed o = feed(d, frame(notGoose), frame(noGocb));
        assertThat(o.attributes()).isEmpty();
        assertThat(o.operations()).hasSize(2).allMatch(s -> s.endsWith(" goose:malformed"));
        assertThat(d.malformed()).isEqualTo(2);
    }

    @Test
    void aLengthFieldBeyondTheFrameIsBoundedByTheFrame() {
        byte[] f = frame(pdu("A/LLN0$GO$g", "A/LLN0$DS", "g", 1, 0, false, 1));
        f[16] = (byte) 0x7F; // Length high octet: claims far more than the frame holds
        assertThat(feed(f).values(GooseAttributes.GOCB_REF)).containsExactly("A/LLN0$GO$g");
    }
}
