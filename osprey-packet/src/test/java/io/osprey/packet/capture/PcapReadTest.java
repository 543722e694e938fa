package io.osprey.packet.capture;

import static io.osprey.packet.capture.CapturedFrame.epochNanos;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading classic pcap files: draft-ietf-opsawg-pcap §4 (file header) and §5 (packet records). */
class PcapReadTest {
    @TempDir
    Path dir;

    private static final byte[] A = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    private static final byte[] B = {(byte) 0xff, 0, (byte) 0x80};

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @ParameterizedTest(name = "{0}, nanoseconds={1}")
    @CsvSource({"LITTLE_ENDIAN, false", "BIG_ENDIAN, false", "LITTLE_ENDIAN, true", "BIG_ENDIAN, true"})
    void readsBothByteOrdersAndResolutions(String orderName, boolean nanos) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long t1 = 1_700_000_000_123_456_789L;
        long t2 = 4_000_000_000_999_999_999L; // seconds above 2^31: the field is unsigned
        byte[] file = new PcapBytes(order, nanos, 65535, LinkType.ETHERNET).add(t1, A).add(t2, B, 1500).toByteArray();

        try (CaptureFileReader reader = CaptureFileReader.open(write("f.pcap", file))) {
            PcapReader pcap = (PcapReader) reader;
            assertThat(pcap.byteOrder()).isEqualTo(order);
            assertThat(pcap.nanosecondTimestamps()).isEqualTo(nanos);
            assertThat(CapturedFrame.readAll(reader)).containsExactly(
                    CapturedFrame.of(nanos ? t1 : t1 / 1000 * 1000, LinkType.ETHERNET, 0, A, A.length),
                    CapturedFrame.of(nanos ? t2 : t2 / 1000 * 1000, LinkType.ETHERNET, 0, B, 1500));
            CaptureStats stats = reader.stats().getFirst();
            assertThat(stats.packets()).isEqualTo(2);
            assertThat(stats.bytes()).isEqualTo(A.length + 1500);
            assertThat(stats.linkTypes()).containsExactly("ethernet");
            assertThat(stats.warnings()).isEmpty();
        }
    }

    @Test
    void linkTypeIsTheLow16BitsEvenWithTheFcsFieldsSet() throws IOException {
        // §4: FCS len = 2 (16-bit words), P bit set, link type 1 in the low 16 bits.
        int field = (2 << 28) | 0x0400_0000 | LinkType.ETHERNET;
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 65535, field).add(0, A).toByteArray();
        try (CaptureFileReader reader = CaptureFileReader.open(write("fcs.pcap", file))) {
            assertThat(((PcapReader) reader).linkType()).isEqualTo(LinkType.ETHERNET);
            List<CapturedFrame> frames = CapturedFrame.readAll(reader);
            assertThat(frames).singleElement().satisfies(f -> {
                assertThat(f.linkType()).isEqualTo(LinkType.ETHERNET);
                assertThat(f.length()).isEqualTo(A.length);
            });
        }
    }

    @Test
    void unsupportedLinkTypeIsCountedAndSkippedWithOneWarning() throws IOException {
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 65535, 195).add(1_000, A).add(2_000, B).add(3_000, A).toByteArray();
        Path path = write("wpan.pcap", file);
        try (CaptureFileReader reader = CaptureFileReader.open(path)) {
            assertThat(CapturedFrame.readAll(reader)).isEmpty();
            CaptureStats stats = reader.stats().getFirst();
            assertThat(stats.packets()).isEqualTo(3);
            assertThat(stats.skippedLinkTypes()).containsExactly(java.util.Map.entry(195, 3L));
            assertThat(stats.linkTypes()).isEmpty();
            assertThat(stats.warnings()).extracting(CaptureWarning::toString).containsExactly(
                    path + " at byte 24: link type ieee802-15-4 (195) is not supported; its frames are counted and skipped");
        }
    }

    @Test
    void truncatedFramesKeepTheirWireLength() throws IOException {
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 14, LinkType.ETHERNET).add(5, A, 1514).toByteArray();
        try (CaptureFileReader reader = CaptureFileReader.open(write("snap.pcap", file))) {
            assertThat(CapturedFrame.readAll(reader)).containsExactly(CapturedFrame.of(0, LinkType.ETHERNET, 0, A, 1514));
        }
    }

    @Test
    void readsInBatchesThenReportsTheEnd() throws IOException {
        PcapBytes bytes = PcapBytes.ethernet();
        for (int i = 0; i < 11; i++) bytes.add(i * 1_000_000_000L, A);
        try (CaptureFileReader reader = CaptureFileReader.open(write("batches.pcap", bytes.toByteArray()))) {
            List<Integer> counts = new ArrayList<>();
            int n;
            while ((n = reader.read(frame -> {}, 4)) != -1) counts.add(n);
            assertThat(counts).containsExactly(4, 4, 3);
            assertThat(reader.read(frame -> {}, 4)).isEqualTo(-1);
            assertThat(reader.position()).isEqualTo(reader.size()).isEqualTo(bytes.size());
        }
    }

    @Test
    void headerOnlyFileHasNoFramesAndNoWarning() throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(write("empty.pcap", PcapBytes.ethernet().toByteArray()))) {
            assertThat(reader.read(frame -> {}, 10)).isEqualTo(-1);
            assertThat(reader.stats().getFirst().warnings()).isEmpty();
            assertThat(reader.stats().getFirst().firstNanos()).isNull();
        }
    }

    @Test
    void realMicrosecondFileMatchesTshark() throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(EnipFixture.copy("enip-11-frames.le-usec.pcap", dir))) {
            assertThat(reader.format()).isEqualTo("pcap");
            assertEnipFrames(CapturedFrame.readAll(reader, 3), EnipFixture.EPOCHS);
            assertThat(reader.stats().getFirst().warnings()).isEmpty();
        }
    }

    @Test
    void realNanosecondFileMatchesTshark() throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(EnipFixture.copy("enip-11-frames-plus-123ns.le-nsec.pcap", dir))) {
            assertThat(((PcapReader) reader).nanosecondTimestamps()).isTrue();
            assertEnipFrames(CapturedFrame.readAll(reader), EnipFixture.EPOCHS_PLUS_123NS);
        }
    }

    static void assertEnipFrames(List<CapturedFrame> frames, String[] epochs) {
        assertThat(frames).hasSize(epochs.length);
        for (int i = 0; i < epochs.length; i++) {
            CapturedFrame frame = frames.get(i);
            assertThat(frame.timestampNanos()).as("frame %d", i + 1).isEqualTo(epochNanos(epochs[i]));
            assertThat(frame.length()).as("frame %d", i + 1).isEqualTo(EnipFixture.CAPTURED_LENGTHS[i]);
            assertThat(frame.wireLength()).as("frame %d", i + 1).isEqualTo(EnipFixture.WIRE_LENGTHS[i]);
            assertThat(frame.linkType()).isEqualTo(LinkType.ETHERNET);
            // every frame of the capture is IPv4 over Ethernet
            assertThat(frame.hex().substring(24, 28)).isEqualTo("0800");
        }
    }
}
