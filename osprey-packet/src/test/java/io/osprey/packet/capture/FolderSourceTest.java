package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of rotating captures, read in time order; followed while new files appear; and mixed path lists. */
class FolderSourceTest {
    @TempDir
    Path dir;

    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    private static final long SECOND = 1_000_000_000L;

    /** A pcap whose frames have these timestamps (seconds). */
    private Path pcap(String name, long... seconds) throws IOException {
        PcapBytes bytes = PcapBytes.ethernet();
        for (long s : seconds) bytes.add(s * SECOND, FRAME);
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private Path pcapng(String name, long... seconds) throws IOException {
        PcapNgBytes bytes = new PcapNgBytes(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkType.ETHERNET);
        for (long s : seconds) bytes.enhancedPacket(0, s * 1_000_000, FRAME, 14);
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static List<Long> seconds(List<CapturedFrame> frames) {
        return frames.stream().map(f -> f.timestampNanos() / SECOND).toList();
    }

    private static void age(Path file, Duration by) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    }

    @Test
    void filesAreReadInTheOrderOfTheirFirstFrameNotTheirName() throws IOException {
        pcap("a.pcap", 300, 301);
        pcapng("b.pcapng", 100, 101);
        Files.write(dir.resolve("c.pcap.gz"), CapturesOpenTest.gzip(Files.readAllBytes(pcap("c-plain.tmp", 200))));
        Files.delete(dir.resolve("c-plain.tmp"));
        Files.writeString(dir.resolve("README.txt"), "not a capture");
        Files.writeString(dir.resolve(".hidden"), "ignored silently");
        Files.createDirectory(dir.resolve("sub"));
        pcap("sub/nested.pcap", 50);

        try (FolderSource source = FolderSource.open(dir, false)) {
            long total = Files.size(dir.resolve("a.pcap")) + Files.size(dir.resolve("b.pcapng")) + Files.size(dir.resolve("c.pcap.gz"));
            assertThat(source.size()).isEqualTo(total);
            assertThat(seconds(CapturedFrame.readAll(source, 1))).containsExactly(100L, 101L, 200L, 300L, 301L);
            assertThat(source.position()).isEqualTo(total);
            assertThat(source.stats()).extracting(s -> Path.of(s.path()).getFileName().toString())
                    .containsExactly(dir.getFileName().toString(), "b.pcapng", "c.pcap.gz", "a.pcap");
            assertThat(source.stats().getFirst().warnings()).extracting(CaptureWarning::reason)
                    .containsExactly("README.txt is not a pcap or pcapng capture; ignored");
        }
    }

    @Test
    void sameFirstTimestampOrEmptyFallsBackToTheName() throws IOException {
        pcap("y.pcap", 10, 12);
        pcap("x.pcap", 10, 11);
        pcap("empty-b.pcap");
        pcap("empty-a.pcap");
        try (FolderSource source = FolderSource.open(dir, false)) {
            assertThat(seconds(CapturedFrame.readAll(source))).containsExactly(10L, 11L, 10L, 12L);
            assertThat(source.stats()).extracting(s -> Path.of(s.path()).getFileName().toString())
                    .containsExactly("x.pcap", "y.pcap", "empty-a.pcap", "empty-b.pcap");
        }
    }

    @Test
    void followPicksUpFilesThatAppearLaterAndCloseStopsIt() throws Exception {
        age(pcap("rotate-1.pcap", 1, 2), Duration.ofMinutes(5));
        try (FolderSource source = FolderSource.open(dir, true, Duration.ofMillis(300), Duration.ofMillis(50))) {
            List<Long> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    int n;
                    while ((n = source.read(frame -> seen.add(frame.timestampNanos() / SECOND), 10)) != -1) {
                        // a following source returns 0 while it waits
                    }
                    return n;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            waitFor(() -> seen.size() == 2);
            assertThat(seen).containsExactly(1L, 2L);

            pcap("rotate-2.pcap", 3); // complete once it has not changed for the settle time
            waitFor(() -> seen.size() == 3);
            assertThat(seen).containsExactly(1L, 2L, 3L);
            assertThat(reader).isNotDone();

            source.close(); // from this thread, while the reader waits
            assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        }
    }

    @Test
    void followReadsAFileOnceANewerOneHasAppeared() throws Exception {
        Path first = pcap("ring-1.pcap", 1);
        Files.setLastModifiedTime(first, FileTime.from(Instant.now()));
        // a settle time this long never passes in the test: only the newer file can make ring-1 complete
        try (FolderSource source = FolderSource.open(dir, true, Duration.ofHours(1), Duration.ofMillis(20))) {
            assertThat(source.read(frame -> {}, 10)).isZero();
            assertThat(source.size()).isZero();
            Path second = pcap("ring-2.pcap", 2);
            Files.setLastModifiedTime(second, FileTime.from(Instant.now().plusSeconds(5)));
            List<Long> seen = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                assertThat(source.read(frame -> seen.add(frame.timestampNanos() / SECOND), 10)).isNotNegative();
            }
            assertThat(seen).containsExactly(1L);
            // ring-2 is the newest and still within the settle time: not read
            for (int i = 0; i < 5; i++) assertThat(source.read(frame -> seen.add(-1L), 10)).isZero();
            assertThat(source.size()).isEqualTo(Files.size(first));
        }
    }

