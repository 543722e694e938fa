package io.osprey.packet.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * The bytes of one capture file as both readers parse them: a sliding window over the (decompressed)
 * data. The pcap and pcapng parsers ask for the next {@code n} bytes with {@link #request}, read them in
 * place from {@link #segment()} at {@link #index()}, then {@link #advance} past them. A memory-mapped file
 * is one window over the whole file; a gzip stream is a buffer that is refilled as the parser moves on.
 *
 * <p>Data that ends early because the compressed stream is damaged looks like a short file; {@link #damage()}
 * then says why, so the parser can report the cause instead of "truncated".
 */
abstract sealed class CaptureInput implements AutoCloseable permits MappedInput, GzipInput {

    /**
     * Makes the next {@code n} bytes readable in {@link #segment()} from {@link #index()} on, without
     * consuming them. The segment and index may change; read them again after each call.
     *
     * @return {@code n}, or fewer when the data ends (or is damaged) before that
     */
    abstract int request(int n) throws IOException;

    abstract MemorySegment segment();

    /** Where {@link #position()} is within {@link #segment()}. */
    abstract long index();

    /** Offset of the next unread byte in the (decompressed) data. */
    abstract long position();

    /** Consumes {@code n} bytes that a preceding {@link #request} made available. */
    abstract void advance(int n);

    /** Consumes up to {@code n} bytes without looking at them; returns how many there were. */
    abstract long skip(long n) throws IOException;

    /** Bytes of the file read so far (compressed bytes for gzip), for progress. */
    abstract long consumed();

    /** Size of the file in bytes (compressed for gzip). */
    abstract long size();

    /** Why the data ended before the end of the file, or null when it did not. */
    String damage() {
        return null;
    }

    @Override
    public abstract void close() throws IOException;
}
