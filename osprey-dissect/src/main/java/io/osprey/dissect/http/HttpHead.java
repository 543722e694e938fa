package io.osprey.dissect.http;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ValueBuffer;

/**
 * A flyweight reader of an HTTP/1.x message head (RFC 9112 §2.1: start-line, header fields, empty line) at the
 * start of a {@link Payload}, and of the protocols that share its syntax with another version token: HTTPU and
 * HTTPMU (UPnP Device Architecture 2.0 §1.1.1), SIP (RFC 3261 §7: "SIP/2.0") and RTSP (RFC 2326 §6.1, RFC 7826 §8:
 * "RTSP/1.0"). Nothing is copied: the start line and each header are offsets into the payload.
 *
 * <p>Lenient as a passive reader must be, within bounds: lines may end in LF alone (RFC 9112 §2.2), field names
 * are matched case-insensitively (RFC 9110 §5.1), obsolete line folding continues a value (RFC 9112 §5.2, read as
 * one space), lines without a colon are skipped. Only {@link #MAX_HEAD_BYTES} octets and {@link #MAX_HEADERS}
 * lines are read, and a line not ended inside the payload (a truncated segment) ends the head.
 */
public final class HttpHead {
    /** Octets of the head examined; servers commonly refuse heads over 8 KiB. */
    public static final int MAX_HEAD_BYTES = 8192;
    /** Header lines examined (folded continuations and skipped lines included). */
    public static final int MAX_HEADERS = 64;
    /** The longest method token accepted ("M-SEARCH", "PROPFIND", "SUBSCRIBE" fit). */
    public static final int MAX_METHOD_LENGTH = 16;
    /** "HTTP/1." as in RFC 9112 §2.3's HTTP-version, for major version 1. */
    static final String VERSION_1 = "HTTP/1.";

    /** The start of the protocol's version token ("HTTP/1.", "SIP/", "RTSP/"). */
    private final String version;

    public static final int NOT_HTTP = 0;
    public static final int REQUEST = 1;
    public static final int RESPONSE = 2;

    private Payload payload;
    private int limit;
    private int kind;
    private int methodEnd;
    private int targetStart;
    private int targetEnd;
    private int status;
    private int cursor;
    private int lines;
    private int nameStart;
    private int nameEnd;
    private int valueStart;
    private int valueEnd;

    /** A reader of HTTP/1.x heads. */
    public HttpHead() {
        this(VERSION_1);
    }

    /** A reader of heads whose version token starts with {@code version}, e.g. "SIP/" or "RTSP/". */
    public HttpHead(String version) {
        this.version = version;
    }

    /** Reads the start line; false (and {@link #kind()} {@link #NOT_HTTP}) when the payload does not begin with one. */
    public boolean wrap(Payload p) {
        payload = p;
        limit = Math.min(p.length(), MAX_HEAD_BYTES);
        kind = NOT_HTTP;
        lines = 0;
        int eol = lineEnd(0);
        if (eol < 0) return false;
        if (p.startsWith(0, version)) {
            // status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 §4; RFC 3261 §7.2)
            int at = version.length();
            while (at < eol && isVersionChar(p.u8(at))) at++;
            if (at == version.length() || p.u8(at) != ' ') return false;
            int code = 0;
            for (int i = 1; i <= 3; i++) {
                int d = p.u8(at + i);
                if (!isDigit(d)) return false;
                code = code * 10 + d - '0';
            }
            status = code;
            kind = RESPONSE;
        } else {
            // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
            int sp = 0;
            while (sp < eol && sp <= MAX_METHOD_LENGTH && isMethodChar(p.u8(sp))) sp++;
            if (sp == 0 || sp > MAX_METHOD_LENGTH || p.u8(sp) != ' ') return false;
            int targetAt = sp + 1;
            int end = targetAt;
            while (end < eol && p.u8(end) != ' ') end++;
            if (end == targetAt || end >= eol || !p.startsWith(end + 1, version)) return false;
            methodEnd = sp;
            targetStart = targetAt;
            targetEnd = end;
            kind = REQUEST;
        }
        cursor = next(eol);
        return true;
    }

    public int kind() { return kind; }
    public boolean isRequest() { return kind == REQUEST; }
    public boolean isResponse() { return kind == RESPONSE; }
    public int status() { return status; }

    /** True when the request method is {@code method} (methods are case-sensitive, RFC 9110 §9.1). */
    public boolean methodIs(String method) {
        return kind == REQUEST && methodEnd == method.length() && payload.startsWith(0, method);
    }

    public int methodEnd() { return methodEnd; }
    public int targetStart() { return targetStart; }
    public int targetEnd() { return targetEnd; }

