package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input: every case ends the file with exactly one warning at the offset of the record or block that
 * could not be read, keeps every frame before it, and never throws out of read().
 */
class CaptureDamageTest {
    @TempDir
    Path dir;

    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    private static final byte[] GARBAGE = "GARBAGE GARBAGE GARBAGE GARBAGE".getBytes(StandardCharsets.US_ASCII);
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** What reading a damaged file gave. */
    private record Outcome(List<CapturedFrame> frames, List<CaptureWarning> warnings, Path path) {
        void expect(int frames, long offset, String reason) {
            assertThat(this.frames).hasSize(frames);
            assertThat(warnings).containsExactly(new CaptureWarning(path.toString(), offset, reason));
        }
    }

    private Outcome read(byte[] bytes) throws IOException {
        Path path = Files.write(dir.resolve("damaged"), bytes);
        try (CaptureSource source = Captures.open(path)) {
            List<CapturedFrame> frames = CapturedFrame.readAll(source, 2);
            assertThat(source.read(frame -> {}, 10)).as("read after the end").isEqualTo(-1);
            return new Outcome(frames, List.copyOf(source.stats().getFirst().warnings()), path);
        }
    }

    private static PcapBytes threeFrames(int snapLength) {
        return new PcapBytes(LE, false, snapLength, LinkType.ETHERNET).add(1_000, FRAME).add(2_000, FRAME).add(3_000, FRAME);
    }

    // ---- pcap: header 24 bytes, then 30-byte records at 24, 54, 84

    @Test
    void pcapTruncatedLastRecord() throws IOException {
        byte[] file = threeFrames(65535).toByteArray();
        read(Arrays.copyOf(file, file.length - 9)).expect(2, 84, "the last record is truncated (21 of 30 bytes)");
    }

    @Test
    void pcapTruncatedLastRecordHeader() throws IOException {
        byte[] file = threeFrames(65535).toByteArray();
        read(Arrays.copyOf(file, file.length - 30 + 7)).expect(2, 84, "the last record header is truncated (7 of 16 bytes)");
    }

    @Test
    void pcapLengthAboveTheSnapLength() throws IOException {
        byte[] file = new PcapBytes(LE, false, 1500, 1).add(1_000, FRAME).add(2_000, FRAME).record(3, 0, 70_000, 70_000, new byte[100]).toByteArray();
        read(file).expect(2, 84, "record captured length 70000 exceeds the snap length 1500");
    }

    @Test
    void pcapLengthAboveTheLimitWhenTheSnapLengthIsZero() throws IOException {
        byte[] file = new PcapBytes(LE, false, 0, 1).add(1_000, FRAME).record(3, 0, 300_000, 300_000, new byte[100]).toByteArray();
        read(file).expect(1, 54, "record captured length 300000 exceeds the 262144-byte limit");
    }

    @Test
    void pcapNegativeLength() throws IOException {
        byte[] file = new PcapBytes(ByteOrder.BIG_ENDIAN, true, 262144, 1).add(1_000, FRAME).record(3, 0, 0xffff_fff0, 10, new byte[100]).toByteArray();
        read(file).expect(1, 54, "record captured length 4294967280 exceeds the snap length 262144");
    }

    @Test
    void pcapLengthLargerThanWhatRemains() throws IOException {
        byte[] file = new PcapBytes(LE, false, 65535, 1).add(1_000, FRAME).record(3, 0, 1000, 1000, FRAME).toByteArray();
        read(file).expect(1, 54, "the last record is truncated (30 of 1016 bytes)");
    }

    @Test
    void pcapGarbageTail() throws IOException {
        byte[] file = threeFrames(65535).raw(GARBAGE).toByteArray();
        // the captured length field reads "GARB" as a little-endian number
        read(file).expect(3, 114, "record captured length " + ByteBuffer.wrap(GARBAGE, 8, 4).order(LE).getInt() + " exceeds the snap length 65535");
    }

    @Test
    void pcapTruncatedFileHeader() throws IOException {
        byte[] file = Arrays.copyOf(threeFrames(65535).toByteArray(), 10);
        read(file).expect(0, 0, "the file header is truncated (10 of 24 bytes)");
    }

    // ---- pcapng: SHB 0..48, IDB 48..72, 60-byte EPBs at 72, 132, 192, end at 252

