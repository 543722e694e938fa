package io.osprey.packet.capture;

import static io.osprey.packet.capture.CapturedFrame.epochNanos;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading pcapng files, by block type of draft-ietf-opsawg-pcapng. */
class PcapNgReadTest {
    @TempDir
    Path dir;

    private static final byte[] A = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    private static final byte[] B = {(byte) 0xff, 0, (byte) 0x80};
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private List<CapturedFrame> read(byte[] file) throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(Files.write(dir.resolve("f.pcapng"), file))) {
            assertThat(reader.format()).isEqualTo("pcapng");
            List<CapturedFrame> frames = CapturedFrame.readAll(reader);
            lastStats = reader.stats().getFirst();
            return frames;
        }
    }

    private CaptureStats lastStats;

    @ParameterizedTest
    @CsvSource({"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void enhancedPacketsInEitherByteOrder(String orderName) throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? BE : LE;
        byte[] file = new PcapNgBytes(order).interfaceBlock(LinkType.ETHERNET)
                .enhancedPacket(0, 1_700_000_000_123_456L, A, 60)
                .enhancedPacket(0, 1_700_000_001_000_001L, B, B.length)
                .toByteArray();
        assertThat(read(file)).containsExactly(
                CapturedFrame.of(1_700_000_000_123_456_000L, LinkType.ETHERNET, 0, A, 60),
                CapturedFrame.of(1_700_000_001_000_001_000L, LinkType.ETHERNET, 0, B, B.length));
        assertThat(lastStats.warnings()).isEmpty();
        assertThat(lastStats.linkTypes()).containsExactly("ethernet");
    }

    @Test
    void sectionsWithTheirOwnByteOrderAndInterfacesNumberedOverTheFile() throws IOException {
        byte[] file = new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET).interfaceBlock(LinkType.RAW)
                .enhancedPacket(1, 5_000_000, B, B.length)
                .section(BE).interfaceBlock(LinkType.LINUX_SLL)
                .enhancedPacket(0, 6_000_000, A, A.length)
                .section(LE).interfaceBlock(LinkType.NULL)
                .enhancedPacket(0, 7_000_000, B, B.length)
                .toByteArray();
        assertThat(read(file)).containsExactly(
                CapturedFrame.of(5_000_000_000L, LinkType.RAW, 1, B, B.length),
                CapturedFrame.of(6_000_000_000L, LinkType.LINUX_SLL, 2, A, A.length),
                CapturedFrame.of(7_000_000_000L, LinkType.NULL, 3, B, B.length));
        assertThat(lastStats.linkTypes()).containsExactlyInAnyOrder("raw", "linux-sll", "null");
    }

    /** §4.2 if_tsresol: a power of 10, or of 2 when the high bit is set; if_tsoffset adds seconds. */
    @ParameterizedTest(name = "tsresol 0x{0}, offset {1}: {2} units = {3} ns")
    @CsvSource({
        "06, 0, 1700000000123456, 1700000000123456000",       // default resolution written explicitly: µs
        "03, 0, 1700000000123, 1700000000123000000",          // ms
        "09, 0, 1700000000123456789, 1700000000123456789",    // ns
        "0c, 0, 1000000000001000, 1000000000001",             // ps: 1000 s + 1 ns (divided)
        "0f, 0, 1000000000001000000, 1000000000001",          // fs
        "00, 0, 1700000000, 1700000000000000000",             // seconds
        "80, 0, 1700000000, 1700000000000000000",             // 2^0: seconds
        "94, 0, 1782579200000000, 1700000000000000000",       // 2^-20 s: 1700000000 << 20
        "94, 0, 1782579200524288, 1700000000500000000",       // plus half a second (2^19 units)
        "a0, 0, 7301444403200000000, 1700000000000000000",    // 2^-32 s
        "a0, 0, 7301444404273741824, 1700000000250000000",    // plus 2^30 units = 0.25 s
        "06, 10, 1700000000123456, 1700000010123456000",      // if_tsoffset +10 s
        "06, -5, 1700000000123456, 1699999995123456000",      // if_tsoffset -5 s
    })
    void timestampResolutionAndOffset(String resolutionHex, long offsetSeconds, String unitsText, long expectedNanos) throws IOException {
        int resolution = Integer.parseInt(resolutionHex, 16);
        long units = Long.parseUnsignedLong(unitsText);
        byte[] file = new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET, 0, resolution, offsetSeconds == 0 ? null : offsetSeconds)
                .enhancedPacket(0, units, A, A.length).toByteArray();
        assertThat(read(file)).extracting(CapturedFrame::timestampNanos).containsExactly(expectedNanos);
    }

    @Test
    void twoInterfacesWithDifferentLinkTypesAndResolutions() throws IOException {
        byte[] file = new PcapNgBytes(LE)
                .interfaceBlock(LinkType.ETHERNET, 0, 9, null)      // ns
                .interfaceBlock(LinkType.RAW, 0, 0x80 | 10, null)   // 1/1024 s
                .enhancedPacket(0, 1_000_000_000_000_000_007L, A, A.length)
                .enhancedPacket(1, 1024L * 1_000_000_000L + 512, B, B.length)
                .enhancedPacket(0, 1_000_000_000_000_000_008L, B, B.length)
                .toByteArray();
        assertThat(read(file)).containsExactly(
                CapturedFrame.of(1_000_000_000_000_000_007L, LinkType.ETHERNET, 0, A, A.length),
                CapturedFrame.of(1_000_000_000_500_000_000L, LinkType.RAW, 1, B, B.length),
                CapturedFrame.of(1_000_000_000_000_000_008L, LinkType.ETHERNET, 0, B, B.length));
    }

    /** §4.4: the captured length of a Simple Packet Block is min(original length, snap length, room in the block). */
    @Test
    void simplePacketCapturedLengthIsTheSmallestOfOriginalSnapAndRoom() throws IOException {
        byte[] file = new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET, 10, null, null)
                .enhancedPacket(0, 42_000_000, B, B.length)
                .simplePacket(A, 12)        // original 12 < snap 10? no: snap 10 wins
                .simplePacket(B, 3)         // original 3 < room 4 (padding)
                .section(BE).interfaceBlock(LinkType.RAW, 0, null, null)
                .simplePacket(A, 2000)      // room 16 (14 + padding) < original; no snap length
                .simplePacket(A, 13)        // original 13 < room
                .toByteArray();
        byte[] a10 = java.util.Arrays.copyOf(A, 10);
        byte[] a16 = java.util.Arrays.copyOf(A, 16);
        byte[] a13 = java.util.Arrays.copyOf(A, 13);
        long t = 42_000_000_000L; // no timestamp in an SPB: the previous frame's
        assertThat(read(file)).containsExactly(
                CapturedFrame.of(t, LinkType.ETHERNET, 0, B, B.length),
                CapturedFrame.of(t, LinkType.ETHERNET, 0, a10, 12),
                CapturedFrame.of(t, LinkType.ETHERNET, 0, B, 3),
                CapturedFrame.of(t, LinkType.RAW, 1, a16, 2000),
                CapturedFrame.of(t, LinkType.RAW, 1, a13, 13));
    }

    @Test
    void obsoletePacketBlock() throws IOException {
        byte[] file = new PcapNgBytes(BE).interfaceBlock(LinkType.ETHERNET).interfaceBlock(LinkType.RAW)
                .obsoletePacket(1, 3_000_001, B, 40).toByteArray();
        assertThat(read(file)).containsExactly(CapturedFrame.of(3_000_001_000L, LinkType.RAW, 1, B, 40));
    }

    @Test
    void nameResolutionRecordsAreCollected() throws IOException {
        InetAddress v4 = InetAddress.getByName("192.0.2.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        byte[] file = new PcapNgBytes(BE).interfaceBlock(LinkType.ETHERNET)
                .nameResolution(v4, "plc.example", "plc-alias.example")
                .enhancedPacket(0, 1, A, A.length)
                .nameResolution(v6, "hmi.example")
                .toByteArray();
        assertThat(read(file)).hasSize(1);
        assertThat(lastStats.names()).containsExactly(
                new NameRecord(v4, List.of("plc.example", "plc-alias.example")),
                new NameRecord(v6, List.of("hmi.example")));
    }

    @Test
    void otherBlockTypesAreSkippedByTheirLength() throws IOException {
        byte[] file = new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET)
                .block(5, new byte[20])                            // Interface Statistics
                .block(0x0000_0BAD, "custom payload".getBytes())   // Custom Block
                .block(0x8000_0001, new byte[0])                   // local use
                .enhancedPacket(0, 9, A, A.length)
                .block(0x0000_000A, new byte[1000])                // Decryption Secrets
                .toByteArray();
        assertThat(read(file)).containsExactly(CapturedFrame.of(9_000L, LinkType.ETHERNET, 0, A, A.length));
        assertThat(lastStats.warnings()).isEmpty();
    }

    @Test
    void unsupportedInterfaceIsSkippedOthersDelivered() throws IOException {
        byte[] file = new PcapNgBytes(LE).interfaceBlock(127).interfaceBlock(LinkType.ETHERNET)
                .enhancedPacket(0, 1, A, A.length).enhancedPacket(1, 2, B, B.length).enhancedPacket(0, 3, A, A.length)
                .toByteArray();
        assertThat(read(file)).containsExactly(CapturedFrame.of(2_000L, LinkType.ETHERNET, 1, B, B.length));
        assertThat(lastStats.packets()).isEqualTo(3);
        assertThat(lastStats.skippedLinkTypes()).isEqualTo(Map.of(127, 2L));
        assertThat(lastStats.warnings()).extracting(CaptureWarning::reason)
                .containsExactly("link type ieee802-11-radiotap (127) is not supported; its frames are counted and skipped");
    }

    @Test
    void optionRunningPastItsBlockIsWarnedAndIgnored() throws IOException {
        // IDB body: link type 1, reserved, snap length 0, then if_tsresol claiming 200 bytes of value
        byte[] body = java.nio.ByteBuffer.allocate(12).order(LE).putShort((short) 1).putShort((short) 0).putInt(0)
                .putShort((short) 9).putShort((short) 200).array();
        byte[] file = new PcapNgBytes(LE).block(1, body).enhancedPacket(0, 5, A, A.length).toByteArray();
        assertThat(read(file)).containsExactly(CapturedFrame.of(5_000L, LinkType.ETHERNET, 0, A, A.length));
        assertThat(lastStats.warnings()).containsExactly(new CaptureWarning(dir.resolve("f.pcapng").toString(), 48,
                "an option or name record runs past the end of its block; the rest of that block's options and records are ignored"));
    }

    @Test
    void resolutionTooFineIsWarnedAndMicrosecondsAssumed() throws IOException {
        byte[] file = new PcapNgBytes(LE).interfaceBlock(LinkType.ETHERNET, 0, 0x80 | 100, null)
                .enhancedPacket(0, 5, A, A.length).toByteArray();
        assertThat(read(file)).extracting(CapturedFrame::timestampNanos).containsExactly(5_000L);
        assertThat(lastStats.warnings()).extracting(CaptureWarning::reason)
                .containsExactly("interface 0: timestamp resolution 0xe4 is too fine to convert; microseconds assumed");
    }

    @Test
    void realMicrosecondFileMatchesTshark() throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(EnipFixture.copy("enip-11-frames.pcapng", dir))) {
            PcapReadTest.assertEnipFrames(CapturedFrame.readAll(reader), EnipFixture.EPOCHS);
            assertThat(reader.stats().getFirst().warnings()).isEmpty();
        }
    }

    @Test
    void realNanosecondFileMatchesTshark() throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(EnipFixture.copy("enip-11-frames-plus-123ns.pcapng", dir))) {
            PcapReadTest.assertEnipFrames(CapturedFrame.readAll(reader), EnipFixture.EPOCHS_PLUS_123NS);
        }
    }

    /** mergecap output: Ethernet at ns resolution, raw IP at µs, IEEE 802.15.4 (skipped) in one file. */
    @Test
    void realThreeInterfaceFileMatchesTshark() throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(EnipFixture.copy("three-interfaces-ether-nsec-rawip-usec-wpan.pcapng", dir))) {
            List<CapturedFrame> frames = CapturedFrame.readAll(reader);
            List<String> expected = java.util.Arrays.stream(EnipFixture.THREE_INTERFACES).filter(row -> !row.startsWith("2 ")).toList();
            assertThat(frames).hasSize(expected.size());
            for (int i = 0; i < frames.size(); i++) {
                String[] row = expected.get(i).split(" ");
                CapturedFrame frame = frames.get(i);
                assertThat(frame.interfaceId()).isEqualTo(Integer.parseInt(row[0]));
                assertThat(frame.timestampNanos()).isEqualTo(epochNanos(row[1]));
                assertThat(frame.length()).isEqualTo(Integer.parseInt(row[2]));
                assertThat(frame.wireLength()).isEqualTo(Integer.parseInt(row[3]));
                assertThat(frame.linkType()).isEqualTo(frame.interfaceId() == 0 ? LinkType.ETHERNET : LinkType.RAW);
            }
            CaptureStats stats = reader.stats().getFirst();
            assertThat(stats.packets()).isEqualTo(EnipFixture.THREE_INTERFACES.length);
            assertThat(stats.skippedLinkTypes()).isEqualTo(Map.of(195, 5L));
            assertThat(stats.warnings()).hasSize(1);
            assertThat(stats.linkTypes()).containsExactlyInAnyOrder("ethernet", "raw");
            assertThat(((PcapNgReader) reader).interfaceCount()).isEqualTo(3);
        }
    }
}
