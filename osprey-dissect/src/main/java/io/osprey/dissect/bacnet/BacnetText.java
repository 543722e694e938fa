package io.osprey.dissect.bacnet;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ValueBuffer;

/**
 * Decodes a BACnet CharacterString (Clause 20.2.9: a character set octet, then the characters) into UTF-8 octets
 * in a {@link ValueBuffer}, trimmed of surrounding spaces, ending at the first NUL (devices pad fixed-size fields
 * with NULs), capped at a number of octets. Control characters are escaped as {@code \DDD} by the buffer.
 *
 * <p>Character sets (Clause 21 BACnetCharacterStringEncodings): 0 ISO 10646 UTF-8 (ANSI X3.4 before 135-2008),
 * 3 UCS-4, 4 UCS-2 (both big-endian), 5 ISO 8859-1 are decoded. 1 (IBM/Microsoft DBCS, with a code page) and
 * 2 (JIS X 0208) are not: an unknown text beats a wrong one.
 */
final class BacnetText {
    static final int UTF_8 = 0, UCS_4 = 3, UCS_2 = 4, ISO_8859_1 = 5;

    private BacnetText() {}

    /** Decodes {@code length} octets (character set included) at {@code at}; true when a non-empty value remains. */
    static boolean decode(Payload p, int at, int length, ValueBuffer out, int maxOctets) {
        int charset = p.u8(at);
        int from = at + 1, to = at + length;
        int unit = switch (charset) {
            case UTF_8, ISO_8859_1 -> 1;
            case UCS_2 -> 2;
            case UCS_4 -> 4;
            default -> 0;
        };
        if (unit == 0 || !p.has(at, length)) return false;
        boolean leading = true;
        for (int q = from; q + unit <= to; q += unit) {
            int c = switch (unit) {
                case 1 -> p.u8(q);
                case 2 -> p.u16(q);
                default -> (int) Math.min(p.u32(q), 0x10ffff + 1L);
            };
            if (c == 0) break;
            if (leading && c == ' ') continue;
            leading = false;
            if (!append(out, charset == UTF_8 ? -1 : c, c, maxOctets)) break;
        }
        out.trimTrailing(' ');
        return !out.isEmpty();
    }

    /** Appends every character of a Java string (a name from a data file) as UTF-8. */
    static ValueBuffer appendUtf8(ValueBuffer out, String text, int maxOctets) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!append(out, cp, cp, maxOctets)) break;
            i += Character.charCount(cp);
        }
        return out;
    }

    /**
     * Appends code point {@code cp} as UTF-8, or, when {@code cp} is -1, the UTF-8 octet {@code octet} as it is;
     * false when it would pass the cap. Surrogates and values beyond U+10FFFF become U+FFFD.
     */
    private static boolean append(ValueBuffer out, int cp, int octet, int maxOctets) {
        if (cp < 0) {
            if (out.length() >= maxOctets) return false;
            out.appendText(octet);
            return true;
        }
        if (cp >= 0xd800 && cp <= 0xdfff || cp > 0x10ffff) cp = 0xfffd;
        int octets = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (out.length() + octets > maxOctets) return false;
        switch (octets) {
            case 1 -> out.appendText(cp);
            case 2 -> out.append(0xc0 | cp >>> 6).append(0x80 | cp & 0x3f);
            case 3 -> out.append(0xe0 | cp >>> 12).append(0x80 | cp >>> 6 & 0x3f).append(0x80 | cp & 0x3f);
            default -> out.append(0xf0 | cp >>> 18).append(0x80 | cp >>> 12 & 0x3f).append(0x80 | cp >>> 6 & 0x3f)
                    .append(0x80 | cp & 0x3f);
        }
        return true;
    }
}
