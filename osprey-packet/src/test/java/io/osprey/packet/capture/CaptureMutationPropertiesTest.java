package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing without coverage guidance, which Jazzer 0.24.0 cannot give on Java 25 class files: valid captures
 * of every format, mutated where parsers are fragile (lengths, interface ids, magic numbers, cuts), and plain
 * random bytes, through the opener and the readers. Open may throw only {@link NotACaptureException}; read
 * never throws, ends, and delivers only frames within the limits.
 */
class CaptureMutationPropertiesTest {
    private static final byte[] FRAME = new byte[60];
    private static final int[] EXTREMES = {0, 1, 3, 12, 0x7fff_ffff, 0xffff_ffff, 0x8000_0000, 262_144, 262_145, 65_535, -12};

    /** Valid captures of every format and byte order, with several interfaces, sections and block types. */
    private static final List<byte[]> VALID = List.of(
            new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).add(1, FRAME).add(2, FRAME, 1500).add(3, FRAME).toByteArray(),
            new PcapBytes(ByteOrder.BIG_ENDIAN, true, 100, 1).add(1, FRAME).add(2, FRAME, 1500).add(3, FRAME).toByteArray(),
            new PcapNgBytes(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1).interfaceBlock(101, 64, 0x80 | 20, 5L).enhancedPacket(0, 1, FRAME, 60)
                    .simplePacket(FRAME, 60).enhancedPacket(1, 7, FRAME, 99).obsoletePacket(1, 9, FRAME, 60).block(5, new byte[16])
                    .section(ByteOrder.BIG_ENDIAN).interfaceBlock(113).enhancedPacket(0, 3, FRAME, 60).toByteArray(),
            nameResolution(),
            fixture("enip-11-frames-plus-123ns.pcapng"),
            fixture("three-interfaces-ether-nsec-rawip-usec-wpan.pcapng"));

    private static byte[] nameResolution() {
        try {
            return new PcapNgBytes(ByteOrder.BIG_ENDIAN).interfaceBlock(1)
                    .nameResolution(java.net.InetAddress.getByName("192.0.2.1"), "a.example", "b.example")
                    .nameResolution(java.net.InetAddress.getByName("2001:db8::2"), "c.example")
                    .enhancedPacket(0, 1, FRAME, 60).toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fixture(String name) {
        try (InputStream in = CaptureMutationPropertiesTest.class.getResourceAsStream("/fixtures/capture/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Applies 1-4 mutations chosen by the seed, so that a failing case can be replayed from its seed alone. */
    static byte[] mutate(byte[] valid, long seed) {
        Random random = new Random(seed);
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt();
                case 2 -> { // a length or id field set to an extreme, in either byte order, on a 4-byte boundary
                    int aligned = Math.max(0, Math.min(bytes.length - 4, at & ~3));
                    if (bytes.length >= 4) {
                        ByteBuffer.wrap(bytes).order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                                .putInt(aligned, EXTREMES[random.nextInt(EXTREMES.length)]);
                    }
                }
                case 3 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 4 -> { // a range duplicated, as a writer that repeats itself would
                    int length = Math.min(random.nextInt(64), bytes.length - at);
                    byte[] grown = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, grown, 0, at + length);
                    System.arraycopy(bytes, at, grown, at + length, bytes.length - at);
                    bytes = grown;
                }
                default -> { // a range deleted
                    int length = Math.min(random.nextInt(64), bytes.length - at);
                    byte[] shrunk = new byte[bytes.length - length];
                    System.arraycopy(bytes, 0, shrunk, 0, at);
                    System.arraycopy(bytes, at + length, shrunk, at, bytes.length - at - length);
                    bytes = shrunk;
                }
            }
        }
        return bytes;
    }

    @Property(tries = 2000)
    void mutatedCapturesNeverThrow(@ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        byte[] valid = VALID.get(random.nextInt(VALID.size()));
        byte[] mutated = mutate(valid, random.nextLong());
        check(random.nextInt(4) == 0 ? CapturesOpenTest.gzip(mutated) : mutated);
    }

    @Property(tries = 500)
    void mutatedGzipStreamsNeverThrow(@ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        check(mutate(CapturesOpenTest.gzip(VALID.get(random.nextInt(VALID.size()))), random.nextLong()));
    }

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll byte[] bytes, @ForAll("magic") byte[] magic) throws IOException {
        byte[] input = new byte[magic.length + bytes.length];
        System.arraycopy(magic, 0, input, 0, magic.length);
        System.arraycopy(bytes, 0, input, magic.length, bytes.length);
        check(input);
    }

    /** Nothing, or a valid magic number to get past detection. */
    @Provide
    Arbitrary<byte[]> magic() {
        return Arbitraries.of(new byte[0], new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1},
                new byte[] {(byte) 0xa1, (byte) 0xb2, 0x3c, 0x4d}, new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a});
    }

    /** The same invariants as CaptureFuzzTest. */
    static void check(byte[] input) throws IOException {
        Path file = Files.createTempFile("osprey-mutation", ".cap");
        try {
            Files.write(file, input);
            CaptureSource source;
            try {
                source = Captures.open(file);
            } catch (NotACaptureException expected) {
                return;
            }
            try (source) {
                long[] frames = {0};
                int calls = 0;
                while (source.read(frame -> {
                    frames[0]++;
                    assertThat(frame.length()).isBetween(0, CaptureLimits.MAX_FRAME_LENGTH);
                    assertThat(frame.wireLength()).isGreaterThanOrEqualTo(frame.length());
                    assertThat(LinkType.isSupported(frame.linkType())).isTrue();
                }, 16) != -1) {
                    assertThat(++calls).as("read() calls before the end").isLessThan(1_000_000);
                }
                assertThat(source.stats().getFirst().packets()).isGreaterThanOrEqualTo(frames[0]);
                assertThat(source.position()).isBetween(0L, source.size());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
