package io.osprey.dissect.wsd;

import io.osprey.dissect.Payload;

/**
 * A forward-only scanner of the start tags of an XML document in a {@link Payload}, enough for the small, flat SOAP
 * envelopes of SOAP-over-UDP: it reports each element's local name (the part after the namespace prefix, XML
 * Namespaces §4) and where its text begins, skips end tags, declarations, processing instructions and comments,
 * and never builds a tree or allocates. Namespaces are not resolved: WS-Discovery's element names are distinctive
 * enough, and devices use every prefix imaginable ("d:", "wsd:", "dn:", none).
 *
 * <p>Lenient and bounded: a tag not closed inside the scanned window ends the scan; at most {@link #MAX_TAGS} tags
 * are read.
 */
final class XmlScanner {
    /** Tags read per message: a ProbeMatches with a few matches has under a hundred. */
    static final int MAX_TAGS = 1024;

    private Payload p;
    private int end;
    private int cursor;
    private int tags;
    private int nameStart;
    private int localStart;
    private int nameEnd;
    private int contentStart;
    private boolean empty;

    XmlScanner wrap(Payload payload, int limit) {
        p = payload;
        end = Math.min(payload.length(), limit);
        cursor = 0;
        tags = 0;
        return this;
    }

    /** Moves to the next start tag (or empty-element tag); false at the end of the window. */
    boolean next() {
        while (tags < MAX_TAGS) {
            int lt = p.indexOf('<', cursor);
            if (lt < 0 || lt + 1 >= end) return false;
            int c = p.u8(lt + 1);
            if (c == '!' && startsWith(lt + 2, "--")) {
                int close = find("-->", lt + 4);
                if (close < 0) return false;
                cursor = close + 3;
                continue;
            }
            if (c == '/' || c == '?' || c == '!') {
                int gt = p.indexOf('>', lt + 2);
                if (gt < 0 || gt >= end) return false;
                cursor = gt + 1;
                continue;
            }
            tags++;
            nameStart = lt + 1;
            localStart = nameStart;
            int i = nameStart;
            while (i < end && isNameChar(p.u8(i))) {
                if (p.u8(i) == ':') localStart = i + 1;
                i++;
            }
            nameEnd = i;
            if (nameEnd == nameStart) {
                cursor = lt + 1;
                continue;
            }
            // attributes: a '>' inside a quoted value does not end the tag (XML 1.0 §3.1 AttValue)
            int quote = 0;
            while (i < end) {
                int b = p.u8(i);
                if (quote != 0) {
                    if (b == quote) quote = 0;
                } else if (b == '"' || b == '\'') {
                    quote = b;
                } else if (b == '>') {
                    break;
                }
                i++;
            }
            if (i >= end) return false;
            empty = p.u8(i - 1) == '/';
            contentStart = i + 1;
            cursor = contentStart;
            return true;
        }
        return false;
    }

    /** True when the current element's local name is {@code name} (case-sensitive, as XML is). */
    boolean localNameIs(String name) {
        if (nameEnd - localStart != name.length()) return false;
        return startsWith(localStart, name);
    }

    /** True for an empty-element tag ("&lt;x/&gt;"): it has no text. */
    boolean isEmptyElement() { return empty; }

    /** Offset of the element's text: right after its start tag. */
    int textStart() { return contentStart; }

    /** Offset where the element's text ends: the next '&lt;' or the end of the window. */
    int textEnd() {
        int lt = p.indexOf('<', contentStart);
        return lt < 0 || lt > end ? end : lt;
    }

    private boolean startsWith(int at, String s) {
        return at + s.length() <= end && p.startsWith(at, s);
    }

    private int find(String s, int from) {
        for (int i = from; i + s.length() <= end; i++) {
            if (p.startsWith(i, s)) return i;
        }
        return -1;
    }

    /** NameChar of XML 1.0 §2.3 for ASCII, plus any non-ASCII octet (names may be UTF-8). */
    private static boolean isNameChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_'
                || c == '-' || c == '.' || c >= 0x80;
    }
}
