package io.osprey.dissect.dhcp;

import io.osprey.dissect.Payload;

import java.nio.charset.StandardCharsets;

/**
 * Text forms of option values, for observations. Every method allocates: call them only once a value is
 * known to be new. Strings are kept as sent, except that trailing NULs (C clients count the terminator)
 * are dropped and control characters become {@code \xNN}, so a value can never break a log line or a UI.
 */
public final class OptionText {
    /** RFC 1035 §2.3.4: labels are at most 63 octets... */
    public static final int MAX_LABEL_LENGTH = 63;
    /** ...and names at most 255 octets on the wire. */
    public static final int MAX_NAME_LENGTH = 255;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private OptionText() {}

    /**
     * The bytes as text: UTF-8 when they are valid UTF-8, else ISO-8859-1 (one char per byte), so nothing
     * is lost to replacement characters.
     */
    public static String text(Payload p, int at, int n) {
        n = Math.max(0, Math.min(n, p.length() - at));
        while (n > 0 && p.u8(at + n - 1) == 0) n--;
        byte[] bytes = new byte[n];
        p.copy(at, bytes, 0, n);
        String s = validUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        return escapeControls(s);
    }

    /** Lower-case hex of the bytes, no separators. */
    public static String hex(Payload p, int at, int n) {
        n = Math.max(0, Math.min(n, p.length() - at));
        char[] out = new char[2 * n];
        for (int i = 0; i < n; i++) {
            int b = p.u8(at + i);
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0xf];
        }
        return new String(out);
    }

    /** Unsigned integers of {@code width} bytes (1 or 2), comma-separated decimal, in wire order. */
    public static String decimalList(Payload p, int at, int n, int width) {
        StringBuilder s = new StringBuilder(n * 3);
        for (int i = 0; i + width <= n; i += width) {
            int v = width == 1 ? p.u8(at + i) : p.u16(at + i);
            if (v < 0) break;
            if (!s.isEmpty()) s.append(',');
            s.append(v);
        }
        return s.toString();
    }

    /** A dotted quad. */
    public static String ipv4(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    /**
     * A domain name in uncompressed DNS wire format (RFC 1035 §3.1), as DHCP carries it (RFC 4702 §2.1,
     * RFC 8415 §10), dotted without the trailing dot. A partial name (no terminating root label) is allowed.
     * Null when malformed: a label over 63 octets (compression pointers included: DHCP forbids them), a name
     * over 255 octets, or a label running past the option.
     */
    public static String dnsName(Payload p, int at, int n) {
        if (n > MAX_NAME_LENGTH || !p.has(at, n)) return null;
        StringBuilder s = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            int length = p.u8(at + i);
            if (length == 0) break;
            if (length > MAX_LABEL_LENGTH || i + 1 + length > n) return null;
            if (!s.isEmpty()) s.append('.');
            s.append(text(p, at + i + 1, length));
            i += 1 + length;
        }
        return s.toString();
    }

    static String escapeControls(String s) {
        int first = -1;
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) return s;
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                out.append("\\x").append(HEX[c >>> 4 & 0xf]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0;
    }

    /** Well-formed UTF-8 (RFC 3629 §4): no overlong forms, surrogates or values past U+10FFFF. */
    static boolean validUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int more;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xc2 && c <= 0xdf) {
                more = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                more = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                more = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + more >= b.length) return false;
            int cp = c & (0x3f >> more);
            for (int k = 1; k <= more; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) return false;
                cp = cp << 6 | cc & 0x3f;
            }
            if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) return false;
            i += 1 + more;
        }
        return true;
    }
}
