package io.osprey.cli;

import io.osprey.vuln.store.VulnStore;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening the Osprey store for a command, with the errors a user can act on. */
final class Stores {
    private Stores() {}

    /**
     * Opens (or, when {@code create}, creates) the store at {@code path}. A missing store for a command that only
     * reads is a usage error naming the import that creates it; a store that cannot be opened says why.
     */
    static VulnStore open(Path path, boolean create) throws NoSuchFileException {
        if (!create && !Files.exists(path)) {
            throw new NoSuchFileException(path + " (create the store first: osprey intel import --db " + path + " FILES...)");
        }
        try {
            return VulnStore.open(path);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + ": not a usable Osprey store: " + e.getMessage());
        }
    }

    /** An in-memory store holding the bundled demo snapshot. */
    static VulnStore snapshot() {
        VulnStore store = VulnStore.openInMemory();
        store.loadBundledSnapshot();
        return store;
    }
}
