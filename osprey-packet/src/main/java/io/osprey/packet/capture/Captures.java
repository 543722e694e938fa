package io.osprey.packet.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens capture input by what it is: a pcap or pcapng file (recognised by its magic number, also inside
 * gzip), a folder of captures, or several of these.
 */
public final class Captures {
    private Captures() {}

    /**
     * A capture file (pcap or pcapng, plain or gzip-compressed) or a folder of them (read once, in time order).
     *
     * @throws NotACaptureException when a file is not a capture; the one-line message names it and its first bytes
     * @throws IOException when the path is missing or unreadable; the message names it
     */
    public static CaptureSource open(Path path) throws IOException {
        return Files.isDirectory(path) ? FolderSource.open(path, false) : CaptureFileReader.open(path);
    }

    /**
     * Files and folders read one after the other, in the order given. With {@code follow}, folders keep
     * being watched for new rotated files (see {@link FolderSource}); files are read once either way.
     */
    public static CaptureSource open(List<Path> paths, boolean follow) throws IOException {
        if (paths.isEmpty()) throw new IllegalArgumentException("no capture files or folders given");
        if (paths.size() == 1) {
            Path path = paths.getFirst();
            return Files.isDirectory(path) ? FolderSource.open(path, follow) : CaptureFileReader.open(path);
        }
        return CaptureSequence.open(paths, follow);
    }
}
