package io.osprey.cli;

import io.osprey.vuln.store.Migrations;
import io.osprey.vuln.store.VulnStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

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

    /**
     * A store holding the bundled demo snapshot. Importing it takes a second or two, so the result is kept as a
     * database file in the user's cache folder ($XDG_CACHE_HOME/osprey, else ~/.cache/osprey), named after a
     * checksum of the snapshot's files, and opened from there by later runs. When the cache cannot be used (no home,
     * read-only, another process holding the file), the snapshot is imported into memory instead.
     */
    static VulnStore snapshot() {
        Path cache = cacheFile();
        if (cache != null) {
            try {
                if (!Files.exists(cache)) buildCache(cache);
                return VulnStore.open(cache);
            } catch (IOException | RuntimeException e) {
                // fall back to memory: the cache is an optimisation, never a requirement
            }
        }
        VulnStore store = VulnStore.openInMemory();
        store.loadBundledSnapshot();
        return store;
    }

    private static Path cacheFile() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg, "osprey")
                : home != null && !home.isBlank() ? Path.of(home, ".cache", "osprey") : null;
        if (dir == null) return null;
        try {
            return dir.resolve("snapshot-" + Long.toHexString(snapshotChecksum()) + "-v" + Migrations.latestVersion() + ".duckdb");
        } catch (IOException e) {
            return null;
        }
    }

    /** CRC-32 over the snapshot's index and every file it lists, as bundled in this build. */
    private static long snapshotChecksum() throws IOException {
        CRC32 crc = new CRC32();
        String base = "/io/osprey/vuln/snapshot/";
        byte[] index;
        try (InputStream in = Stores.class.getResourceAsStream(base + "contents.txt")) {
            if (in == null) throw new IOException("no snapshot in this build");
            index = in.readAllBytes();
        }
        crc.update(index);
        for (String line : new String(index, StandardCharsets.UTF_8).split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            try (InputStream in = Stores.class.getResourceAsStream(base + name)) {
                if (in == null) throw new IOException("missing snapshot file " + name);
                crc.update(in.readAllBytes());
            }
        }
        return crc.getValue();
    }

    /** Imports the snapshot into a temporary file beside {@code cache} and moves it into place. */
    private static void buildCache(Path cache) throws IOException {
        Files.createDirectories(cache.getParent());
        Path tmp = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (VulnStore store = VulnStore.open(tmp)) {
                store.loadBundledSnapshot();
            }
            Files.deleteIfExists(Path.of(tmp + ".wal"));
            Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(Path.of(tmp + ".wal"));
        }
    }
}