    @Test
    void followWaitsForAnEmptyFileToGetItsHeader() throws Exception {
        Path file = Files.write(dir.resolve("being-written.pcap"), new byte[0]);
        age(file, Duration.ofMinutes(5));
        try (FolderSource source = FolderSource.open(dir, true, Duration.ofMillis(1), Duration.ofMillis(10))) {
            for (int i = 0; i < 3; i++) assertThat(source.read(frame -> {}, 10)).isZero();
            assertThat(source.stats()).isEmpty();
            Files.write(file, PcapBytes.ethernet().add(7 * SECOND, FRAME).toByteArray());
            age(file, Duration.ofMinutes(1));
            List<Long> seen = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.isEmpty() && System.nanoTime() < deadline) source.read(frame -> seen.add(frame.timestampNanos() / SECOND), 10);
            assertThat(seen).containsExactly(7L);
        }
    }

    @Test
    void closeStopsAFileReadInProgressFromAnotherThread() throws Exception {
        Path file = pcap("long.pcap", 1, 2, 3, 4, 5);
        try (CaptureSource source = Captures.open(file)) {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            int[] delivered = {0};
            int n = source.read(frame -> {
                delivered[0]++;
                if (delivered[0] == 2) {
                    // close from another thread while this read is in progress: it waits for the read to return
                    closed.completeAsync(() -> {
                        try {
                            source.close();
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                        return null;
                    });
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    assertThat(closed).isNotDone();
                }
            }, 100);
            assertThat(n).isBetween(2, 5);
            closed.get(10, TimeUnit.SECONDS);
            assertThat(source.read(frame -> {}, 100)).isEqualTo(-1);
        }
    }

    @Test
    void pathListMixesFilesAndFoldersInTheGivenOrder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("rotated"));
        Files.write(folder.resolve("r2.pcap"), PcapBytes.ethernet().add(21 * SECOND, FRAME).toByteArray());
        Files.write(folder.resolve("r1.pcap"), PcapBytes.ethernet().add(20 * SECOND, FRAME).toByteArray());
        Path first = pcapng("first.pcapng", 30);
        Path last = pcap("last.pcap", 5);
        try (CaptureSource source = Captures.open(List.of(first, folder, last), false)) {
            assertThat(source).isInstanceOf(CaptureSequence.class);
            long total = Files.size(first) + Files.size(last) + Files.size(folder.resolve("r1.pcap")) + Files.size(folder.resolve("r2.pcap"));
            assertThat(source.size()).isEqualTo(total);
            assertThat(source.position()).isZero();
            assertThat(seconds(CapturedFrame.readAll(source))).containsExactly(30L, 20L, 21L, 5L);
            assertThat(source.position()).isEqualTo(total);
            assertThat(source.stats()).extracting(s -> Path.of(s.path()).getFileName().toString())
                    .containsExactly("first.pcapng", "r1.pcap", "r2.pcap", "last.pcap");
        }
    }

    @Test
    void pathListChecksEveryFileBeforeReading() throws IOException {
        Path good = pcap("good.pcap", 1);
        Path text = Files.writeString(dir.resolve("notes.txt"), "Hello");
        assertThatThrownBy(() -> Captures.open(List.of(good, text), false)).isInstanceOf(NotACaptureException.class)
                .hasMessage(text + ": not a pcap or pcapng capture (starts with 48 65 6c 6c)");
        Path missing = dir.resolve("missing-folder");
        assertThatThrownBy(() -> Captures.open(List.of(good, missing), true)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> FolderSource.open(missing, true)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such folder");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
