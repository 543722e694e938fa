package io.osprey.packet.decode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer. In a normal {@code test} run Jazzer replays the
 * seeds under src/test/resources/io/osprey/packet/decode/PacketDecoderFuzzTestInputs/ (regression mode);
 * with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. The same target also runs as a jqwik
 * property, so it is exercised even where Jazzer cannot run.
 */
class PacketDecoderFuzzTest {

    private final PacketDecoder decoder = new PacketDecoder();
    private final Packet packet = new Packet();

    @FuzzTest(maxDuration = "30s")
    void decodeArbitraryFrames(FuzzedDataProvider input) {
        int linkTypeChoice = input.consumeInt(0, DecoderPropertiesTest.LINK_TYPES.length);
        boolean snapCut = input.consumeBoolean();
        decode(linkTypeChoice, snapCut, input.consumeRemainingAsBytes());
    }

    @Property(tries = 2000)
    void decodeArbitraryFramesWithoutJazzer(@ForAll @IntRange(min = 0, max = 10) int linkTypeChoice, @ForAll boolean snapCut,
                                            @ForAll @Size(max = 200) byte[] frame) {
        decode(linkTypeChoice, snapCut, frame);
    }

    /** The fuzz target: choice {@code LINK_TYPES.length} means "Ethernet", the commonest framing, twice as often. */
    private void decode(int linkTypeChoice, boolean snapCut, byte[] frame) {
        int linkType = linkTypeChoice < DecoderPropertiesTest.LINK_TYPES.length
                ? DecoderPropertiesTest.LINK_TYPES[linkTypeChoice]
                : io.osprey.packet.capture.LinkType.ETHERNET;
        decoder.decode(frame, frame.length, snapCut ? frame.length + 64 : frame.length, 0, linkType, packet);
        PacketInvariants.check(packet);
    }
}
