package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gzip-compressed captures (RFC 1952) are read like plain ones, while they are decompressed. */
class GzipReadTest {
    @TempDir
    Path dir;

    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};

    @Test
    void gzipFixturesGiveTheSameFramesAsThePlainFiles() throws IOException {
        for (String name : new String[] {"enip-11-frames.le-usec.pcap", "enip-11-frames.pcapng"}) {
            try (CaptureSource plain = Captures.open(EnipFixture.copy(name, dir));
                 CaptureSource gzip = Captures.open(EnipFixture.copy(name + ".gz", dir))) {
                assertThat(CapturedFrame.readAll(gzip, 3)).hasSize(11).isEqualTo(CapturedFrame.readAll(plain));
                assertThat(gzip.stats().getFirst().warnings()).isEmpty();
                assertThat(gzip.position()).isEqualTo(gzip.size()).isEqualTo(Files.size(dir.resolve(name + ".gz")));
            }
        }
    }

    @Test
    void severalGzipMembersAreOneStream() throws IOException {
        PcapBytes pcap = PcapBytes.ethernet();
        for (int i = 0; i < 20; i++) pcap.add(i * 1_000L, FRAME);
        byte[] plain = pcap.toByteArray();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        // split inside the file header and inside a record
        members.writeBytes(CapturesOpenTest.gzip(Arrays.copyOfRange(plain, 0, 10)));
        members.writeBytes(CapturesOpenTest.gzip(Arrays.copyOfRange(plain, 10, 100)));
        members.writeBytes(CapturesOpenTest.gzip(Arrays.copyOfRange(plain, 100, plain.length)));
        try (CaptureSource plainSource = Captures.open(Files.write(dir.resolve("plain.pcap"), plain));
             CaptureSource gzip = Captures.open(Files.write(dir.resolve("members.pcap.gz"), members.toByteArray()))) {
            assertThat(CapturedFrame.readAll(gzip)).hasSize(20).isEqualTo(CapturedFrame.readAll(plainSource));
            assertThat(gzip.stats().getFirst().warnings()).isEmpty();
        }
    }

    /** A block larger than the initial decompression buffer (512 KiB) grows it. */
    @Test
    void blockLargerThanTheBufferIsRead() throws IOException {
        PcapNgBytes pcapng = new PcapNgBytes(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.ETHERNET);
        List<NameRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(new NameRecord(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) i}), List.of("n".repeat(60_000) + i)));
        }
        pcapng.nameResolution(records);
        byte[] plain = pcapng.enhancedPacket(0, 5, FRAME, 14).toByteArray();
        assertThat(plain.length).isGreaterThan(700_000);
        try (CaptureSource gzip = Captures.open(Files.write(dir.resolve("big-nrb.pcapng.gz"), CapturesOpenTest.gzip(plain)))) {
            assertThat(CapturedFrame.readAll(gzip)).hasSize(1);
            List<NameRecord> names = gzip.stats().getFirst().names();
            assertThat(names.size()).isEqualTo(12);
            assertThat(names.get(11).names().getFirst()).hasSize(60_002).endsWith("n11");
            assertThat(names.get(11).address().getHostAddress()).isEqualTo("10.0.0.11");
            assertThat(gzip.stats().getFirst().warnings()).isEmpty();
        }
    }

    /**
     * 70 MB of decompressed capture is read with a few MB of allocation at most: the stream is decompressed
     * record by record, never into memory as a whole.
     */
    @Test
    void largeGzipIsStreamed() throws IOException {
        Path file = dir.resolve("large.pcap.gz");
        int frames = 50_000;
        byte[] header = PcapBytes.ethernet().toByteArray();
        byte[] record = new PcapBytes(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).add(1_000, new byte[1400]).toByteArray();
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 65536)) {
            out.write(header);
            for (int i = 0; i < frames; i++) out.write(record, 24, record.length - 24);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long[] seen = new long[2];
        try (CaptureSource source = Captures.open(file)) {
            while (source.read(frame -> {
                seen[0]++;
                seen[1] += frame.length();
            }, 256) != -1) {
                // read all
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(seen[0]).isEqualTo(frames);
        assertThat(seen[1]).isEqualTo(frames * 1400L);
        assertThat(allocated).as("bytes allocated while reading %d MB", frames * 1416 / 1_000_000).isLessThan(8L * 1024 * 1024);
    }
}
