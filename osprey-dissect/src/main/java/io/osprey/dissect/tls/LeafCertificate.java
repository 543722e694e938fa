package io.osprey.dissect.tls;

import io.osprey.dissect.dns.ValueBuffer;

/**
 * Just enough DER (X.690 §8, §10) to read the identifying fields of an X.509 certificate's tbsCertificate
 * (RFC 5280 §4.1): serialNumber, issuer and subject commonName/organizationName, validity and the
 * subjectAltName extension. Fields are kept as offsets into the caller's buffer; nothing is allocated. Every
 * length is checked against its enclosing element, and the walk is a fixed shape, so the depth is bounded.
 */
final class LeafCertificate {
    static final int SEQUENCE = 0x30, SET = 0x31, INTEGER = 0x02, OID = 0x06, OCTET_STRING = 0x04, BOOLEAN = 0x01;
    static final int UTC_TIME = 0x17, GENERALIZED_TIME = 0x18;
    static final int UTF8_STRING = 0x0c, BMP_STRING = 0x1e;
    /** [0] EXPLICIT version, [3] EXPLICIT extensions (RFC 5280 §4.1). */
    static final int VERSION_TAG = 0xa0, EXTENSIONS_TAG = 0xa3;
    /** GeneralName [2] dNSName and [7] iPAddress, IMPLICIT (RFC 5280 §4.2.1.6). */
    static final int DNS_NAME = 0x82, IP_ADDRESS = 0x87;
    /** Long-form lengths of more than 3 octets exceed any certificate a handshake carries. */
    static final int MAX_LENGTH_OCTETS = 3;
    /** RDNs and attributes per Name, and extensions, looked at. */
    static final int MAX_NAME_ATTRIBUTES = 32;
    static final int MAX_EXTENSIONS = 32;
    static final int MAX_SAN_ENTRIES = 32;
    /** Octets of one string field kept. */
    static final int MAX_TEXT = 256;

