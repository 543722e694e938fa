package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files past 2 GB are mapped as one segment: a frame after the 2 GB mark is read like any other. */
class LargeFileTest {
    @TempDir
    Path dir;

    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};

    @Test
    void frameAfterTwoGigabytesIsRead() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).getUsableSpace() > 3L << 30, "less than 3 GB free in the temp folder: skipped");
        byte[] head = new PcapNgBytes(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkType.ETHERNET).enhancedPacket(0, 1, FRAME, 14).toByteArray();
        byte[] tail = new PcapNgBytes(ByteOrder.LITTLE_ENDIAN).enhancedPacket(0, 2, FRAME, 99).toByteArray();
        int shbLength = 48;
        // a custom block (type 0x00000BAD) of 2 GiB + 64 bytes whose body is a hole in a sparse file
        long customLength = (1L << 31) + 64;
        Path file = dir.resolve("large.pcapng");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            channel.write(ByteBuffer.wrap(head));
            channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0BAD).putInt((int) customLength).flip());
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) customLength).flip(), head.length + customLength - 4);
            channel.write(ByteBuffer.wrap(tail, shbLength, tail.length - shbLength), head.length + customLength);
        }
        long size = Files.size(file);
        assertThat(size).isGreaterThan(1L << 31);
        try (CaptureSource source = Captures.open(file)) {
            List<CapturedFrame> frames = CapturedFrame.readAll(source);
            assertThat(frames).containsExactly(
                    CapturedFrame.of(1_000, LinkType.ETHERNET, 0, FRAME, 14),
                    CapturedFrame.of(2_000, LinkType.ETHERNET, 0, FRAME, 99));
            assertThat(source.stats().getFirst().warnings()).isEmpty();
            assertThat(source.position()).isEqualTo(size);
        }
    }
}
