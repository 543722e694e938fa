package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Properties of the readers over random frames: what a writer wrote is read back exactly, in every format and
 * byte order; and any prefix of a valid file reads as a prefix of its frames with at most one warning.
 */
class CaptureRoundTripPropertiesTest {

    /** One frame to write: when, which interface (pcapng), the bytes and how much longer it was on the wire. */
    record Spec(long nanos, int interfaceId, byte[] data, int extraWireBytes) {
        int wireLength() {
            return data.length + extraWireBytes;
        }

        @Override
        public String toString() {
            return "Spec[" + nanos + ", if " + interfaceId + ", " + data.length + " bytes, +" + extraWireBytes + "]";
        }
    }

    private static final long MAX_PCAP_NANOS = (1L << 32) * 1_000_000_000L - 1;
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.RAW};

    @Provide
    Arbitrary<List<Spec>> frames() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.longs().between(0, MAX_PCAP_NANOS),
                Arbitraries.integers().between(0, 1),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.integers().between(0, 2000)).as(Spec::new);
        return spec.list().ofMaxSize(30);
    }

    /** A written file and where each of its records or blocks ends. */
    private record Written(byte[] bytes, List<Integer> boundaries, List<CapturedFrame> expected) {}

    private static Written pcap(List<Spec> frames, ByteOrder order, boolean nanos) {
        PcapBytes pcap = new PcapBytes(order, nanos, 65535, LinkType.ETHERNET);
        List<Integer> boundaries = new ArrayList<>(List.of(pcap.size()));
        List<CapturedFrame> expected = new ArrayList<>();
        for (Spec f : frames) {
            pcap.add(f.nanos(), f.data(), f.wireLength());
            boundaries.add(pcap.size());
            long ts = nanos ? f.nanos() : f.nanos() / 1000 * 1000;
            expected.add(CapturedFrame.of(ts, LinkType.ETHERNET, 0, f.data(), f.wireLength()));
        }
        return new Written(pcap.toByteArray(), boundaries, expected);
    }

    /** Two interfaces: Ethernet at µs, raw IP at ns. */
    private static Written pcapng(List<Spec> frames, ByteOrder order) {
        PcapNgBytes pcapng = new PcapNgBytes(order);
        List<Integer> boundaries = new ArrayList<>(List.of(pcapng.size()));
        pcapng.interfaceBlock(LINK_TYPES[0], 0, null, null);
        boundaries.add(pcapng.size());
        pcapng.interfaceBlock(LINK_TYPES[1], 0, 9, null);
        boundaries.add(pcapng.size());
        List<CapturedFrame> expected = new ArrayList<>();
        for (Spec f : frames) {
            boolean micro = f.interfaceId() == 0;
            pcapng.enhancedPacket(f.interfaceId(), micro ? f.nanos() / 1000 : f.nanos(), f.data(), f.wireLength());
            boundaries.add(pcapng.size());
            long ts = micro ? f.nanos() / 1000 * 1000 : f.nanos();
            expected.add(CapturedFrame.of(ts, LINK_TYPES[f.interfaceId()], f.interfaceId(), f.data(), f.wireLength()));
        }
        return new Written(pcapng.toByteArray(), boundaries, expected);
    }

    private static Written written(String format, List<Spec> frames, boolean bigEndian) {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return switch (format) {
            case "pcap-usec" -> pcap(frames, order, false);
            case "pcap-nsec" -> pcap(frames, order, true);
            default -> pcapng(frames, order);
        };
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("pcap-usec", "pcap-nsec", "pcapng");
    }

    /** What reading a file gave: the frames and warnings, or the NotACaptureException of open. */
    private record Read(List<CapturedFrame> frames, List<CaptureWarning> warnings, NotACaptureException notACapture) {}

    private static Read read(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("osprey-property", ".cap");
        try {
            Files.write(file, bytes);
            try (CaptureSource source = Captures.open(file)) {
                List<CapturedFrame> frames = CapturedFrame.readAll(source, 7);
                return new Read(frames, source.stats().getFirst().warnings(), null);
            } catch (NotACaptureException e) {
                return new Read(List.of(), List.of(), e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 300)
    void whatIsWrittenIsReadBack(@ForAll("frames") List<Spec> frames, @ForAll("formats") String format, @ForAll boolean bigEndian,
                                 @ForAll boolean gzip) throws IOException {
        Written written = written(format, frames, bigEndian);
        Read read = read(gzip ? CapturesOpenTest.gzip(written.bytes()) : written.bytes());
        assertThat(read.notACapture()).isNull();
        assertThat(read.frames()).isEqualTo(written.expected());
        assertThat(read.warnings()).isEmpty();
    }

    @Property(tries = 500)
    void anyPrefixReadsAsAPrefixOfTheFrames(@ForAll("frames") List<Spec> frames, @ForAll("formats") String format, @ForAll boolean bigEndian,
                                            @ForAll @DoubleRange(min = 0, max = 1) double cutAt) throws IOException {
        Written written = written(format, frames, bigEndian);
        int cut = (int) Math.round(cutAt * written.bytes().length);
        Read read = read(Arrays.copyOf(written.bytes(), cut));
        if (cut < 4) {
            assertThat(read.notACapture()).isNotNull();
            return;
        }
        assertThat(read.notACapture()).isNull();
        long complete = written.boundaries().stream().filter(end -> end <= cut).count() - (format.equals("pcapng") ? 3 : 1);
        assertThat(read.frames()).isEqualTo(written.expected().subList(0, (int) Math.max(complete, 0)));
        // a cut between records is a clean end; a cut inside one is one warning
        assertThat(read.warnings()).hasSize(written.boundaries().contains(cut) ? 0 : 1);
    }

    @Property(tries = 300)
    void anyPrefixOfAGzipStreamReadsAsAPrefixWithOneWarning(@ForAll("frames") List<Spec> frames, @ForAll("formats") String format,
                                                             @ForAll @DoubleRange(min = 0, max = 1) double cutAt) throws IOException {
        Written written = written(format, frames, false);
        byte[] compressed = CapturesOpenTest.gzip(written.bytes());
        int cut = (int) Math.round(cutAt * compressed.length);
        Read read = read(Arrays.copyOf(compressed, cut));
        if (read.notACapture() != null) {
            return; // the cut left no complete gzip header or magic number
        }
        assertThat(read.frames()).isEqualTo(written.expected().subList(0, read.frames().size()));
        assertThat(read.warnings()).hasSize(cut == compressed.length ? 0 : 1);
    }
}
