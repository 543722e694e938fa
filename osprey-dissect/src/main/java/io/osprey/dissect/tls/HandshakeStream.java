package io.osprey.dissect.tls;

/**
 * One direction of one connection's plaintext handshake: TLS records (RFC 8446 §5.1, RFC 5246 §6.2.1) are taken
 * from the TCP byte stream, their handshake-type fragments joined, and complete handshake messages (RFC 8446 §4)
 * handed out one at a time. This is what lets a Certificate message split over several segments and records be
 * read. Segments must arrive in order: a gap ends the stream (retransmissions of bytes already read are skipped).
 * The stream ends at the first non-handshake record (ChangeCipherSpec, Alert, application data: what follows is
 * encrypted or irrelevant), at a record or message larger than the buffers, or after {@link #MAX_STREAM_BYTES}.
 */
final class HandshakeStream {
    /** Record header: type, legacy_record_version, length (RFC 8446 §5.1). */
    static final int RECORD_HEADER = 5;
    /** TLSPlaintext.length must not exceed 2^14 (RFC 8446 §5.1). */
    static final int MAX_RECORD_LENGTH = 1 << 14;
    static final int CONTENT_HANDSHAKE = 22;
    /** Handshake header: msg_type and a 24-bit length (RFC 8446 §4). */
    static final int MESSAGE_HEADER = 4;
    /** Largest handshake message kept: a leaf and a couple of intermediates fit, larger chains are not read. */
    static final int MAX_MESSAGE_LENGTH = 32 * 1024 - MESSAGE_HEADER;
    /** Octets of a direction read before giving up: the hellos and certificates come first. */
    static final int MAX_STREAM_BYTES = 48 * 1024;

    private final byte[] records = new byte[RECORD_HEADER + MAX_RECORD_LENGTH];
    private final byte[] messages = new byte[MESSAGE_HEADER + MAX_MESSAGE_LENGTH];
    private int recordsLength;
    private int messagesLength;
    private int messageStart;
    private int consumed;
    private long nextSeq;
    private boolean ended;

    // the connection and direction it follows; flow < 0 when free
    int flow = -1;
    long firstSeen;
    boolean fromClient;

    /** Starts over for a new connection direction whose first segment has sequence number {@code seq}. */
    void start(int flow, long firstSeen, boolean fromClient, long seq) {
        this.flow = flow;
        this.firstSeen = firstSeen;
        this.fromClient = fromClient;
        this.nextSeq = seq;
        recordsLength = messagesLength = messageStart = consumed = 0;
        ended = false;
    }

    void release() {
        flow = -1;
    }

    boolean ended() { return ended; }

    void end() { ended = true; }

    byte[] messageBuffer() { return messages; }

    /**
     * Adds a segment's payload; {@code seq} is its TCP sequence number, or -1 to take it as the next one (no TCP
     * context). Afterwards call {@link #nextMessage} until it returns -1.
     */
    void add(byte[] data, int offset, int length, long seq) {
        if (ended) return;
        if (seq >= 0) {
            int ahead = (int) (seq - nextSeq); // 32-bit sequence space (RFC 9293 §3.4)
            if (ahead < 0) {
                // partly or wholly retransmitted: keep only what is new
                int skip = -ahead;
                if (skip >= length) return;
                offset += skip;
                length -= skip;
            } else if (ahead > 0) {
                ended = true; // a segment is missing
                return;
            }
            nextSeq = (nextSeq + length) & 0xffffffffL;
        }
        if (consumed + length > MAX_STREAM_BYTES) {
            length = MAX_STREAM_BYTES - consumed;
            ended = length <= 0;
        }
        consumed += length;
        while (length > 0 && !ended) {
            int n = Math.min(length, records.length - recordsLength);
            System.arraycopy(data, offset, records, recordsLength, n);
            recordsLength += n;
            offset += n;
            length -= n;
            unwrapRecords();
        }
    }

    /** Moves complete handshake records' fragments to the message buffer. */
    private void unwrapRecords() {
        int at = 0;
        while (!ended && recordsLength - at >= RECORD_HEADER) {
            int type = records[at] & 0xff;
            int major = records[at + 1] & 0xff;
            int length = u16(records, at + 3);
            if (type != CONTENT_HANDSHAKE || major != 3 || length > MAX_RECORD_LENGTH) {
                ended = true;
                break;
            }
            if (recordsLength - at < RECORD_HEADER + length) break;
            compactMessages();
            if (messagesLength + length > messages.length) {
                ended = true;
                break;
            }
            System.arraycopy(records, at + RECORD_HEADER, messages, messagesLength, length);
            messagesLength += length;
            at += RECORD_HEADER + length;
        }
        if (ended) return;
        System.arraycopy(records, at, records, 0, recordsLength - at);
        recordsLength -= at;
    }

    private void compactMessages() {
        if (messageStart == 0) return;
        System.arraycopy(messages, messageStart, messages, 0, messagesLength - messageStart);
        messagesLength -= messageStart;
        messageStart = 0;
    }

    /**
     * The offset in {@link #messageBuffer()} of the next complete handshake message (its 4-octet header), or -1
     * when none is complete yet. The message stays valid until the next call of {@link #add}.
     */
    int nextMessage() {
        if (messagesLength - messageStart < MESSAGE_HEADER) return -1;
        int length = (messages[messageStart + 1] & 0xff) << 16 | u16(messages, messageStart + 2);
        if (length > MAX_MESSAGE_LENGTH) {
            ended = true;
            return -1;
        }
        if (messagesLength - messageStart < MESSAGE_HEADER + length) return -1;
        int at = messageStart;
        messageStart += MESSAGE_HEADER + length;
        return at;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }
}
