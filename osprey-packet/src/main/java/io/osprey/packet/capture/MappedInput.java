package io.osprey.packet.capture;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An uncompressed capture file, memory-mapped a window at a time (no 2 GB limit). Pages of a mapping count
 * in the process's resident memory until it is unmapped, so mapping a multi-gigabyte file whole would make
 * a scan's RSS as large as the file; sliding a {@value #WINDOW_BYTES}-byte window along it and unmapping
 * what lies behind keeps the sensor's footprint flat whatever the file size. Each window lives in its own
 * shared arena, so a source can be closed from another thread once its reader has stopped touching it.
 */
final class MappedInput extends CaptureInput {
    /** Bytes mapped at once: large enough that remapping is rare (a few dozen times per GB), small enough to keep RSS low. */
    static final long WINDOW_BYTES = 64L << 20;

    private final FileChannel channel;
    private final long size;
    private final long windowBytes;
    private Arena arena;
    private MemorySegment window;
    /** File offset of window's first byte. */
    private long windowStart;
    private long position;

    private MappedInput(FileChannel channel, long windowBytes) {
        this.channel = channel;
        this.windowBytes = windowBytes;
        long s;
        try {
            s = channel.size();
        } catch (IOException e) {
            s = 0;
        }
        this.size = s;
    }

    static MappedInput map(Path path) throws IOException {
        return map(path, WINDOW_BYTES);
    }

    /** Maps with a given window size; tests use small windows to cross many window edges. */
    static MappedInput map(Path path, long windowBytes) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            MappedInput in = new MappedInput(channel, windowBytes);
            in.remap(0, 0);
            return in;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Maps a window that starts at {@code from} and holds at least {@code n} bytes (or up to the end). */
    private void remap(long from, int n) throws IOException {
        Arena next = Arena.ofShared();
        try {
            long length = Math.min(size - from, Math.max(windowBytes, n));
            window = length <= 0 ? next.allocate(1).asSlice(0, 0) : channel.map(FileChannel.MapMode.READ_ONLY, from, length, next);
        } catch (IOException | RuntimeException e) {
            next.close();
            throw e;
        }
        if (arena != null) arena.close();
        arena = next;
        windowStart = from;
    }

    @Override
    int request(int n) throws IOException {
        long left = size - position;
        int want = left >= n ? n : (int) left;
        if (position + want > windowStart + window.byteSize()) {
            remap(position, want);
        }
        return want;
    }

    @Override
    MemorySegment segment() {
        return window;
    }

    @Override
    long index() {
        return position - windowStart;
    }

    @Override
    long position() {
        return position;
    }

    @Override
    void advance(int n) {
        position += n;
    }

    @Override
    long skip(long n) {
        long step = Math.min(n, size - position);
        position += step;
        return step;
    }

    @Override
    long consumed() {
        return position;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        try {
            if (arena != null) arena.close();
        } finally {
            channel.close();
        }
    }
}
