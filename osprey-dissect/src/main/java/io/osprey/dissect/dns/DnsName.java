package io.osprey.dissect.dns;

/**
 * A domain name read from a DNS-format message (RFC 1035 §3.1 and §4.1.4), decoded into reusable buffers: the
 * raw label bytes and where each label starts. One instance is reused for every name, so reading allocates
 * nothing; {@link ValueBuffer#appendName} turns labels into text only when something is reported.
 *
 * <p>Wire form: a sequence of labels, each a length octet (0–63) and that many octets, ended by the zero-length
 * root label or by a compression pointer (two octets, top bits {@code 11}, 14-bit offset from the start of the
 * message) to a name, or name suffix, that occurred earlier. The two remaining length prefixes ({@code 01},
 * {@code 10}) are the extended label types of RFC 6891 §5, unused in practice, and make the name malformed.
 *
 * <p>Loop protection: every pointer must point before the start of the run of labels that holds it, so the
 * runs move strictly towards the start of the message and a loop is impossible; independently, at most
 * {@link #MAX_POINTER_FOLLOWS} pointers are followed. A name longer than {@link #MAX_NAME_LENGTH} is malformed.
 */
public final class DnsName {
    /** RFC 1035 §2.3.4: a label is 63 octets or less (the length octet's top two bits are the label type). */
    public static final int MAX_LABEL_LENGTH = 63;
    /** RFC 1035 §2.3.4: a name is 255 octets or less, length octets and the root label included. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The most labels a 255-octet name can hold (one-octet labels with their length octets, plus the root). */
    public static final int MAX_LABELS = 127;
    /**
     * Compression pointers followed while reading one name. RFC 1035 sets no limit; encoders point each name at
     * one earlier suffix, and a chain of a few is already unusual. The backwards-only rule already prevents
     * loops; this bounds the work per name on hostile input as well.
     */
    public static final int MAX_POINTER_FOLLOWS = 16;

    private static final int POINTER_BITS = 0xc0;

    private final byte[] raw = new byte[MAX_NAME_LENGTH];
    private final int[] labelStart = new int[MAX_LABELS];
    private final int[] labelLength = new int[MAX_LABELS];
    private int labels;
    private int wireLength;

    /**
     * Reads the name at message offset {@code at}. Returns the offset just past the name where it stands (after
     * its root label or its first pointer), or -1 when the name is malformed or runs past the message; on -1 the
     * labels read so far are discarded.
     */
    public int read(DnsMessage message, int at) {
        labels = 0;
        wireLength = 1;
        int rawLength = 0;
        int end = -1;
        int runStart = at;
        int pos = at;
        int pointers = 0;
        while (true) {
            int len = message.u8(pos);
            if (len < 0) return fail();
            if ((len & POINTER_BITS) == POINTER_BITS) {
                int low = message.u8(pos + 1);
                if (low < 0) return fail();
                int target = (len & ~POINTER_BITS) << 8 | low;
                if (target >= runStart || ++pointers > MAX_POINTER_FOLLOWS) return fail();
                if (end < 0) end = pos + 2;
                runStart = target;
                pos = target;
                continue;
            }
            if ((len & POINTER_BITS) != 0) return fail();
            if (len == 0) {
                return end < 0 ? pos + 1 : end;
            }
            wireLength += 1 + len;
            if (wireLength > MAX_NAME_LENGTH || !message.has(pos + 1, len)) return fail();
            labelStart[labels] = rawLength;
            labelLength[labels] = len;
            labels++;
            for (int i = 0; i < len; i++) raw[rawLength++] = (byte) message.u8(pos + 1 + i);
            pos += 1 + len;
        }
    }

    /**
     * The offset just past the name at {@code at} without decoding it (pointers are not followed), or -1 when
     * its labels run past the message or use a reserved label type.
     */
    public static int skip(DnsMessage message, int at) {
        int pos = at;
        for (int octets = 1; octets <= MAX_NAME_LENGTH; ) {
            int len = message.u8(pos);
            if (len < 0) return -1;
            if ((len & POINTER_BITS) == POINTER_BITS) return message.has(pos, 2) ? pos + 2 : -1;
            if ((len & POINTER_BITS) != 0) return -1;
            if (len == 0) return pos + 1;
            octets += 1 + len;
            pos += 1 + len;
        }
        return -1;
    }

    private int fail() {
        labels = 0;
        wireLength = 0;
        return -1;
    }

    public int labelCount() { return labels; }

    /** True for the root name (no labels). */
    public boolean isRoot() { return labels == 0; }

    public int labelLength(int label) { return labelLength[label]; }

    /** Octet {@code i} of label {@code label}, 0–255. */
    public int labelByte(int label, int i) { return raw[labelStart[label] + i] & 0xff; }

    /** The octets on the wire, length octets and root label included (at most {@link #MAX_NAME_LENGTH}). */
    public int wireLength() { return wireLength; }

    /** True when label {@code label} is {@code ascii}, compared case-insensitively (RFC 4343 §3). */
    public boolean labelEquals(int label, String ascii) {
        return labelEquals(label, ascii, 0, ascii.length());
    }

    private boolean labelEquals(int label, String text, int from, int to) {
        if (label < 0 || label >= labels || labelLength[label] != to - from) return false;
        int s = labelStart[label];
        for (int i = from; i < to; i++) {
            if (lower(raw[s + i - from] & 0xff) != lower(text.charAt(i))) return false;
        }
        return true;
    }

    /** True when the name ends with the labels of {@code dotted} (e.g. "in-addr.arpa"), case-insensitively. */
    public boolean endsWith(String dotted) {
        int label = labels - 1;
        int end = dotted.length();
        while (end > 0) {
            int start = dotted.lastIndexOf('.', end - 1) + 1;
            if (!labelEquals(label, dotted, start, end)) return false;
            label--;
            end = start - 1;
        }
        return true;
    }

    /** True when label {@code label} starts with the octet {@code c}. */
    public boolean labelStartsWith(int label, char c) {
        return label >= 0 && label < labels && labelLength[label] > 0 && raw[labelStart[label]] == (byte) c;
    }

    /** A 64-bit hash of labels {@code [from, to)}, case-folded so that names equal under RFC 4343 hash alike. */
    public long hash(int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int l = from; l < to; l++) {
            int s = labelStart[l];
            for (int i = 0; i < labelLength[l]; i++) h = (h ^ lower(raw[s + i] & 0xff)) * 0x100000001b3L;
            h = (h ^ '.') * 0x100000001b3L;
        }
        return h;
    }

    /** The case-folded hash of the whole name. */
    public long hash() { return hash(0, labels); }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
