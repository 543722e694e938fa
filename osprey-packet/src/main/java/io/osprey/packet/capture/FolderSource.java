package io.osprey.packet.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All captures in one folder (not its subfolders), read one after the other in time order: by the timestamp
 * of each file's first frame, then by name. Files whose first bytes are not a capture are ignored with one
 * warning each (in an extra {@link CaptureStats} entry named after the folder); names starting with "." are
 * ignored silently.
 *
 * <p>With {@code follow}, the source keeps watching the folder for the files a rotating capture
 * ({@code tcpdump -G/-C}, dumpcap ring buffers) writes. A file is read once it is complete: a file modified
 * later has appeared in the folder, or it has not been modified for the settle time (2 s). Until then
 * {@link #read} returns 0 after waiting up to the poll interval; {@link #close()} from another thread ends the
 * wait and makes {@code read} return -1. The folder is listed at every poll rather than watched with a
 * {@code WatchService}, which misses changes on network file systems. A file is read once: data appended to
 * it after it has been read is not seen.
 */
public final class FolderSource implements CaptureSource {
    static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);
    static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    private final Path folder;
    private final boolean follow;
    private final long settleMillis;
    private final long pollNanos;
    private final Set<Path> seen = new HashSet<>();
    private final ArrayDeque<Path> ready = new ArrayDeque<>();
    private final List<CaptureStats> stats = new ArrayList<>();
    private final List<CaptureStats> statsView = Collections.unmodifiableList(stats);
    private CaptureStats folderStats;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private volatile boolean closed;
    private volatile CaptureFileReader current;
    private volatile long finishedBytes;
    private volatile long knownBytes;
    private long lastScanNanos;

    private FolderSource(Path folder, boolean follow, Duration settle, Duration poll) {
        this.folder = folder;
        this.follow = follow;
        this.settleMillis = settle.toMillis();
        this.pollNanos = poll.toNanos();
    }

    /** Lists the folder; with {@code follow}, keeps watching it until closed. */
    public static FolderSource open(Path folder, boolean follow) throws IOException {
        return open(folder, follow, DEFAULT_SETTLE, DEFAULT_POLL);
    }

    static FolderSource open(Path folder, boolean follow, Duration settle, Duration poll) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (Files.exists(folder)) throw new NotDirectoryException(folder.toString());
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        FolderSource source = new FolderSource(folder, follow, settle, poll);
        source.lastScanNanos = System.nanoTime();
        source.scan();
        return source;
    }

    @Override
    public int read(FrameHandler handler, int maxFrames) throws IOException {
        lock.lock();
        try {
            while (!closed) {
                CaptureFileReader reader = current;
                if (reader != null) {
                    int n = reader.read(handler, maxFrames);
                    if (n != -1) return n;
                    finishedBytes += reader.size();
                    current = null;
                    reader.close();
                    continue;
                }
                Path next = ready.poll();
                if (next != null) {
                    current = openForReading(next);
                    continue;
                }
                if (!follow) return -1;
                long sinceScan = System.nanoTime() - lastScanNanos;
                if (sinceScan >= pollNanos) {
                    lastScanNanos = System.nanoTime();
                    scan();
                    if (!ready.isEmpty()) continue;
                    sinceScan = 0;
                }
                try {
                    closing.awaitNanos(pollNanos - sinceScan);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return closed ? -1 : 0;
            }
            return -1;
        } finally {
            lock.unlock();
        }
    }

    private CaptureFileReader openForReading(Path file) {
        try {
            CaptureFileReader reader = CaptureFileReader.open(file);
            stats.add(reader.stats().getFirst());
            return reader;
        } catch (IOException e) {
            // Deleted by a ring buffer, or replaced by something else, since it was listed.
            folderWarning(file + " could not be read: " + e.getMessage());
            return null;
        }
    }

    /** Finds the files that are new and complete, and queues them in time order. */
    private void scan() throws IOException {
        record Listed(Path path, long size, long modifiedMillis) {}
        record Candidate(Path path, long size, long firstNanos) {}
        List<Listed> listed = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (file.getFileName().toString().startsWith(".")) continue;
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!attributes.isRegularFile()) continue;
                long modified = attributes.lastModifiedTime().toMillis();
                newest = Math.max(newest, modified);
                if (!seen.contains(file)) listed.add(new Listed(file, attributes.size(), modified));
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(folder.toString(), null, "the folder has disappeared");
        }
        long now = System.currentTimeMillis();
        List<Candidate> candidates = new ArrayList<>();
        for (Listed file : listed) {
            // An empty file may be a capture whose writer has not flushed its header yet.
            boolean complete = !follow || file.modifiedMillis() < newest || file.size() > 0 && now - file.modifiedMillis() >= settleMillis;
            if (!complete) continue;
            seen.add(file.path());
            long firstNanos = firstTimestamp(file.path());
            if (firstNanos == NOT_A_CAPTURE) continue;
            candidates.add(new Candidate(file.path(), file.size(), firstNanos));
        }
        candidates.sort(Comparator.comparingLong(Candidate::firstNanos).thenComparing(c -> c.path().getFileName().toString()));
        for (Candidate candidate : candidates) {
            ready.add(candidate.path());
            knownBytes += candidate.size();
        }
    }

    private static final long NOT_A_CAPTURE = Long.MIN_VALUE;

    /** The first frame's timestamp; Long.MAX_VALUE when there is none (sorted last); NOT_A_CAPTURE when ignored. */
    private long firstTimestamp(Path file) {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            long[] first = {Long.MAX_VALUE};
            reader.read(frame -> first[0] = frame.timestampNanos(), 1);
            return first[0];
        } catch (NotACaptureException e) {
            folderWarning(file.getFileName() + " is not a pcap or pcapng capture; ignored");
            return NOT_A_CAPTURE;
        } catch (IOException e) {
            folderWarning(file.getFileName() + " could not be read: " + e.getMessage());
            return NOT_A_CAPTURE;
        }
    }

    private void folderWarning(String reason) {
        if (folderStats == null) {
            folderStats = new CaptureStats(folder.toString());
            stats.add(folderStats);
        }
        folderStats.warn(0, reason);
    }

    @Override
    public List<CaptureStats> stats() {
        return statsView;
    }

    /** Bytes of the files read so far plus the current file's progress. */
    @Override
    public long position() {
        CaptureFileReader reader = current;
        return finishedBytes + (reader == null ? 0 : reader.position());
    }

    /** Bytes of all files found so far; grows in follow mode. */
    @Override
    public long size() {
        return knownBytes;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        CaptureFileReader reader = current;
        if (reader != null) reader.close(); // stops a read in progress at the next record
        lock.lock();
        try {
            closing.signalAll();
            reader = current;
            current = null;
            if (reader != null) reader.close();
        } finally {
            lock.unlock();
        }
    }
}
