package io.osprey.packet.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several capture files and folders read one after the other, in the order given. Files are opened when
 * their turn comes (one mapping at a time); folders are listed when the sequence is opened, so that
 * {@link #size()} covers everything from the start. A followed folder never ends: paths after it are
 * never reached, so a followed folder belongs last. {@link #close()} may be called from another thread.
 */
public final class CaptureSequence implements CaptureSource {
    /** A file (opened on its turn) or a folder (opened up front). */
    private record Part(Path file, long fileSize, FolderSource folder) {}

    private final List<Part> parts;
    private final List<CaptureSource> opened = new ArrayList<>();
    private int next;
    private volatile CaptureSource current;
    private volatile long finishedBytes;
    private volatile boolean closed;

    private CaptureSequence(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Checks every file now (so a typo or a non-capture fails before anything is read) and lists every folder.
     *
     * @throws NotACaptureException when a file given by name is not a capture
     * @throws IOException when a file or folder is missing or unreadable
     */
    static CaptureSequence open(List<Path> paths, boolean follow) throws IOException {
        List<Part> parts = new ArrayList<>();
        try {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    parts.add(new Part(null, 0, FolderSource.open(path, follow)));
                } else {
                    try (CaptureFileReader reader = CaptureFileReader.open(path)) {
                        parts.add(new Part(path, reader.size(), null));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Part part : parts) {
                if (part.folder() != null) part.folder().close();
            }
            throw e;
        }
        return new CaptureSequence(parts);
    }

    @Override
    public int read(FrameHandler handler, int maxFrames) throws IOException {
        while (!closed) {
            CaptureSource source = current;
            if (source == null) {
                if (next == parts.size()) return -1;
                Part part = parts.get(next++);
                source = part.folder() != null ? part.folder() : CaptureFileReader.open(part.file());
                opened.add(source);
                current = source;
                if (closed) { // close() ran while this source was opened and may not have seen it
                    source.close();
                    return -1;
                }
            }
            int n = source.read(handler, maxFrames);
            if (n != -1) return n;
            finishedBytes += source.size();
            current = null;
            source.close();
        }
        return -1;
    }

    /** The stats of every file read so far, in reading order. */
    @Override
    public List<CaptureStats> stats() {
        List<CaptureStats> all = new ArrayList<>();
        for (CaptureSource source : opened) all.addAll(source.stats());
        return all;
    }

    @Override
    public long position() {
        CaptureSource source = current;
        return finishedBytes + (source == null ? 0 : source.position());
    }

    @Override
    public long size() {
        long total = 0;
        for (Part part : parts) total += part.folder() != null ? part.folder().size() : part.fileSize();
        return total;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        CaptureSource source = current;
        if (source != null) source.close();
        for (Part part : parts) {
            if (part.folder() != null) part.folder().close();
        }
    }
}
