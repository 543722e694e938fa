package io.osprey.packet.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cuts every sample frame at every length and checks which malformed bit the decoder raises: the bit of
 * the header the cut falls in. Two cases per cut: the frame was that short on the wire (a malformed
 * packet), or the capture's snap length cut it (only the cut header is reported, never the length fields
 * of the layers below, which are right).
 */
class TruncationTest {

    static List<SampleFrames.Sample> samples() { return SampleFrames.all(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("Snap-length cut inside a header sets exactly that header's bit; after the headers, none")
    void snapLengthCut(SampleFrames.Sample sample) {
        byte[] frame = sample.bytes();
        Packet p = new Packet();
        PacketDecoder decoder = new PacketDecoder();
        for (int cut = 0; cut <= frame.length; cut++) {
            boolean decoded = decoder.decode(frame, cut, frame.length, 0, sample.linkType(), p);
            PacketInvariants.check(p);
            int expected = expectedBit(sample, cut);
            assertThat(p.malformed()).as("%s cut at %d: %s", sample, cut, p).isEqualTo(expected);
            if (cut == 0) {
                assertThat(decoded).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("A frame that short on the wire: the cut header's bit is set")
    void shortOnTheWire(SampleFrames.Sample sample) {
        byte[] frame = sample.bytes();
        Packet p = new Packet();
        PacketDecoder decoder = new PacketDecoder();
        for (int cut = 1; cut <= frame.length; cut++) {
            decoder.decode(frame, cut, cut, 0, sample.linkType(), p);
            PacketInvariants.check(p);
            int expected = expectedBit(sample, cut);
            assertThat(p.malformed() & expected).as("%s cut at %d: %s", sample, cut, p).isEqualTo(expected);
            if (cut == frame.length) {
                assertThat(p.malformed()).as("%s uncut", sample).isZero();
            }
        }
    }

    /** The bit of the first header that ends after the cut, 0 when all headers are complete (or nothing is left). */
    private static int expectedBit(SampleFrames.Sample sample, int cut) {
        if (cut == 0) {
            return 0;
        }
        for (SampleFrames.Header header : sample.headers()) {
            if (cut < header.end()) {
                return header.bit();
            }
        }
        return 0;
    }
}
