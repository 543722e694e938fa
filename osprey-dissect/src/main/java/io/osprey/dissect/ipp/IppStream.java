package io.osprey.dissect.ipp;

import io.osprey.dissect.Payload;

import java.util.Arrays;

/**
 * One direction of an IPP-over-HTTP connection: the body of the current HTTP message, taken out of its HTTP
 * framing (Content-Length, or chunked transfer coding, RFC 9112 §7.1) across in-order TCP segments into a buffer
 * of at most {@link #MAX_MESSAGE_BYTES}, and an incremental reader of the IPP message in it (RFC 8010 §3.1):
 *
 * <pre>
 * version-number 2 | operation-id or status-code 2 | request-id 4 |
 *   { begin-attribute-group-tag 1 | { value-tag 1 | name-length 2 | name | value-length 2 | value } } |
 *   end-of-attributes-tag 1 | data
 * </pre>
 *
 * An attribute with name-length 0 is an additional value of the one before (§3.1.5); the members of a collection
 * (begCollection 0x34 ... endCollection 0x37, §3.1.6) are skipped. A segment out of order ends the stream.
 */
final class IppStream {
    /** Octets of an IPP message buffered: Get-Printer-Attributes responses of current printers run to 20-40 KiB. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final int INITIAL_BUFFER = 4096;
    static final int HEADER_LENGTH = 8;
    /** RFC 8010 §3.5.1 delimiter tags. */
    static final int END_OF_ATTRIBUTES = 0x03;
    static final int MAX_DELIMITER = 0x0f;
    /** RFC 8010 §3.5.2 value tags. */
    static final int BEG_COLLECTION = 0x34, END_COLLECTION = 0x37;
    /** Nesting of collections followed; deeper ones still only count. */
    static final int MAX_DEPTH = 16;

    private static final int SIZE = 0, SIZE_EXTENSION = 1, SIZE_LF = 2, DATA = 3, DATA_END = 4, TRAILER = 5, DONE = 6;

    /** Which flow direction this is; {@link #flowId} -1 when free. */
    int flowId = -1;
    long firstSeen;
    boolean fromClient;
    long lastUsed;
    /** The operation-id of the last request read in this direction (client side), -1 before one. */
    int operation = -1;
    /** For a server direction: the operation the current response answers, -1 when its request was not seen. */
    int respondsTo = -1;

    private long expectedSeq;
    private boolean active;
    private boolean chunked;
    private long remaining;
    private int chunkState;
    private long chunkLeft;
    private byte[] buf = new byte[0];
    private int length;

    private boolean headerRead;
    private boolean ended;
    private int position;
    private int nameAt;
    private int nameLength;
    private int depth;
    private int valueTag;
    private int valueAt;
    private int valueLength;

    boolean is(int flow, long seen, boolean client) {
        return flowId == flow && firstSeen == seen && fromClient == client;
    }

    void claim(int flow, long seen, boolean client) {
        flowId = flow;
        firstSeen = seen;
        fromClient = client;
        operation = -1;
        respondsTo = -1;
        active = false;
        headerRead = false;
        length = 0;
    }

    /** Starts a message whose body follows the HTTP head; {@code contentLength} -1 when unknown. */
    void begin(long nextSeq, boolean chunkedBody, long contentLength) {
        active = true;
        expectedSeq = nextSeq;
        chunked = chunkedBody;
        remaining = chunkedBody ? -1 : contentLength;
        chunkState = SIZE;
        chunkLeft = 0;
        length = 0;
        headerRead = false;
        ended = false;
        position = HEADER_LENGTH;
        nameLength = 0;
        depth = 0;
    }

    /** True while a message body is being read. */
    boolean active() { return active; }

    /** True when {@code seq} continues the body; a later segment (a gap) ends it, an earlier one is a retransmission. */
    boolean continues(long seq) {
        if (!active) return false;
        if (seq == expectedSeq) return true;
        if (((seq - expectedSeq) & 0xffff_ffffL) < 0x8000_0000L) active = false;
        return false;
    }