    /** id-at-commonName 2.5.4.3, id-at-organizationName 2.5.4.10 (X.520), id-ce-subjectAltName 2.5.29.17. */
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] ORGANIZATION = {0x55, 0x04, 0x0a};
    private static final byte[] SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11};

    private byte[] b;
    // the element read by read(): tag, content start, content end
    private int tag, start, end;

    int serialStart, serialEnd;
    int notBeforeTag, notBeforeStart, notBeforeEnd;
    int notAfterTag, notAfterStart, notAfterEnd;
    /** Per field: tag, start, end of the value; tag -1 when absent. */
    final int[] subjectCn = new int[3], subjectO = new int[3], issuerCn = new int[3], issuerO = new int[3];
    int sanStart = -1, sanEnd;

    /** Reads the certificate in {@code [at, limit)}; false when it is not a well-formed one. */
    boolean read(byte[] buffer, int at, int limit) {
        b = buffer;
        subjectCn[0] = subjectO[0] = issuerCn[0] = issuerO[0] = -1;
        sanStart = -1;
        if (!read(at, limit) || tag != SEQUENCE) return false; // Certificate
        if (!read(start, end) || tag != SEQUENCE) return false; // tbsCertificate
        int p = start, tbsEnd = end;
        if (!read(p, tbsEnd)) return false;
        if (tag == VERSION_TAG && !read(p = end, tbsEnd)) return false;
        if (tag != INTEGER) return false;
        serialStart = start;
        serialEnd = end;
        if (!read(p = end, tbsEnd) || tag != SEQUENCE) return false; // signature AlgorithmIdentifier
        if (!read(p = end, tbsEnd) || tag != SEQUENCE) return false; // issuer
        name(start, end, issuerCn, issuerO);
        if (!read(p = end, tbsEnd) || tag != SEQUENCE) return false; // validity
        int validityEnd = end, next = end;
        if (!read(start, validityEnd) || !isTime(tag)) return false;
        notBeforeTag = tag;
        notBeforeStart = start;
        notBeforeEnd = end;
        if (!read(end, validityEnd) || !isTime(tag)) return false;
        notAfterTag = tag;
        notAfterStart = start;
        notAfterEnd = end;
        if (!read(p = next, tbsEnd) || tag != SEQUENCE) return false; // subject
        name(start, end, subjectCn, subjectO);
        p = end;
        // subjectPublicKeyInfo, optional unique ids, then [3] extensions
        for (int i = 0; i < 4 && read(p, tbsEnd); i++) {
            p = end;
            if (tag == EXTENSIONS_TAG) {
                extensions(start, end);
                break;
            }
        }
        return true;
    }

    private static boolean isTime(int tag) {
        return tag == UTC_TIME || tag == GENERALIZED_TIME;
    }

    /** Name ::= SEQUENCE OF RelativeDistinguishedName ::= SET OF AttributeTypeAndValue (RFC 5280 §4.1.2.4). */
    private void name(int at, int limit, int[] cn, int[] o) {
        int seen = 0;
        while (at < limit && read(at, limit) && seen++ < MAX_NAME_ATTRIBUTES) {
            int rdnEnd = end;
            int q = start;
            at = rdnEnd;
            while (q < rdnEnd && read(q, rdnEnd) && tag == SEQUENCE && seen++ < MAX_NAME_ATTRIBUTES) {
                int atvEnd = end;
                q = atvEnd;
                if (!read(start, atvEnd) || tag != OID) continue;
                int[] field = oidIs(COMMON_NAME) ? cn : oidIs(ORGANIZATION) ? o : null;
                if (field == null || field[0] >= 0 || !read(end, atvEnd)) continue;
                field[0] = tag;
                field[1] = start;
                field[2] = end;
            }
        }
    }

    /** Extensions ::= SEQUENCE OF Extension { extnID, critical DEFAULT FALSE, extnValue OCTET STRING }. */
    private void extensions(int at, int limit) {
        if (!read(at, limit) || tag != SEQUENCE) return;
        int p = start, listEnd = end;
        for (int i = 0; i < MAX_EXTENSIONS && p < listEnd && read(p, listEnd); i++) {
            int extEnd = end;
            p = extEnd;
            if (tag != SEQUENCE || !read(start, extEnd) || tag != OID || !oidIs(SUBJECT_ALT_NAME)) continue;
            if (!read(end, extEnd)) continue;
            if (tag == BOOLEAN && !read(end, extEnd)) continue;
            if (tag != OCTET_STRING || !read(start, end) || tag != SEQUENCE) continue;
            sanStart = start;
            sanEnd = end;
        }
    }

    private boolean oidIs(byte[] oid) {
        if (end - start != oid.length) return false;
        for (int i = 0; i < oid.length; i++) if (b[start + i] != oid[i]) return false;
        return true;
    }

    /** Reads the TLV at {@code at}, which must end by {@code limit}; sets tag, start, end. */
    private boolean read(int at, int limit) {
        if (limit > b.length || at < 0 || limit - at < 2) return false;
        int t = b[at] & 0xff;
        if ((t & 0x1f) == 0x1f) return false; // high tag numbers do not occur in the fields read
        int first = b[at + 1] & 0xff;
        int p = at + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > MAX_LENGTH_OCTETS || limit - p < octets) return false;
            length = 0;
            for (int i = 0; i < octets; i++) length = length << 8 | b[p++] & 0xff;
        }
        if (limit - p < length) return false;
        tag = t;
        start = p;
        end = p + length;
        return true;
    }

    // ---- presentation of the fields, used only when reporting

    /** Appends a directory string: UTF-8, Printable, IA5, Teletex (as Latin-1) or BMP (UTF-16BE). */
    void appendText(int[] field, ValueBuffer out) {
        if (field[0] < 0) return;
        int stop = Math.min(field[2], field[1] + MAX_TEXT);
        if (field[0] == BMP_STRING) {
            for (int i = field[1]; i + 1 < stop; i += 2) appendCodePoint(out, HandshakeStream.u16(b, i));
        } else if (field[0] == UTF8_STRING) {
            for (int i = field[1]; i < stop; i++) out.appendText(b[i] & 0xff);
        } else {
            for (int i = field[1]; i < stop; i++) appendCodePoint(out, b[i] & 0xff);
        }
    }

    private static void appendCodePoint(ValueBuffer out, int c) {
        if (c < 0x80) {
            out.appendText(c);
        } else if (c < 0x800) {
            out.append(0xc0 | c >> 6).append(0x80 | c & 0x3f);
        } else {
            out.append(0xe0 | c >> 12).append(0x80 | c >> 6 & 0x3f).append(0x80 | c & 0x3f);
        }
    }

    void appendSerial(ValueBuffer out) {
        for (int i = serialStart; i < serialEnd && i < serialStart + MAX_TEXT / 2; i++) out.appendHex2(b[i] & 0xff);
    }

    void appendNotBefore(ValueBuffer out) {
        appendTime(notBeforeTag, notBeforeStart, notBeforeEnd, out);
    }

    void appendNotAfter(ValueBuffer out) {
        appendTime(notAfterTag, notAfterStart, notAfterEnd, out);
    }

    /**
     * UTCTime YYMMDDHHMMSSZ (years 50-99 are 19xx, RFC 5280 §4.1.2.5.1) or GeneralizedTime YYYYMMDDHHMMSSZ
     * (§4.1.2.5.2) as "YYYY-MM-DDTHH:MM:SSZ"; nothing when not in that form.
     */
    private void appendTime(int tag, int at, int stop, ValueBuffer out) {
        int yearDigits = tag == UTC_TIME ? 2 : 4;
        if (stop - at != yearDigits + 11 || b[stop - 1] != 'Z') return;
        for (int i = at; i < stop - 1; i++) if (b[i] < '0' || b[i] > '9') return;
        if (yearDigits == 2) out.append(b[at] < '5' ? "20" : "19");
        for (int i = 0; i < yearDigits; i++) out.append(b[at + i]);
        int p = at + yearDigits;
        out.append('-').append(b[p]).append(b[p + 1]).append('-').append(b[p + 2]).append(b[p + 3])
                .append('T').append(b[p + 4]).append(b[p + 5]).append(':').append(b[p + 6]).append(b[p + 7])
                .append(':').append(b[p + 8]).append(b[p + 9]).append('Z');
    }

    /** dNSName and iPAddress entries of subjectAltName, comma-separated; other GeneralName forms skipped. */
    void appendSubjectAltNames(ValueBuffer out) {
        if (sanStart < 0) return;
        int p = sanStart;
        for (int i = 0; i < MAX_SAN_ENTRIES && p < sanEnd && read(p, sanEnd); i++) {
            p = end;
            if (tag == DNS_NAME) {
                if (!out.isEmpty()) out.append(',');
                for (int k = start; k < Math.min(end, start + MAX_TEXT); k++) out.appendText(b[k] & 0xff);
            } else if (tag == IP_ADDRESS && end - start == 4) {
                if (!out.isEmpty()) out.append(',');
                for (int k = 0; k < 4; k++) {
                    if (k > 0) out.append('.');
                    out.appendDecimal(b[start + k] & 0xff);
                }
            } else if (tag == IP_ADDRESS && end - start == 16) {
                if (!out.isEmpty()) out.append(',');
                for (int k = 0; k < 16; k += 2) {
                    if (k > 0) out.append(':');
                    appendHex(out, HandshakeStream.u16(b, start + k));
                }
            }
        }
    }

    private static void appendHex(ValueBuffer out, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = v >> shift & 0xf;
            if (d != 0 || started || shift == 0) {
                out.append(d < 10 ? '0' + d : 'a' + d - 10);
                started = true;
            }
        }
    }
}
