package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read loop allocates nothing per frame: reading 100,000 frames allocates far less than one byte per
 * frame (an allocation per frame would be at least 16 bytes each). Allocation, not time, is measured.
 */
class CaptureAllocationTest {
    private static final int FRAMES = 100_000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        byte[] data = new byte[60];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        try (OutputStream pcap = new BufferedOutputStream(Files.newOutputStream(dir.resolve("frames.pcap")));
             OutputStream pcapng = new BufferedOutputStream(Files.newOutputStream(dir.resolve("frames.pcapng")));
             OutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve("frames.pcap.gz"))))) {
            byte[] pcapHeader = new PcapBytes(ByteOrder.LITTLE_ENDIAN, true, 65535, 1).toByteArray();
            pcap.write(pcapHeader);
            gzip.write(pcapHeader);
            // two interfaces of different link types, so that the reader switches between them
            pcapng.write(new PcapNgBytes(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.ETHERNET).interfaceBlock(LinkType.RAW, 0, 9, null).toByteArray());
            for (int i = 0; i < FRAMES; i++) {
                byte[] record = new PcapBytes(ByteOrder.LITTLE_ENDIAN, true, 65535, 1).add(i * 1_000L, data).toByteArray();
                pcap.write(record, 24, record.length - 24);
                gzip.write(record, 24, record.length - 24);
                byte[] block = new PcapNgBytes(ByteOrder.BIG_ENDIAN).enhancedPacket(i & 1, i, data, 60).toByteArray();
                pcapng.write(block, 48, block.length - 48); // without its section header
            }
        }
    }

    /** Sums what it sees, allocating nothing. */
    private static final class Summing implements FrameHandler {
        long frames;
        long bytes;
        long timestamps;

        @Override
        public void onFrame(Frame frame) {
            frames++;
            bytes += frame.length() + frame.data()[frame.length() - 1];
            timestamps += frame.timestampNanos() + frame.linkType() + frame.interfaceId();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"frames.pcap", "frames.pcapng", "frames.pcap.gz"})
    void readingAllocatesNothingPerFrame(String name) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) { // the first rounds run interpreted and warm the JIT up
            Summing handler = new Summing();
            try (CaptureSource source = Captures.open(dir.resolve(name))) {
                long before = threads.getCurrentThreadAllocatedBytes();
                while (source.read(handler, 512) != -1) {
                    // read all
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertThat(handler.frames).isEqualTo(FRAMES);
                assertThat(handler.bytes).isEqualTo(FRAMES * (60L + 59));
                if (round == 2) {
                    System.out.printf("%s: %d frames, %d bytes allocated in the read loop%n", name, FRAMES, allocated);
                    assertThat(allocated).as("bytes allocated reading %d frames", FRAMES).isLessThan(FRAMES / 10);
                }
            }
        }
    }
}
