package io.osprey.dissect.enip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A number → name table read from a data file beside this class: knowledge is data, not code. Rows are
 * "number TAB name" (decimal or 0x-hex), or "class TAB service TAB name" for {@link #services()}, where class "*"
 * is any class; "#" starts a comment line. Sorted primitive keys, so a lookup neither boxes nor allocates.
 */
public final class CipNames {
    static final String VENDORS = "cip-vendors.tsv";
    static final String DEVICE_TYPES = "cip-device-types.tsv";
    static final String SERVICES = "cip-services.tsv";
    /** The class of a services row that holds for every class: above any 16-bit class id. */
    static final int ANY_CLASS = 0x1_0000;

    private static final CipNames VENDOR_TABLE = load(VENDORS);
    private static final CipNames DEVICE_TYPE_TABLE = load(DEVICE_TYPES);
    private static final CipNames SERVICE_TABLE = load(SERVICES);

    private final long[] keys;
    private final String[] names;

    private CipNames(long[] keys, String[] names) {
        this.keys = keys;
        this.names = names;
    }

    /** ODVA vendor ids (Identity attribute 1). */
    public static CipNames vendors() { return VENDOR_TABLE; }

    /** CIP device profiles (Identity attribute 2). */
    public static CipNames deviceTypes() { return DEVICE_TYPE_TABLE; }

    /** Request service codes, per class. */
    public static CipNames services() { return SERVICE_TABLE; }

    /** The name of {@code number}, or null. */
    public String name(long number) {
        int i = Arrays.binarySearch(keys, number);
        return i >= 0 ? names[i] : null;
    }

    /** The name of a request service on a class (-1: unknown class): the class's own row, else the common one. */
    public String service(int classId, int service) {
        String own = classId >= 0 ? name(serviceKey(classId, service)) : null;
        return own != null ? own : name(serviceKey(ANY_CLASS, service));
    }

    static long serviceKey(int classId, int service) {
        return (long) classId << 8 | service;
    }

    public int size() { return keys.length; }

    static CipNames parse(InputStream in) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length == 2) {
                    rows.add(new Object[] {number(cols[0]), cols[1].strip()});
                } else if (cols.length == 3) {
                    long c = cols[0].strip().equals("*") ? ANY_CLASS : number(cols[0]);
                    long s = number(cols[1]);
                    if (c > ANY_CLASS || s > 0xff) throw new IOException("class or service out of range: " + line);
                    rows.add(new Object[] {serviceKey((int) c, (int) s), cols[2].strip()});
                } else {
                    throw new IOException("expected 2 or 3 tab-separated columns: " + line);
                }
                if (((String) rows.getLast()[1]).isEmpty()) throw new IOException("empty name: " + line);
            }
        }
        rows.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        long[] keys = new long[rows.size()];
        String[] names = new String[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (Long) rows.get(i)[0];
            names[i] = (String) rows.get(i)[1];
            if (i > 0 && keys[i] == keys[i - 1]) throw new IOException("number listed twice: " + keys[i]);
        }
        return new CipNames(keys, names);
    }

    private static long number(String text) throws IOException {
        String t = text.strip();
        try {
            long n = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (n < 0 || n > 0xffff) throw new IOException("number out of range: " + t);
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("not a number: " + t, e);
        }
    }

    static CipNames load(String resource) {
        try (InputStream in = CipNames.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
