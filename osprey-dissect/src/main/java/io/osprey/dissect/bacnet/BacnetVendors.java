package io.osprey.dissect.bacnet;

import io.osprey.dissect.IdNames;

import java.io.IOException;
import java.io.InputStream;

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

    private final IdNames names;

    private BacnetVendors(IdNames names) {
        this.names = names;
    }

    public static BacnetVendors table() { return TABLE; }

    /** The registered name of vendor {@code id}, or null when the file does not list it. */
    public String name(long id) {
        return id < 0 || id > MAX_ID ? null : names.name((int) id);
    }

    public int size() { return names.size(); }

    static BacnetVendors parse(InputStream in) throws IOException {
        return new BacnetVendors(IdNames.parse(in, BacnetVendors::key));
    }

    static BacnetVendors load(String resource) {
        return new BacnetVendors(IdNames.load(BacnetVendors.class, resource, BacnetVendors::key));
    }

    /** Ids are decimal, within Unsigned16. */
    private static int key(String key, String line) throws IOException {
        int id;
        try {
            id = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new IOException("not a number: " + line, e);
        }
        if (id < 0 || id > MAX_ID) throw new IOException("id out of range: " + line);
        return id;
    }
}
