package io.osprey.dissect.mms;

import io.osprey.dissect.Payload;

/**
 * A reusable cursor over one BER element (ITU-T X.690 §8.1) read in place from a {@link Payload}: its identifier
 * octets, its definite length and where its contents start and end. Reading never leaves the bounds given and
 * allocates nothing; what does not parse (indefinite or over-long lengths, contents past the bound, tag numbers
 * past {@link #MAX_TAG_NUMBER}) makes {@link #read} return false. Shared by the MMS and GOOSE dissectors; the
 * fields are the last element read, valid until the next call.
 */
public final class BerElement {
    /** X.690 §8.1.2.2: class and constructed bits of the first identifier octet. */
    public static final int CONTEXT = 0x80, APPLICATION = 0x40, CONSTRUCTED = 0x20;
    /** Tag numbers MMS and the OSI upper layers use fit in two subsequent octets (X.690 §8.1.2.4). */
    public static final int MAX_TAG_NUMBER = 0x3FFF;
    /** Length octets of the long form kept (X.690 §8.1.3.5): PDUs fit in a TPKT, under 64 KiB. */
    public static final int MAX_LENGTH_OCTETS = 3;

    /** Class and constructed bits (0xE0 of the first identifier octet). */
    public int head;
    public int number;
    public int start;
    public int contentStart;
    public int end;

    /** Reads the element at {@code at}, which must end by {@code limit}. */
    public boolean read(Payload p, int at, int limit) {
        int first = p.u8(at);
        if (first < 0 || at >= limit) return false;
        head = first & 0xE0;
        int i = at + 1;
        if ((first & 0x1F) != 0x1F) {
            number = first & 0x1F;
        } else {
            number = 0;
            for (int k = 0; ; k++) {
                int b = p.u8(i++);
                if (b < 0 || k == 2) return false;
                number = number << 7 | b & 0x7F;
                if ((b & 0x80) == 0) break;
            }
            if (number > MAX_TAG_NUMBER) return false;
        }
        int l = p.u8(i++);
        if (l < 0) return false;
        int length;
        if (l < 0x80) {
            length = l;
        } else {
            int n = l & 0x7F;
            if (n == 0 || n > MAX_LENGTH_OCTETS) return false; // indefinite form or absurd size
            length = 0;
            for (int k = 0; k < n; k++) {
                int b = p.u8(i++);
                if (b < 0) return false;
                length = length << 8 | b;
            }
        }
        if (length > limit - i) return false;
        start = at;
        contentStart = i;
        end = i + length;
        return true;
    }

    /**
     * Positions on the first element of class/constructed {@code wantedHead} and number {@code wantedNumber} among
     * the siblings in {@code [from, limit)}; false when none is there or a sibling before it does not parse.
     */
    public boolean find(Payload p, int from, int limit, int wantedHead, int wantedNumber) {
        int at = from;
        while (at < limit && read(p, at, limit)) {
            if (head == wantedHead && number == wantedNumber) return true;
            at = end;
        }
        return false;
    }

    /** Positions on the first child of the current element; false when it has none or it does not parse. */
    public boolean descend(Payload p, int wantedHead, int wantedNumber) {
        return find(p, contentStart, end, wantedHead, wantedNumber);
    }

    public boolean is(int wantedHead, int wantedNumber) {
        return head == wantedHead && number == wantedNumber;
    }

    public int contentLength() {
        return end - contentStart;
    }
}
