package io.osprey.packet.capture;

import java.io.IOException;

/**
 * A stream of frames: a capture file, a folder of rotating files or a live interface.
 * Sources are read by one thread; {@link #close()} may be called from another to stop a live source.
 */
public interface CaptureSource extends AutoCloseable {

    /**
     * Reads up to {@code maxFrames} frames and hands each to {@code handler}.
     *
     * @return the number of frames delivered, or -1 once the source is exhausted. A live source may return 0
     *     when no frame arrived within its poll interval.
     * @throws IOException when the input cannot be read at all. Damage inside a file is not an exception:
     *     it ends the file and is recorded as a {@link CaptureWarning} in {@link #stats()}.
     */
    int read(FrameHandler handler, int maxFrames) throws IOException;

    /** Counters and warnings, per file read so far. Safe to call while reading, from the reading thread. */
    java.util.List<CaptureStats> stats();

    /** Bytes of input consumed so far and the total expected (-1 when unknown), for progress bars. */
    default long position() { return -1; }

    default long size() { return -1; }

    @Override
    void close() throws IOException;
}
