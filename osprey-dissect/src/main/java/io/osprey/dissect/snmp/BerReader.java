package io.osprey.dissect.snmp;

import io.osprey.dissect.Payload;

/**
 * Reads one BER element header (ITU-T X.690 §8.1) from a payload, in place: the identifier octet, the length
 * (definite form only, as SNMP requires, RFC 3417 §8) and where the contents start. Reused; allocation-free.
 */
final class BerReader {
    /** Long-form lengths of more than this many octets are refused: an SNMP message fits a UDP datagram. */
    static final int MAX_LENGTH_OCTETS = 3;

    static final int INTEGER = 0x02, OCTET_STRING = 0x04, NULL = 0x05, OID = 0x06, SEQUENCE = 0x30;

    int tag;
    int length;
    int contentAt;

    /** The end of this element's contents. */
    int end() {
        return contentAt + length;
    }

    /**
     * Reads the header at {@code at}; false when it is malformed or its contents run past {@code limit}. Only
     * single-octet identifiers (tag numbers below 31, X.690 §8.1.2.3) occur in SNMP.
     */
    boolean read(Payload p, int at, int limit) {
        int t = p.u8(at);
        int first = p.u8(at + 1);
        if (t < 0 || first < 0 || (t & 0x1f) == 0x1f) return false;
        int n = 0;
        int pos = at + 2;
        if (first < 0x80) {
            n = first;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > MAX_LENGTH_OCTETS) return false; // 0x80 is the indefinite form
            for (int i = 0; i < octets; i++) {
                int b = p.u8(pos++);
                if (b < 0) return false;
                n = n << 8 | b;
            }
        }
        if (pos + n > limit || !p.has(pos, n)) return false;
        tag = t;
        length = n;
        contentAt = pos;
        return true;
    }

    /** The contents as a non-negative integer of up to 4 octets, or -1. */
    long unsigned(Payload p) {
        if (length < 1 || length > 5) return -1;
        long v = 0;
        for (int i = 0; i < length; i++) v = v << 8 | p.u8(contentAt + i);
        return v > 0xffffffffL ? -1 : v;
    }
}
