package io.osprey.packet.capture;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed capture file (RFC 1952; several members are read as one stream), decompressed while it
 * is read into a buffer that holds the current record: memory stays at the size of the largest record,
 * whatever the size of the file.
 */
final class GzipInput extends CaptureInput {
    /** Large enough for every ordinary record; grows (up to {@link CaptureLimits#MAX_BLOCK_LENGTH}) on demand. */
    private static final int INITIAL_BUFFER = 512 * 1024;
    private static final int INFLATER_BUFFER = 64 * 1024;

    private final CountingStream file;
    private final InputStream inflated;
    private final long size;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private MemorySegment segment = MemorySegment.ofArray(buffer);
    /** The unread data is buffer[start, end); buffer[start] is at {@link #position}. */
    private int start;
    private int end;
    private long position;
    private boolean ended;
    private String damage;

    private GzipInput(CountingStream file, InputStream inflated, long size) {
        this.file = file;
        this.inflated = inflated;
        this.size = size;
    }

    /**
     * Opens the file and reads its gzip header.
     *
     * @throws NotACaptureException when the gzip header itself is missing or damaged
     */
    static GzipInput open(Path path) throws IOException {
        long size = Files.size(path);
        CountingStream file = new CountingStream(Files.newInputStream(path));
        try {
            return new GzipInput(file, new GZIPInputStream(file, INFLATER_BUFFER), size);
        } catch (ZipException | EOFException e) {
            file.close();
            throw new NotACaptureException(path + ": not a pcap or pcapng capture (the gzip header is damaged: " + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    int request(int n) throws IOException {
        int available = end - start;
        if (available >= n || ended) {
            return Math.min(available, n);
        }
        fill(n);
        return Math.min(end - start, n);
    }

    private void fill(int n) throws IOException {
        if (n > buffer.length) {
            byte[] grown = new byte[Math.max(n, Math.min(buffer.length * 2, CaptureLimits.MAX_BLOCK_LENGTH))];
            System.arraycopy(buffer, start, grown, 0, end - start);
            end -= start;
            start = 0;
            buffer = grown;
            segment = MemorySegment.ofArray(buffer);
        } else if (buffer.length - start < n) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < n && !ended) {
            int read;
            try {
                read = inflated.read(buffer, end, buffer.length - end);
            } catch (EOFException e) {
                damage = "the gzip stream is truncated";
                read = -1;
            } catch (ZipException e) {
                damage = "the gzip stream is corrupt (" + e.getMessage() + ")";
                read = -1;
            }
            if (read < 0) {
                ended = true;
            } else {
                end += read;
            }
        }
    }

    @Override
    MemorySegment segment() {
        return segment;
    }

    @Override
    long index() {
        return start;
    }

    @Override
    long position() {
        return position;
    }

    @Override
    void advance(int n) {
        start += n;
        position += n;
    }

    @Override
    long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            int step = request((int) Math.min(n - skipped, buffer.length));
            if (step == 0) break;
            advance(step);
            skipped += step;
        }
        return skipped;
    }

    @Override
    long consumed() {
        return file.count;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    String damage() {
        return damage;
    }

    @Override
    public void close() throws IOException {
        inflated.close();
    }

    /** Counts the compressed bytes read, for {@link #consumed()}. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
