package io.osprey.packet.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One capture file, pcap or pcapng, plain or gzip-compressed. {@link #open(Path)} tells the formats apart by
 * their first bytes.
 *
 * <p>Damage inside the file (a truncated last record, a length that cannot be right, garbage after valid
 * records, a truncated gzip stream) never throws out of {@link #read}: it is reported once as a
 * {@link CaptureWarning} (offset in the decompressed data for .gz files), every frame before it is kept,
 * and reading of the file stops there. The readers do not try to resynchronise: a record boundary cannot be
 * recognised reliably in pcap, and a guessed one would deliver garbage as frames.
 *
 * <p>{@link #close()} may be called from another thread; it waits for a {@link #read} in progress to return
 * (so the mapped memory is never released under the reader) and makes the next one return -1.
 */
public abstract sealed class CaptureFileReader implements CaptureSource permits PcapReader, PcapNgReader {
    static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final int GZIP_MAGIC = 0x1f8b;

    final CaptureInput input;
    final CaptureStats stats;
    final Frame frame = new Frame();
    private final List<CaptureStats> statsList;
    private final ReentrantLock lock = new ReentrantLock();
    /** Set by {@link #close()}, possibly from another thread; the read loop checks it before each record. */
    volatile boolean closed;
    private boolean released;
    /** The file is read to its end or to the damage that ended it. */
    boolean finished;

    CaptureFileReader(CaptureInput input, String path) {
        this.input = input;
        this.stats = new CaptureStats(path);
        this.statsList = List.of(stats);
    }

    /**
     * Opens a pcap or pcapng file, plain or gzip-compressed.
     *
     * @throws NotACaptureException when the file is none of these (the message names the file and its first bytes)
     * @throws IOException when the file is missing or unreadable (the message names the file)
     */
    public static CaptureFileReader open(Path path) throws IOException {
        byte[] head = head(path, 4);
        if (head.length >= 2 && ((head[0] & 0xff) << 8 | head[1] & 0xff) == GZIP_MAGIC) {
            GzipInput input = GzipInput.open(path);
            try {
                return open(path, input, true);
            } catch (IOException | RuntimeException e) {
                input.close();
                throw e;
            }
        }
        if (formatOf(head) == null) {
            throw notACapture(path, head, false);
        }
        MappedInput input = MappedInput.map(path);
        try {
            return open(path, input, false);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static CaptureFileReader open(Path path, CaptureInput input, boolean gzip) throws IOException {
        int n = input.request(4);
        byte[] head = new byte[n];
        MemorySegment.copy(input.segment(), ValueLayout.JAVA_BYTE, input.index(), head, 0, n);
        Format format = formatOf(head);
        if (format == null && input.damage() != null) {
            throw new NotACaptureException(path + ": not a pcap or pcapng capture (gzip-compressed; " + input.damage()
                    + (n == 0 ? " before any data)" : " after " + HexFormat.ofDelimiter(" ").formatHex(head) + ")"));
        }
        if (format == null) {
            throw notACapture(path, head, gzip);
        }
        return format == Format.PCAPNG ? new PcapNgReader(input, path.toString()) : new PcapReader(input, path.toString());
    }

    private enum Format { PCAP, PCAPNG }

    /** The format whose magic number the first four bytes are, or null. */
    private static Format formatOf(byte[] head) {
        if (head.length < 4) return null;
        int magic = ByteBuffer.wrap(head).getInt();
        if (magic == PcapNgReader.SECTION_HEADER_BLOCK) return Format.PCAPNG;
        return PcapReader.isMagic(magic) || PcapReader.isMagic(Integer.reverseBytes(magic)) ? Format.PCAP : null;
    }

    private static NotACaptureException notACapture(Path path, byte[] head, boolean gzip) {
        String what = head.length == 0
                ? (gzip ? "the decompressed data is empty" : "the file is empty")
                : (gzip ? "decompressed data starts with " : "starts with ") + HexFormat.ofDelimiter(" ").formatHex(head);
        return new NotACaptureException(path + ": not a pcap or pcapng capture (" + (gzip ? "gzip-compressed; " : "") + what + ")");
    }

    /** The first {@code n} bytes of the file (fewer when it is shorter), with the file named in every error. */
    private static byte[] head(Path path, int n) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + ": is a directory, not a capture file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(n);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or end of file
            }
            byte[] head = new byte[buffer.position()];
            buffer.flip().get(head);
            return head;
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(path.toString(), null, "permission denied");
        }
    }

    @Override
    public final int read(FrameHandler handler, int maxFrames) throws IOException {
        lock.lock();
        try {
            if (closed || finished) return -1;
            if (maxFrames <= 0) return 0;
            int delivered = readRecords(handler, maxFrames);
            return delivered == 0 && (finished || closed) ? -1 : delivered;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers up to {@code maxFrames} frames; sets {@link #finished} at the end of the data. Stops early
     * when {@link #closed} is set (checked before each record).
     */
    abstract int readRecords(FrameHandler handler, int maxFrames) throws IOException;

    /**
     * Ends the file with one warning at the start of the record that could not be read. When the data ran out
     * because the gzip stream is damaged, that is the reason reported.
     */
    final void damaged(long offset, String reason) {
        String cause = input.damage();
        stats.warn(offset, cause != null ? cause : reason);
        finished = true;
    }

    /** Ends the file where the data ends: cleanly between records, or with a warning for a damaged stream. */
    final void ended(long offset) {
        String cause = input.damage();
        if (cause != null) stats.warn(offset, cause);
        finished = true;
    }

    /** "pcap" or "pcapng". */
    public abstract String format();

    public final String path() {
        return stats.path();
    }

    @Override
    public final List<CaptureStats> stats() {
        return statsList;
    }

    @Override
    public final long position() {
        return input.consumed();
    }

    @Override
    public final long size() {
        return input.size();
    }

    @Override
    public final void close() throws IOException {
        closed = true;
        lock.lock();
        try {
            if (released) return;
            released = true;
            input.close();
        } finally {
            lock.unlock();
        }
    }
}
