package io.osprey.vuln.store;

/** What one import did to one kind of record. */
public record ImportCounts(int added, int updated, int unchanged) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0);

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(added + other.added, updated + other.updated, unchanged + other.unchanged);
    }

    public int records() {
        return added + updated + unchanged;
    }
}
