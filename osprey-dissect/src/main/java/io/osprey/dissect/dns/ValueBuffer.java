package io.osprey.dissect.dns;

import java.nio.charset.StandardCharsets;

/**
 * A reusable buffer in which a dissector composes an attribute value as UTF-8 octets, so that it can hash it and
 * ask whether the value is new before allocating a {@link String}: only {@link #text()} allocates.
 *
 * <p>Text taken from the wire keeps its octets (names and TXT values are UTF-8, RFC 6762 §16, RFC 6763 §6.5),
 * except that control characters are written as {@code \DDD}, the master-file escape of RFC 1035 §5.1, so a
 * value never carries a line break or terminal escape into logs and reports. Values longer than
 * {@link #CAPACITY} octets are cut.
 */
public final class ValueBuffer {
    /** Room for the longest value a dissector builds: a 255-octet name with every octet escaped is 1,020. */
    public static final int CAPACITY = 1024;

    private final byte[] bytes = new byte[CAPACITY];
    private int length;

    public ValueBuffer clear() {
        length = 0;
        return this;
    }

    public int length() { return length; }

    public boolean isEmpty() { return length == 0; }

    /** Appends one octet as it is. */
    public ValueBuffer append(int octet) {
        if (length < CAPACITY) bytes[length++] = (byte) octet;
        return this;
    }

    public ValueBuffer append(String ascii) {
        for (int i = 0; i < ascii.length(); i++) append(ascii.charAt(i));
        return this;
    }

    /** Appends an octet from the wire, escaping control characters. */
    public ValueBuffer appendText(int octet) {
        if (octet < 0x20 || octet == 0x7f) {
            append('\\').append('0' + octet / 100).append('0' + octet / 10 % 10).append('0' + octet % 10);
        } else {
            append(octet);
        }
        return this;
    }

    /** Appends a decimal number. */
    public ValueBuffer appendDecimal(int n) {
        if (n < 0) {
            append('-');
            n = -n;
        }
        if (n >= 10) appendDecimal(n / 10);
        return append('0' + n % 10);
    }

    /** Appends two lower-case hex digits. */
    public ValueBuffer appendHex2(int octet) {
        return append(hexDigit(octet >>> 4 & 0xf)).append(hexDigit(octet & 0xf));
    }

    private static int hexDigit(int d) {
        return d < 10 ? '0' + d : 'a' + d - 10;
    }

    /**
     * Appends labels {@code [from, to)} of {@code name} joined by dots, in presentation form (RFC 1035 §5.1): a
     * dot or backslash inside a label is escaped with a backslash (RFC 6763 §4.3 shows such instance names), and
     * control characters as {@code \DDD}. With {@code lowerCase}, ASCII letters are folded (RFC 4343).
     */
    public ValueBuffer appendName(DnsName name, int from, int to, boolean lowerCase) {
        for (int l = from; l < to; l++) {
            if (l > from) append('.');
            for (int i = 0; i < name.labelLength(l); i++) {
                int c = name.labelByte(l, i);
                if (c == '.' || c == '\\') append('\\');
                if (lowerCase && c >= 'A' && c <= 'Z') c += 'a' - 'A';
                appendText(c);
            }
        }
        return this;
    }

    /** Appends the whole name in presentation form, without the trailing root dot. */
    public ValueBuffer appendName(DnsName name, boolean lowerCase) {
        return appendName(name, 0, name.labelCount(), lowerCase);
    }

    /** Deletes trailing octets equal to {@code octet} (padding). */
    public ValueBuffer trimTrailing(int octet) {
        while (length > 0 && bytes[length - 1] == (byte) octet) length--;
        return this;
    }

    /** A 64-bit FNV-1a hash of the octets, exact (no case folding). */
    public long hash() {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++) h = (h ^ (bytes[i] & 0xff)) * 0x100000001b3L;
        return h;
    }

    /** The value as a String (UTF-8; malformed sequences become U+FFFD). Allocates: call it only to report. */
    public String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
