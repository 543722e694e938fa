package io.osprey.dissect.dcp;

import io.osprey.dissect.IdNames;

import java.io.IOException;
import java.io.InputStream;

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

    private final IdNames names;

    private DcpVendors(IdNames names) {
        this.names = names;
    }

    public static DcpVendors table() { return TABLE; }

    /** The vendor name of {@code id}, or null when the file does not list it. */
    public String name(int id) {
        return names.name(id);
    }

    public int size() { return names.size(); }

    static DcpVendors parse(InputStream in) throws IOException {
        return new DcpVendors(IdNames.parse(in, DcpVendors::key));
    }

    static DcpVendors load(String resource) {
        return new DcpVendors(IdNames.load(DcpVendors.class, resource, DcpVendors::key));
    }

    /** Ids are written 0xHHHH. */
    private static int key(String key, String line) throws IOException {
        if (!key.startsWith("0x") || key.length() != 6) throw new IOException("expected 0xHHHH: " + line);
        try {
            return Integer.parseInt(key.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IOException("not a hex number: " + line, e);
        }
    }
}
