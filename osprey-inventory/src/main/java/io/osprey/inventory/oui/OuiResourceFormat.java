package io.osprey.inventory.oui;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The registry resource ({@value OuiRegistry#RESOURCE}): a gzip stream (RFC 1952) holding, big-endian:
 *
 * <pre>
 *   u32     magic 0x4F554931 ("OUI1")
 *   u16     format version, {@value #VERSION}
 *   text    source: which listing and version the data comes from
 *   var     V, vendor count; then V × text vendor names, ascending (String#compareTo), unique
 *   u8      T, table count; then per table:
 *             u8       registry code: 'L' MA-L, 'M' MA-M, 'S' MA-S, 'I' IAB
 *             var      N, entry count
 *             N × var  prefixes as gaps: the first prefix, then each minus the one before (ascending, unique)
 *             N × var  vendor index of each entry, in the same order
 * </pre>
 *
 * "var" is an unsigned LEB128 varint: 7 bits a byte, low group first, high bit set on all bytes but the last;
 * "text" is a var byte length followed by that many bytes of UTF-8. Prefix gaps are small in the dense MA-L space,
 * so most take 1–2 bytes before gzip; columns rather than rows keep similar bytes together for gzip.
 *
 * <p>The reader inflates the whole stream into one array (about 1 MB) and decodes it in place: decoding from an
 * array is what keeps a cold start, still interpreted, well under 100 ms. It checks every bound, so a damaged
 * file fails with an IOException instead of answering wrong vendors, and arrays grow with the data actually
 * present, so a damaged count cannot make it allocate gigabytes.
 */
final class OuiResourceFormat {
    static final int MAGIC = 0x4F554931;
    static final short VERSION = 1;
    /** Far above the ~1 MB the registries inflate to; a damaged or hostile stream stops here. */
    private static final int MAX_INFLATED_BYTES = 64 << 20;
    /** Entries allocated before any is read; see {@link Cursor#grow}. */
    private static final int INITIAL_CAPACITY = 1 << 16;

    private OuiResourceFormat() {}

    static void write(OuiRegistry registry, OutputStream target) throws IOException {
        var gzip = new GZIPOutputStream(target, 1 << 16);
        var out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        writeText(out, registry.source());
        List<String> vendors = registry.vendorNames();
        writeVarint(out, vendors.size());
        for (String vendor : vendors) writeText(out, vendor);
        List<PrefixTable> tables = registry.tables();
        out.writeByte(tables.size());
        for (PrefixTable table : tables) {
            out.writeByte(table.registry().code());
            writeVarint(out, table.size());
            long previous = 0;
            for (int i = 0; i < table.size(); i++) {
                writeVarint(out, table.prefix(i) - previous);
                previous = table.prefix(i);
            }
            for (int i = 0; i < table.size(); i++) writeVarint(out, table.vendorIndex(i));
        }
        out.flush();
        gzip.finish();
    }

    static OuiRegistry read(InputStream source) throws IOException {
        byte[] data;
        try (var inflater = new GZIPInputStream(source, 1 << 16)) {
            data = inflater.readNBytes(MAX_INFLATED_BYTES + 1);
        }
        if (data.length > MAX_INFLATED_BYTES) throw malformed("larger than " + MAX_INFLATED_BYTES + " bytes");
        var in = new Cursor(data);
        if (in.u32() != MAGIC) throw malformed("not an Osprey OUI registry (bad magic)");
        int version = in.u16();
        if (version != VERSION) throw malformed("format version " + version + ", this build reads " + VERSION);
        String label = in.text();
        int vendorCount = in.count("vendor count", data.length);
        String[] vendors = new String[Math.min(vendorCount, INITIAL_CAPACITY)];
        for (int i = 0; i < vendorCount; i++) {
            if (i == vendors.length) vendors = Arrays.copyOf(vendors, Cursor.grow(i, vendorCount));
            vendors[i] = in.text();
            if (i > 0 && vendors[i - 1].compareTo(vendors[i]) >= 0) throw malformed("vendor names out of order");
        }
        int tableCount = in.u8();
        var seen = EnumSet.noneOf(Registry.class);
        PrefixTable[] tables = new PrefixTable[tableCount];
        for (int t = 0; t < tableCount; t++) {
            Registry registry = registryOf(in.u8());
            if (!seen.add(registry)) throw malformed("two " + registry.label() + " tables");
            tables[t] = readTable(in, registry, vendorCount, data.length);
        }
        if (in.remaining() != 0) throw malformed("trailing bytes");
        return new OuiRegistry(label, vendors, tables);
    }

    private static PrefixTable readTable(Cursor in, Registry registry, int vendorCount, int dataLength)
            throws IOException {
        int size = in.count(registry.label() + " entry count", dataLength);
        long limit = 1L << registry.prefixBits();
        long[] prefixes = new long[Math.min(size, INITIAL_CAPACITY)];
        long prefix = 0;
        for (int i = 0; i < size; i++) {
            if (i == prefixes.length) prefixes = Arrays.copyOf(prefixes, Cursor.grow(i, size));
            long gap = in.varint();
            if (i > 0 && gap == 0) throw malformed(registry.label() + " prefixes not ascending");
            prefix += gap;
            if (gap >= limit || prefix >= limit) throw malformed(registry.label() + " prefix out of range");
            prefixes[i] = prefix;
        }
        int[] vendorIndexes = new int[size];
        for (int i = 0; i < size; i++) {
            long index = in.varint();
            if (index >= vendorCount) throw malformed(registry.label() + " vendor index " + index);
            vendorIndexes[i] = (int) index;
        }
        return new PrefixTable(registry, prefixes, vendorIndexes);
    }

    private static Registry registryOf(int code) throws IOException {
        try {
            return Registry.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    static void writeVarint(DataOutputStream out, long value) throws IOException {
        if (value < 0) throw new IllegalArgumentException("negative varint " + value);
        while (value >= 0x80) {
            out.writeByte((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, utf8.length);
        out.write(utf8);
    }

    private static IOException malformed(String why) {
        return new IOException("malformed OUI registry resource: " + why);
    }

    /** Reads the inflated resource front to back; every read checks that the bytes are there. */
    static final class Cursor {
        private final byte[] data;
        private int position;

        Cursor(byte[] data) {
            this.data = data;
        }

        int remaining() { return data.length - position; }

        int u8() throws IOException {
            need(1);
            return data[position++] & 0xFF;
        }

        int u16() throws IOException {
            need(2);
            int value = (data[position] & 0xFF) << 8 | data[position + 1] & 0xFF;
            position += 2;
            return value;
        }

        int u32() throws IOException {
            need(4);
            int value = (data[position] & 0xFF) << 24 | (data[position + 1] & 0xFF) << 16
                    | (data[position + 2] & 0xFF) << 8 | data[position + 3] & 0xFF;
            position += 4;
            return value;
        }

        long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                value |= (long) (b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw malformed("varint longer than 64 bits");
        }

        /** A count of items that take at least one byte each, so it cannot exceed the data's length. */
        int count(String what, int dataLength) throws IOException {
            long count = varint();
            if (count > dataLength) throw malformed(what + " " + count);
            return (int) count;
        }

        /** Malformed UTF-8 becomes U+FFFD rather than an error: a name is display text, not a key. */
        String text() throws IOException {
            long length = varint();
            if (length > remaining()) throw malformed("truncated");
            String text = new String(data, position, (int) length, StandardCharsets.UTF_8);
            position += (int) length;
            return text;
        }

        private void need(int bytes) throws IOException {
            if (remaining() < bytes) throw malformed("truncated");
        }

        /** Capacity after {@code length}: arrays grow with the data read, not with the count announced. */
        static int grow(int length, int count) {
            return (int) Math.min(count, 2L * length);
        }
    }
}
