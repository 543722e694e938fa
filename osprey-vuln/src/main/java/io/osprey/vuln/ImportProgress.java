package io.osprey.vuln;

/** Progress of an import: files done out of the total, records read so far, and the file being read. */
public record ImportProgress(int filesDone, int filesTotal, long records, String currentFile) {

    /** Receives progress; called on the importing thread, at file boundaries and every few thousand records. */
    @FunctionalInterface
    public interface Listener {
        void progress(ImportProgress progress);

        Listener NONE = p -> { };
    }
}
