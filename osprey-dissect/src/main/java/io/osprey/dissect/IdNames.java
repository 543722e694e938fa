package io.osprey.dissect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * A registry of numeric ids and their names (vendor ids, device types) read from a data file: rows
 * "id TAB name", "#" starts a comment line. Sorted primitive keys, so a lookup neither boxes nor allocates. Each
 * registry says how its ids are written ({@link KeyFormat}); a malformed row fails the load with the row.
 */
public final class IdNames {
    /** Reads the id column of a row; throws with a message naming what is wrong. */
    @FunctionalInterface
    public interface KeyFormat {
        int parse(String key, String line) throws IOException;
    }

    private final int[] ids;
    private final String[] names;

    private IdNames(int[] ids, String[] names) {
        this.ids = ids;
        this.names = names;
    }

    /** The name of {@code id}, or null when the registry does not list it. */
    public String name(int id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? names[i] : null;
    }

    public int size() { return ids.length; }

    public static IdNames parse(InputStream in, KeyFormat format) throws IOException {
        TreeMap<Integer, String> rows = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 2) throw new IOException("expected 2 tab-separated columns: " + line);
                String key = cols[0].strip();
                int id = format.parse(key, line);
                String name = cols[1].strip();
                if (name.isEmpty()) throw new IOException("empty name: " + line);
                if (rows.put(id, name) != null) throw new IOException("id listed twice: " + key);
            }
        }
        int[] ids = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new IdNames(ids, rows.values().toArray(String[]::new));
    }

    /** Loads {@code resource} beside {@code owner}; a missing or malformed file is a build error, not a user's. */
    public static IdNames load(Class<?> owner, String resource, KeyFormat format) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the class path");
            return parse(in, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
