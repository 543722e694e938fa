package io.osprey.dissect.bacnet;

import io.osprey.dissect.Payload;

/**
 * A reusable view of one BACnet tag (ASHRAE 135 Clause 20.2.1), so that the dissector walks encoded values without
 * allocating: {@link #read} positions it and the getters say what was read.
 *
 * <pre>
 *  initial octet: tag number (bits 7-4; 15 = extended, the number follows in one octet) | class (bit 3:
 *  0 application, 1 context specific) | length/value/type (bits 2-0)
 *  LVT 0-4: content length; 5: extended length in the next octet, 254 = a u16 follows, 255 = a u32 follows;
 *  on a context tag, 6 opens and 7 closes a constructed value; on application tag 1 (Boolean) it is the value.
 * </pre>
 */
final class BacnetTag {
    /** Application tag numbers (Clause 20.2.1.4). */
    static final int BOOLEAN = 1, UNSIGNED = 2, CHARACTER_STRING = 7, OBJECT_IDENTIFIER = 12;
    private static final int EXTENDED_TAG_NUMBER = 15, EXTENDED_LENGTH = 5, OPENING = 6, CLOSING = 7;

    private int number;
    private boolean context;
    private boolean opening;
    private boolean closing;
    private int contentAt;
    private int length;

    /** Reads the tag at {@code at}; false when it does not fit before {@code end} (its content included). */
    boolean read(Payload p, int at, int end) {
        int first = p.u8(at);
        if (first < 0 || at >= end) return false;
        int q = at + 1;
        number = first >>> 4;
        if (number == EXTENDED_TAG_NUMBER) {
            number = p.u8(q++);
            if (number < 0) return false;
        }
        context = (first & 0x08) != 0;
        int lvt = first & 0x07;
        opening = context && lvt == OPENING;
        closing = context && lvt == CLOSING;
        if (opening || closing || !context && number == BOOLEAN) {
            length = 0;
        } else if (lvt == EXTENDED_LENGTH) {
            int l = p.u8(q++);
            if (l == 254) {
                l = p.u16(q);
                q += 2;
            } else if (l == 255) {
                long l32 = p.u32(q);
                l = l32 < 0 || l32 > Integer.MAX_VALUE ? -1 : (int) l32;
                q += 4;
            }
            if (l < 0) return false;
            length = l;
        } else {
            length = lvt;
        }
        contentAt = q;
        return q <= end && length <= end - q;
    }

    int number() { return number; }

    boolean isContext(int n) { return context && !opening && !closing && number == n; }

    boolean isApplication(int n) { return !context && number == n; }

    boolean isOpening(int n) { return opening && number == n; }

    boolean isClosing(int n) { return closing && number == n; }

    boolean isOpening() { return opening; }

    boolean isClosing() { return closing; }

    int contentAt() { return contentAt; }

    int length() { return length; }

    /** The offset after the tag and its content. */
    int next() { return contentAt + length; }

    /** The content as an unsigned big-endian number of 1 to 4 octets (Clause 20.2.4), or -1. */
    long unsigned(Payload p) {
        if (length < 1 || length > 4) return -1;
        long v = 0;
        for (int i = 0; i < length; i++) v = v << 8 | p.u8(contentAt + i);
        return v;
    }
}