    private static PcapNgBytes pcapng() {
        return new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET);
    }

    private static byte[] threeBlocks() {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).enhancedPacket(0, 2, FRAME, 14).enhancedPacket(0, 3, FRAME, 14).toByteArray();
        assertThat(file).hasSize(252);
        return file;
    }

    @Test
    void pcapngBadTrailingLength() throws IOException {
        byte[] file = threeBlocks();
        ByteBuffer.wrap(file).order(LE).putInt(132 + 60 - 4, 0x99);
        read(file).expect(1, 132, "the trailing block length 153 disagrees with the leading length 60");
    }

    @Test
    void pcapngTruncatedLastBlock() throws IOException {
        read(Arrays.copyOf(threeBlocks(), 242)).expect(2, 192, "the last block is truncated (50 of 60 bytes)");
    }

    @Test
    void pcapngTruncatedBlockHeader() throws IOException {
        read(Arrays.copyOf(threeBlocks(), 197)).expect(2, 192, "the last block header is truncated (5 of 8 bytes)");
    }

    @Test
    void pcapngGarbageTail() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).raw(GARBAGE).toByteArray();
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(GARBAGE, 4, 4).order(LE).getInt());
        read(file).expect(1, 132, "block length " + length + " is invalid (not a multiple of 4 of at least 12)");
    }

    @Test
    void pcapngCapturedLengthLargerThanItsBlock() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).enhancedPacket(0, 2, 100, 100, FRAME).toByteArray();
        read(file).expect(1, 132, "packet captured length 100 is larger than its block (28 bytes of data)");
    }

    @Test
    void pcapngCapturedLengthAboveTheInterfaceSnapLength() throws IOException {
        byte[] file = new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET, 10, null, null).enhancedPacket(0, 2, FRAME, 14).toByteArray();
        read(file).expect(0, 72, "packet captured length 14 exceeds the snap length 10 of interface 0");
    }

    @Test
    void pcapngBlockAboveTheMemoryLimit() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).toByteArray();
        ByteBuffer.wrap(file).order(LE).putInt(72 + 4, 32 * 1024 * 1024);
        read(file).expect(0, 72, "enhanced packet block length 33554432 exceeds the 16777216-byte limit");
    }

    @Test
    void pcapngUnknownInterface() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).enhancedPacket(3, 2, FRAME, 14).toByteArray();
        read(file).expect(1, 132, "a packet refers to interface 3, but its section describes 1");
    }

    @Test
    void pcapngTruncatedSkippedBlock() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).block(0xBAD, new byte[988]).toByteArray();
        read(Arrays.copyOf(file, file.length - 100)).expect(1, 132, "the last block is truncated (900 of 1000 bytes)");
    }

    @Test
    void pcapngBadByteOrderMagicInALaterSection() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).section(LE).toByteArray();
        ByteBuffer.wrap(file).order(LE).putInt(132 + 8, 0x11223344);
        read(file).expect(1, 132, "section header byte-order magic is 44 33 22 11, neither 1a 2b 3c 4d nor 4d 3c 2b 1a");
    }

    @Test
    void pcapngUnsupportedVersion() throws IOException {
        byte[] file = pcapng().enhancedPacket(0, 1, FRAME, 14).section(LE).toByteArray();
        ByteBuffer.wrap(file).order(LE).putShort(132 + 12, (short) 2);
        read(file).expect(1, 132, "pcapng version 2.0 is not supported (only 1.x)");
    }

    // ---- gzip

    /** 200 records of 100 random bytes (so that the compressed stream is long): records of 116 bytes from 24 on. */
    private static byte[] randomPcap() {
        Random random = new Random(42);
        PcapBytes pcap = PcapBytes.ethernet();
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[100];
            random.nextBytes(data);
            pcap.add(i * 1_000_000L, data);
        }
        return pcap.toByteArray();
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] plain = randomPcap();
        byte[] compressed = CapturesOpenTest.gzip(plain);
        Outcome outcome = read(Arrays.copyOf(compressed, compressed.length / 2));
        int kept = outcome.frames().size();
        assertThat(kept).isBetween(50, 150);
        try (CaptureSource whole = Captures.open(Files.write(dir.resolve("whole.pcap"), plain))) {
            assertThat(outcome.frames()).isEqualTo(CapturedFrame.readAll(whole).subList(0, kept));
        }
        outcome.expect(kept, 24 + kept * 116L, "the gzip stream is truncated");
    }

    @Test
    void corruptGzipIsOneWarning() throws IOException {
        byte[] compressed = CapturesOpenTest.gzip(randomPcap());
        for (int i = compressed.length / 2; i < compressed.length / 2 + 16; i++) compressed[i] ^= (byte) 0x5a;
        Outcome outcome = read(compressed);
        assertThat(outcome.frames()).hasSizeLessThan(200);
        assertThat(outcome.warnings()).hasSize(1);
    }

    @Test
    void corruptGzipChecksumIsReported() throws IOException {
        byte[] compressed = CapturesOpenTest.gzip(randomPcap());
        compressed[compressed.length - 8] ^= 1; // CRC-32 in the member trailer (RFC 1952 §2.3.1)
        Outcome outcome = read(compressed);
        assertThat(outcome.frames()).hasSize(200);
        assertThat(outcome.warnings()).extracting(CaptureWarning::reason).singleElement()
                .asString().startsWith("the gzip stream is corrupt (");
        assertThat(outcome.warnings().getFirst().offset()).isEqualTo(24 + 200 * 116L);
    }
}
