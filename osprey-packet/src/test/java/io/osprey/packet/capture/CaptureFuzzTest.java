package io.osprey.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arbitrary bytes through the opener and the readers: open may refuse them with {@link NotACaptureException};
 * nothing else may be thrown, and every frame delivered must be within the limits. Without JAZZER_FUZZ this
 * runs the inputs in CaptureFuzzTestInputs/ (real and damaged captures); with JAZZER_FUZZ=1 it fuzzes for 30 s.
 */
class CaptureFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("osprey-fuzz", ".cap");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void openAndReadAnyBytes(byte[] input) throws IOException {
        Files.write(FILE, input);
        CaptureSource source;
        try {
            source = Captures.open(FILE);
        } catch (NotACaptureException expected) {
            return;
        }
        try (source) {
            long[] frames = {0};
            while (source.read(frame -> {
                frames[0]++;
                assertThat(frame.length()).isBetween(0, CaptureLimits.MAX_FRAME_LENGTH);
                assertThat(frame.wireLength()).isGreaterThanOrEqualTo(frame.length());
                assertThat(LinkType.isSupported(frame.linkType())).isTrue();
            }, 64) != -1) {
                // read to the end
            }
            CaptureStats stats = source.stats().getFirst();
            assertThat(stats.packets()).isGreaterThanOrEqualTo(frames[0]);
            assertThat(source.position()).isBetween(0L, source.size());
        }
    }
}
