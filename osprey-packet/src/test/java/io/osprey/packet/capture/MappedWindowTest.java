package io.osprey.packet.capture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A memory-mapped file is read through a sliding window (so resident memory does not grow with the file).
 * Windows far smaller than a record force a remap inside nearly every header and record: the frames must be
 * exactly those read through one large window.
 */
class MappedWindowTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "capture");

    @ParameterizedTest
    @ValueSource(strings = {"enip-11-frames.le-usec.pcap", "enip-11-frames.pcapng",
        "three-interfaces-ether-nsec-rawip-usec-wpan.pcapng", "enip-11-frames-plus-123ns.le-nsec.pcap"})
    void tinyWindowsReadTheSameFramesAsOneLargeWindow(String name) throws Exception {
        Path path = FIXTURES.resolve(name);
        List<CapturedFrame> expected;
        try (CaptureSource whole = Captures.open(path)) {
            expected = CapturedFrame.readAll(whole);
        }
        assertThat(expected).isNotEmpty();
        for (long window : new long[] {1, 7, 61, 500}) {
            MappedInput input = MappedInput.map(path, window);
            boolean pcapng = name.endsWith(".pcapng");
            try (CaptureSource small = pcapng ? new PcapNgReader(input, path.toString()) : new PcapReader(input, path.toString())) {
                assertThat(CapturedFrame.readAll(small)).as("window of %d bytes", window).isEqualTo(expected);
            }
        }
    }
}
