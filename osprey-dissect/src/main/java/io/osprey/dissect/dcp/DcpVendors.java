package io.osprey.dissect.dcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * PROFINET VendorID → vendor name, read once from the data file {@value #FILE} beside this class (knowledge is data,
 * not code). Rows are "0xHHHH TAB name"; "#" starts a comment line. Sorted primitive keys, so a lookup neither boxes
 * nor allocates.
 */
public final class DcpVendors {
    static final String FILE = "profinet-vendors.tsv";
    /** VendorID is Unsigned16 (IEC 61158-6-10, DeviceID block). */
    static final int MAX_ID = 0xffff;

    private static final DcpVendors TABLE = load(FILE);

    private final int[] ids;
    private final String[] names;

    private DcpVendors(int[] ids, String[] names) {
        this.ids = ids;
        this.names = names;
    }

    public static DcpVendors table() { return TABLE; }

    /** The vendor name of {@code id}, or null when the file does not list it. */
    public String name(int id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? names[i] : null;
    }

    public int size() { return ids.length; }

    static DcpVendors parse(InputStream in) throws IOException {
        TreeMap<Integer, String> rows = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 2) throw new IOException("expected 2 tab-separated columns: " + line);
                String key = cols[0].strip();
                if (!key.startsWith("0x") || key.length() != 6) throw new IOException("expected 0xHHHH: " + line);
                int id;
                try {
                    id = Integer.parseInt(key.substring(2), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("not a hex number: " + line, e);
                }
                String name = cols[1].strip();
                if (name.isEmpty()) throw new IOException("empty name: " + line);
                if (rows.put(id, name) != null) throw new IOException("id listed twice: " + key);
            }
        }
        int[] ids = rows.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new DcpVendors(ids, rows.values().toArray(String[]::new));
    }

    static DcpVendors load(String resource) {
        try (InputStream in = DcpVendors.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
