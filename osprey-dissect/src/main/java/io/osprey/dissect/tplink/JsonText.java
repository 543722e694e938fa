package io.osprey.dissect.tplink;

import io.osprey.dissect.dns.ValueBuffer;

/**
 * A bounded, allocation-free reader of the small JSON documents IoT devices exchange on their local protocols
 * (TP-Link Kasa, Tuya): it walks the members of every object in document order and reads scalar values, which is
 * all a dissector needs from a few flat keys. It is not a validating parser (RFC 8259): structure is followed only
 * as far as nesting depth, so malformed text yields fewer members, never an exception.
 *
 * <p>Use: {@link #wrap}, then {@link #nextMember()} until false, looking at {@link #depth()} and {@link #keyIs}; or
 * {@link #value} for the first member of a name anywhere in the document.
 */
public final class JsonText {
    private byte[] text = new byte[0];
    private int length;
    private int pos;
    private int depth;
    private int keyStart, keyEnd, valueStart;

    /** Positions the reader over {@code length} octets of {@code text}, at the start. */
    public JsonText wrap(byte[] text, int length) {
        this.text = text;
        this.length = Math.max(0, Math.min(length, text.length));
        return rewind();
    }

    public JsonText rewind() {
        pos = 0;
        depth = 0;
        return this;
    }

    /**
     * Advances to the next member (a string followed by ':'); false at the end. Its object's nesting depth is
     * {@link #depth()}: 1 for members of the top-level object.
     */
    public boolean nextMember() {
        while (pos < length) {
            int c = text[pos];
            if (c == '"') {
                int start = pos + 1;
                int end = stringEnd(start);
                if (end < 0) {
                    pos = length;
                    return false;
                }
                int p = skipSpace(end + 1);
                if (p < length && text[p] == ':') {
                    keyStart = start;
                    keyEnd = end;
                    valueStart = skipSpace(p + 1);
                    pos = valueStart;
                    return true;
                }
                pos = end + 1;
            } else {
                if (c == '{' || c == '[') depth++;
                else if (c == '}' || c == ']') depth--;
                pos++;
            }
        }
        return false;
    }

    /** Nesting depth of the current member's object (1 = top level). */
    public int depth() { return depth; }

    /** Offset of the current member's name in the text (after its opening quote). */
    public int keyStart() { return keyStart; }

    /** Offset just past the current member's name (its closing quote). */
    public int keyEnd() { return keyEnd; }

    /** True when the current member's name is exactly {@code key} (ASCII, no escapes). */
    public boolean keyIs(String key) {
        if (keyEnd - keyStart != key.length()) return false;
        for (int i = 0; i < key.length(); i++) {
            if (text[keyStart + i] != (byte) key.charAt(i)) return false;
        }
        return true;
    }

    /** Appends the current member's name, control characters escaped. */
    public void appendKey(ValueBuffer out) {
        for (int i = keyStart; i < keyEnd; i++) out.appendText(text[i] & 0xff);
    }

    /** True when the current member's value is an object. */
    public boolean valueIsObject() {
        return valueStart < length && text[valueStart] == '{';
    }

    /** True when a member named {@code key} occurs anywhere in the document. */
    public boolean has(String key) {
        rewind();
        while (nextMember()) {
            if (keyIs(key)) return true;
        }
        return false;
    }

    /**
     * Appends the scalar value of the first member named {@code key}, anywhere in the document, cut at
     * {@code maxLength} octets; false when there is no such member, or its value is null, not a scalar, or not
     * terminated (a truncated document never yields a cut value).
     */
    public boolean value(String key, ValueBuffer out, int maxLength) {
        rewind();
        while (nextMember()) {
            if (keyIs(key)) return appendValue(out, maxLength);
        }
        return false;
    }

    /** Appends the current member's scalar value as {@link #value} does. */
    public boolean appendValue(ValueBuffer out, int maxLength) {
        int at = valueStart;
        if (at >= length) return false;
        int start = out.length();
        if (text[at] == '"') return appendString(at + 1, out, start + maxLength);
        if (text[at] == '{' || text[at] == '[') return false;
        int end = at;
        while (end < length && !isDelimiter(text[end])) end++;
        if (end == at || end == length) return false;
        if (end - at == 4 && text[at] == 'n' && text[at + 1] == 'u' && text[at + 2] == 'l' && text[at + 3] == 'l') {
            return false;
        }
        for (int i = at; i < end && out.length() < start + maxLength; i++) out.appendText(text[i] & 0xff);
        return true;
    }

    /** RFC 8259 §7: string contents with escapes resolved; control characters stay escaped by the buffer. */
    private boolean appendString(int at, ValueBuffer out, int limit) {
        int end = stringEnd(at);
        if (end < 0) return false;
        for (int i = at; i < end && out.length() < limit; i++) {
            int c = text[i] & 0xff;
            if (c != '\\') {
                out.appendText(c);
                continue;
            }
            int e = text[++i] & 0xff;
            switch (e) {
                case 'b' -> out.appendText(8);
                case 'f' -> out.appendText(12);
                case 'n' -> out.appendText(10);
                case 'r' -> out.appendText(13);
                case 't' -> out.appendText(9);
                case 'u' -> {
                    int cp = i + 4 < end ? hex4(i + 1) : -1;
                    if (cp < 0) return false;
                    appendUtf8(out, cp);
                    i += 4;
                }
                default -> out.appendText(e);
            }
        }
        return true;
    }

    /** Index of the closing quote of a string whose contents start at {@code at}, or -1 when unterminated. */
    private int stringEnd(int at) {
        for (int i = at; i < length; i++) {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i;
        }
        return -1;
    }

    private int hex4(int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(text[i], 16);
            if (d < 0) return -1;
            v = v << 4 | d;
        }
        return v;
    }

    /** A \\u escape as UTF-8; a lone surrogate becomes U+FFFD (pairs are rare in device names and not joined). */
    private static void appendUtf8(ValueBuffer out, int cp) {
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
        if (cp < 0x80) {
            out.appendText(cp);
        } else if (cp < 0x800) {
            out.append(0xc0 | cp >> 6).append(0x80 | cp & 0x3f);
        } else {
            out.append(0xe0 | cp >> 12).append(0x80 | cp >> 6 & 0x3f).append(0x80 | cp & 0x3f);
        }
    }

    private int skipSpace(int at) {
        while (at < length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n')) at++;
        return at;
    }

    private static boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