    /**
     * Moves to the next header field; false at the empty line that ends the head, at the end of what was captured
     * or at a limit.
     */
    public boolean nextHeader() {
        while (kind != NOT_HTTP && lines < MAX_HEADERS && cursor < limit) {
            int eol = lineEnd(cursor);
            if (eol < 0) return false;
            int lineStart = cursor;
            lines++;
            cursor = next(eol);
            if (eol == lineStart) return false; // the empty line
            int c = payload.u8(lineStart);
            if (c == ' ' || c == '\t') continue; // a continuation with no field before it
            int colon = lineStart;
            while (colon < eol && payload.u8(colon) != ':') colon++;
            if (colon == eol || colon == lineStart) continue;
            nameStart = lineStart;
            nameEnd = colon;
            while (nameEnd > nameStart && isSpace(payload.u8(nameEnd - 1))) nameEnd--;
            valueStart = colon + 1;
            valueEnd = eol;
            // obs-fold: a line starting with SP or HTAB continues the value
            while (lines < MAX_HEADERS && cursor < limit && isSpace(payload.u8(cursor))) {
                int foldEnd = lineEnd(cursor);
                if (foldEnd < 0) break;
                lines++;
                valueEnd = foldEnd;
                cursor = next(foldEnd);
            }
            return true;
        }
        return false;
    }

    /** True when the current header's name is {@code lowerCaseName}, ignoring ASCII case. */
    public boolean nameIs(String lowerCaseName) {
        return nameEnd - nameStart == lowerCaseName.length()
                && regionEqualsIgnoreCase(payload, nameStart, lowerCaseName);
    }

    /** As {@link #nameIs(String)}, also accepting the one-letter compact form (RFC 3261 §7.3.3: "m" for Contact). */
    public boolean nameIs(String lowerCaseName, char compact) {
        if (nameEnd - nameStart == 1) {
            int c = payload.u8(nameStart);
            return c == compact || c == compact - ('a' - 'A');
        }
        return nameIs(lowerCaseName);
    }

    public int valueStart() { return valueStart; }
    public int valueEnd() { return valueEnd; }

    /**
     * Appends the current header's value as sent, without its leading and trailing white space and with each
     * obsolete line fold (CR LF followed by white space) as one space (RFC 9112 §5.2); control characters escaped
     * by {@link ValueBuffer#appendText}. At most {@code max} octets of the value are read.
     */
    public ValueBuffer appendValue(ValueBuffer out, int max) {
        return appendText(payload, valueStart, valueEnd, out, max, false);
    }

    /** As {@link #appendValue}, with ASCII letters folded to lower case (for case-insensitive values: host names). */
    public ValueBuffer appendValueLowerCase(ValueBuffer out, int max) {
        return appendText(payload, valueStart, valueEnd, out, max, true);
    }

    /** Appends octets {@code [from, to)} of {@code p} as {@link #appendValue} does. */
    public static ValueBuffer appendText(Payload p, int from, int to, ValueBuffer out, int max, boolean lowerCase) {
        int end = Math.min(to, from + Math.max(0, max));
        int start = out.length();
        int pendingSpaces = 0;
        boolean fold = false;
        for (int i = from; i < end; i++) {
            int c = p.u8(i);
            if (c < 0) break;
            if (c == '\r' || c == '\n') {
                fold = true;
            } else if (isSpace(c)) {
                if (!fold) pendingSpaces++;
            } else {
                if (out.length() > start) {
                    if (fold) out.append(' ');
                    else for (int s = 0; s < pendingSpaces; s++) out.append(' ');
                }
                fold = false;
                pendingSpaces = 0;
                if (lowerCase && c >= 'A' && c <= 'Z') c += 'a' - 'A';
                out.appendText(c);
            }
        }
        return out;
    }

    /** True when {@code p} holds {@code lower} at {@code at}, ignoring ASCII case. */
    public static boolean regionEqualsIgnoreCase(Payload p, int at, String lower) {
        if (!p.has(at, lower.length())) return false;
        for (int i = 0; i < lower.length(); i++) {
            int c = p.u8(at + i);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != lower.charAt(i)) return false;
        }
        return true;
    }

    public static boolean isSpace(int c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The rest of a version token after its fixed start: digits and dots ("1", "2.0"). */
    private static boolean isVersionChar(int c) {
        return isDigit(c) || c == '.';
    }

    /** tchar of RFC 9110 §5.6.2, restricted to what methods use in practice. */
    private static boolean isMethodChar(int c) {
        return c >= 'A' && c <= 'Z' || c == '-' || c == '_';
    }

    /** Offset of the line's end (its CR LF or LF) from {@code from}, or -1 when the line is not ended within the limit. */
    private int lineEnd(int from) {
        int lf = payload.indexOf('\n', from);
        if (lf < 0 || lf >= limit) return -1;
        return lf > from && payload.u8(lf - 1) == '\r' ? lf - 1 : lf;
    }

    /** Offset of the line after the one ending at {@code eol}. */
    private int next(int eol) {
        return payload.u8(eol) == '\r' ? eol + 2 : eol + 1;
    }
}
