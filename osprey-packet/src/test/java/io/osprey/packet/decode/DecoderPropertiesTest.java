package io.osprey.packet.decode;

import io.osprey.packet.capture.LinkType;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the decoder over arbitrary input: it never throws, never reports an offset outside
 * [0, length] or a layer running past the captured bytes (see {@link PacketInvariants}), and the payload
 * always fits in the frame.
 */
class DecoderPropertiesTest {

    static final int[] LINK_TYPES = {LinkType.NULL, LinkType.ETHERNET, LinkType.RAW, LinkType.LOOP, LinkType.LINUX_SLL,
            LinkType.IPV4, LinkType.IPV6, LinkType.LINUX_SLL2, LinkType.RAW_LEGACY_12, LinkType.RAW_LEGACY_14};

    private final PacketDecoder decoder = new PacketDecoder();
    private final Packet packet = new Packet();

    @Provide
    Arbitrary<Integer> linkTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(Arrays.stream(LINK_TYPES).boxed().toList())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers()));
    }

    @Property(tries = 3000)
    void anyBytesAnyLinkType(@ForAll @Size(max = 256) byte[] data, @ForAll("linkTypes") int linkType,
                             @ForAll @IntRange(min = -8, max = 8) int lengthSlack, @ForAll @IntRange(min = -1, max = 2000) int wireLength) {
        int length = data.length + lengthSlack;
        decoder.decode(data, length, wireLength, 0, linkType, packet);
        PacketInvariants.check(packet);
    }

    record Mutation(int position, byte value) {}

    record MutatedFrame(String sample, int linkType, byte[] bytes) {
        @Override
        public String toString() { return sample + " " + java.util.HexFormat.of().formatHex(bytes); }
    }

    @Provide
    Arbitrary<MutatedFrame> mutatedSamples() {
        List<SampleFrames.Sample> samples = SampleFrames.withFixtures();
        return Arbitraries.of(samples).flatMap(sample -> {
            int n = sample.bytes().length;
            Arbitrary<List<Mutation>> mutations = Combinators.combine(Arbitraries.integers().between(0, n - 1), Arbitraries.bytes())
                    .as(Mutation::new).list().ofMaxSize(6);
            Arbitrary<Integer> cut = Arbitraries.integers().between(0, n);
            return Combinators.combine(mutations, cut).as((list, length) -> {
                byte[] copy = sample.bytes().clone();
                for (Mutation m : list) {
                    copy[m.position()] = m.value();
                }
                return new MutatedFrame(sample.name(), sample.linkType(), Arrays.copyOf(copy, length));
            });
        });
    }

    /** Valid frames with a few bytes changed and a random cut reach the deep layers that random bytes do not. */
    @Property(tries = 5000)
    void mutatedValidFrames(@ForAll("mutatedSamples") MutatedFrame frame, @ForAll boolean snapCut) {
        int length = frame.bytes().length;
        decoder.decode(frame.bytes(), length, snapCut ? length + 100 : length, 0, frame.linkType(), packet);
        PacketInvariants.check(packet);
    }
}
