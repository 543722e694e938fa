package io.osprey.bench;

import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.capture.Frame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Frames of a real capture held in memory, so a benchmark measures the packet path and not the disk. The
 * capture is {@code -Dosprey.bench.capture=PATH} (default: the bench capture if built, else the sample).
 */
final class CapturedFrames {
    byte[][] data = new byte[1024][];
    int[] length = new int[1024];
    long[] nanos = new long[1024];
    int[] linkType = new int[1024];
    int count;
    long bytes;

    static Path defaultCapture() {
        String p = System.getProperty("osprey.bench.capture");
        if (p != null) return Path.of(p);
        for (Path c : new Path[] {Path.of("bench", "bench.pcap"), Path.of("..", "bench", "bench.pcap"),
                Path.of("samples", "hue-bridge-setup.pcap"), Path.of("..", "samples", "hue-bridge-setup.pcap")}) {
            if (c.toFile().isFile()) return c;
        }
        throw new IllegalStateException("no capture: set -Dosprey.bench.capture=PATH");
    }

    static CapturedFrames load(Path path, int max) throws IOException {
        CapturedFrames c = new CapturedFrames();
        try (CaptureSource source = Captures.open(path)) {
            while (c.count < max && source.read(c::add, Math.min(4096, max - c.count)) >= 0) {
                // read on
            }
        }
        return c;
    }

    private void add(Frame f) {
        if (count == data.length) {
            int n = count * 2;
            data = Arrays.copyOf(data, n);
            length = Arrays.copyOf(length, n);
            nanos = Arrays.copyOf(nanos, n);
            linkType = Arrays.copyOf(linkType, n);
        }
        data[count] = Arrays.copyOf(f.data(), f.length());
        length[count] = f.length();
        nanos[count] = f.timestampNanos();
        linkType[count] = f.linkType();
        bytes += f.wireLength();
        count++;
    }
}
