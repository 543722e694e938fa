package io.osprey.dissect.bacnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * ASHRAE BACnet vendor id → vendor name, read once from the data file {@value #FILE} beside this class (knowledge is
 * data, not code). Rows are "id TAB name"; "#" starts a comment line. Sorted primitive keys, so a lookup neither
 * boxes nor allocates.
 */
public final class BacnetVendors {
    static final String FILE = "bacnet-vendors.tsv";
    /** Vendor_Identifier is Unsigned16 (Clause 12.11.7). */
    static final int MAX_ID = 0xffff;

    private static final BacnetVendors TABLE = load(FILE);

    private final int[] ids;
    private final String[] names;

    private BacnetVendors(int[] ids, String[] names) {
        this.ids = ids;
        this.names = names;
    }

    public static BacnetVendors table() { return TABLE; }

    /** The registered name of vendor {@code id}, or null when the file does not list it. */
    public String name(long id) {
        if (id < 0 || id > MAX_ID) return null;
        int i = Arrays.binarySearch(ids, (int) id);
        return i >= 0 ? names[i] : null;
    }

    public int size() { return ids.length; }

    static BacnetVendors parse(InputStream in) throws IOException {
        TreeMap<Integer, String> rows = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 2) throw new IOException("expected 2 tab-separated columns: " + line);
                int id;
                try {
                    id = Integer.parseInt(cols[0].strip());
                } catch (NumberFormatException e) {
                    throw new IOException("not a number: " + line, e);
                }
                if (id < 0 || id > MAX_ID) throw new IOException("id out of range: " + line);
                String name = cols[1].strip();
                if (name.isEmpty()) throw new IOException("empty name: " + line);
                if (rows.put(id, name) != null) throw new IOException("id listed twice: " + id);
            }
        }
        int[] ids = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new BacnetVendors(ids, rows.values().toArray(String[]::new));
    }

    static BacnetVendors load(String resource) {
        try (InputStream in = BacnetVendors.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