    /** Takes the body octets {@code [from, to)} of a segment whose sequence number continued the stream. */
    void append(Payload p, int from, int to) {
        expectedSeq = (expectedSeq + (to - from)) & 0xffff_ffffL;
        int i = from;
        while (i < to && active) {
            if (!chunked) {
                int n = remaining < 0 ? to - i : (int) Math.min(remaining, to - i);
                copy(p, i, n);
                i += n;
                if (remaining >= 0 && (remaining -= n) == 0) active = false;
                continue;
            }
            int c = p.u8(i);
            switch (chunkState) {
                case SIZE -> {
                    int d = hexDigit(c);
                    if (d >= 0) {
                        chunkLeft = chunkLeft << 4 | d;
                        if (chunkLeft > MAX_MESSAGE_BYTES) chunkLeft = MAX_MESSAGE_BYTES + 1L;
                    } else if (c == ';' || c == ' ' || c == '\t') {
                        chunkState = SIZE_EXTENSION;
                    } else if (c == '\r') {
                        chunkState = SIZE_LF;
                    } else if (c == '\n') {
                        sizeRead();
                    } else {
                        active = false;
                    }
                    i++;
                }
                case SIZE_EXTENSION, SIZE_LF, TRAILER -> {
                    if (c == '\n') {
                        if (chunkState == TRAILER) active = false;
                        else sizeRead();
                    }
                    i++;
                }
                case DATA -> {
                    int n = (int) Math.min(chunkLeft, to - i);
                    copy(p, i, n);
                    i += n;
                    if ((chunkLeft -= n) == 0) chunkState = DATA_END;
                }
                case DATA_END -> {
                    // CRLF after chunk-data (RFC 9112 §7.1)
                    if (c == '\n') {
                        chunkState = SIZE;
                        chunkLeft = 0;
                    }
                    i++;
                }
                default -> active = false;
            }
        }
    }

    private void sizeRead() {
        chunkState = chunkLeft == 0 ? TRAILER : DATA;
    }

    private void copy(Payload p, int from, int n) {
        int room = MAX_MESSAGE_BYTES - length;
        int m = Math.min(n, room);
        if (m > 0) {
            if (length + m > buf.length) {
                buf = Arrays.copyOf(buf, Math.min(MAX_MESSAGE_BYTES, Math.max(INITIAL_BUFFER,
                        Math.max(buf.length * 2, length + m))));
            }
            length += p.copy(from, buf, length, m);
        }
        if (n > room) active = false;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /**
     * True once, when the 8-octet message header has arrived and names IPP version 1.x or 2.x (RFC 8010 §3.1.1,
     * PWG 5100.12 for 2.x); a body that is no IPP message ends the stream.
     */
    boolean readHeader() {
        if (headerRead || length < HEADER_LENGTH) return false;
        headerRead = true;
        int major = buf[0] & 0xff;
        if (major < 1 || major > 2) {
            ended = true;
            active = false;
            return false;
        }
        return true;
    }

    /** operation-id of a request, status-code of a response. */
    int operationOrStatus() { return (buf[2] & 0xff) << 8 | buf[3] & 0xff; }

    /**
     * Moves to the next attribute value outside collections that has fully arrived; false when the message ended or
     * more octets are needed (call again after more arrive).
     */
    boolean nextValue() {
        while (headerRead && !ended && position < length) {
            int tag = buf[position] & 0xff;
            if (tag <= MAX_DELIMITER) {
                if (tag == END_OF_ATTRIBUTES || tag == 0) ended = true;
                position++;
                nameLength = 0;
                continue;
            }
            if (position + 3 > length) return false;
            int nLength = u16(position + 1);
            int vAt = position + 3 + nLength + 2;
            if (vAt > length) return false;
            int vLength = u16(vAt - 2);
            if (vAt + vLength > length) return false;
            int at = position;
            position = vAt + vLength;
            if (tag == BEG_COLLECTION) {
                if (depth == 0 && nLength > 0) setName(at + 3, nLength);
                depth++;
                continue;
            }
            if (tag == END_COLLECTION) {
                if (depth > 0) depth--;
                continue;
            }
            if (depth > 0) continue;
            if (nLength > 0) setName(at + 3, nLength);
            if (nameLength == 0) continue;
            valueTag = tag;
            valueAt = vAt;
            valueLength = vLength;
            return true;
        }
        return false;
    }

    private void setName(int at, int n) {
        nameAt = at;
        nameLength = n;
    }

    /** True when the current value's attribute is {@code name}. */
    boolean nameIs(String name) {
        if (nameLength != name.length()) return false;
        for (int i = 0; i < nameLength; i++) {
            if (buf[nameAt + i] != (byte) name.charAt(i)) return false;
        }
        return true;
    }

    int valueTag() { return valueTag; }
    int valueAt() { return valueAt; }
    int valueLength() { return valueLength; }
    int octet(int at) { return buf[at] & 0xff; }
    /** True when the body ended (end-of-attributes) or the stream stopped. */
    boolean ended() { return ended || !active && headerRead && position >= length; }

    private int u16(int at) {
        return (buf[at] & 0xff) << 8 | buf[at + 1] & 0xff;
    }
}
