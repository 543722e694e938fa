package io.osprey.cli;

import io.osprey.vuln.store.VulnStore;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens the store (or loads the bundled snapshot) on a background thread while the packets are read: loading the
 * database engine takes a second or two, which a second core hides behind the scan.
 */
final class StoreLoader implements AutoCloseable {
    private final CompletableFuture<VulnStore> store;

    /** Starts opening {@code db}, or the snapshot when it is null. */
    StoreLoader(Path db) {
        store = CompletableFuture.supplyAsync(() -> {
            try {
                return db == null ? Stores.snapshot() : Stores.open(db, false);
            } catch (NoSuchFileException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The store, once open; the opening's failure as the exception it was. */
    VulnStore get() throws IOException {
        try {
            return store.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                default -> throw e;
            }
        }
    }

    /** Closes the store now if it is open, or as soon as it is (a scan that failed early). */
    @Override
    public void close() {
        store.thenAccept(VulnStore::close);
    }
}
