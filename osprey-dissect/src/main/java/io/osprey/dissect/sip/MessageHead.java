package io.osprey.dissect.sip;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.HttpHead;

/**
 * A flyweight reader of the head of a text message in the HTTP/1.x mould whose version token is not "HTTP": SIP
 * (RFC 3261 §7: Request-Line = Method SP Request-URI SP SIP-Version, Status-Line = SIP-Version SP Status-Code SP
 * Reason-Phrase) and RTSP (RFC 2326 §6.1/§7.1, RFC 7826 §8). The version token ("SIP/", "RTSP/") is given at
 * construction. Nothing is copied: the start line and each header are offsets into the payload.
 *
 * <p>Lenient within bounds, as {@link HttpHead}: lines may end in LF alone, field names match case-insensitively
 * (RFC 3261 §7.3.1), a line starting with white space continues the previous value (RFC 3261 §7.3.1 LWS), lines
 * without a colon are skipped; only {@link #MAX_HEAD_BYTES} octets and {@link #MAX_HEADERS} lines are read, and a
 * line not ended inside the payload ends the head.
 */
public final class MessageHead {
    /** Octets of the head examined: a SIP message over UDP must fit a 1300-octet path MTU (RFC 3261 §18.1.1), TCP ones rarely exceed 8 KiB. */
    public static final int MAX_HEAD_BYTES = 8192;
    /** Header lines examined (continuations and skipped lines included). */
    public static final int MAX_HEADERS = 64;
    /** The longest method accepted ("GET_PARAMETER", "SET_PARAMETER", "SUBSCRIBE" fit). */
    public static final int MAX_METHOD_LENGTH = 16;

    private final String version;
    private Payload payload;
    private int limit;
    private boolean request;
    private boolean response;
    private int methodEnd;
    private int status;
    private int cursor;
    private int lines;
    private int nameStart;
    private int nameEnd;
    private int valueStart;
    private int valueEnd;

    /** @param version the protocol's version token up to and including the slash, e.g. "SIP/" */
    public MessageHead(String version) {
        this.version = version;
    }

    /** Reads the start line; false when the payload does not begin with a request or status line of this protocol. */
    public boolean wrap(Payload p) {
        payload = p;
        limit = Math.min(p.length(), MAX_HEAD_BYTES);
        request = response = false;
        lines = 0;
        int eol = lineEnd(0);
        if (eol < 0) return false;
        if (p.startsWith(0, version)) {
            // version "/" digit "." digit SP 3DIGIT SP reason
            int sp = version.length();
            while (sp < eol && p.u8(sp) != ' ') sp++;
            if (sp == version.length() || sp >= eol) return false;
            int code = 0;
            for (int i = 1; i <= 3; i++) {
                int d = p.u8(sp + i);
                if (d < '0' || d > '9') return false;
                code = code * 10 + d - '0';
            }
            status = code;
            response = true;
        } else {
            // Method SP Request-URI SP version
            int sp = 0;
            while (sp < eol && sp <= MAX_METHOD_LENGTH && isMethodChar(p.u8(sp))) sp++;
            if (sp == 0 || sp > MAX_METHOD_LENGTH || p.u8(sp) != ' ') return false;
            int end = eol;
            while (end > sp && p.u8(end - 1) == ' ') end--;
            int versionAt = end;
            while (versionAt > sp && p.u8(versionAt - 1) != ' ') versionAt--;
            if (versionAt <= sp + 1 || !p.startsWith(versionAt, version)) return false;
            methodEnd = sp;
            request = true;
        }
        cursor = next(eol);
        return true;
    }

    public boolean isRequest() { return request; }
    public boolean isResponse() { return response; }
    public int status() { return status; }
    /** Octets of the method at the start of a request. */
    public int methodEnd() { return methodEnd; }

    /** True when the request method is {@code method} (methods are case-sensitive, RFC 3261 §7.1). */
    public boolean methodIs(String method) {
        return request && methodEnd == method.length() && payload.startsWith(0, method);
    }

    /** Moves to the next header field; false at the empty line, at the end of what was captured or at a limit. */
    public boolean nextHeader() {
        while ((request || response) && lines < MAX_HEADERS && cursor < limit) {
            int eol = lineEnd(cursor);
            if (eol < 0) return false;
            int lineStart = cursor;
            lines++;
            cursor = next(eol);
            if (eol == lineStart) return false;
            int c = payload.u8(lineStart);
            if (c == ' ' || c == '\t') continue;
            int colon = lineStart;
            while (colon < eol && payload.u8(colon) != ':') colon++;
            if (colon == eol || colon == lineStart) continue;
            nameStart = lineStart;
            nameEnd = colon;
            while (nameEnd > nameStart && HttpHead.isSpace(payload.u8(nameEnd - 1))) nameEnd--;
            valueStart = colon + 1;
            valueEnd = eol;
            while (lines < MAX_HEADERS && cursor < limit && HttpHead.isSpace(payload.u8(cursor))) {
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
                && HttpHead.regionEqualsIgnoreCase(payload, nameStart, lowerCaseName);
    }

    /** True when the current header is {@code lowerCaseName} or its compact form (RFC 3261 §7.3.3), e.g. "m" for Contact. */
    public boolean nameIs(String lowerCaseName, char compact) {
        if (nameEnd - nameStart == 1) {
            int c = payload.u8(nameStart);
            return c == compact || c == compact - ('a' - 'A');
        }
        return nameIs(lowerCaseName);
    }

    public int valueStart() { return valueStart; }
    public int valueEnd() { return valueEnd; }

    /** Appends the current value without surrounding white space, folds as one space, controls escaped. */
    public ValueBuffer appendValue(ValueBuffer out, int max) {
        return HttpHead.appendText(payload, valueStart, valueEnd, out, max, false);
    }

    private static boolean isMethodChar(int c) {
        return c >= 'A' && c <= 'Z' || c == '-' || c == '_';
    }

    private int lineEnd(int from) {
        int lf = payload.indexOf('\n', from);
        if (lf < 0 || lf >= limit) return -1;
        return lf > from && payload.u8(lf - 1) == '\r' ? lf - 1 : lf;
    }

    private int next(int eol) {
        return payload.u8(eol) == '\r' ? eol + 2 : eol + 1;
    }
}
