package io.osprey.dissect.opcua;

import io.osprey.dissect.Payload;

/**
 * A cursor over one OPC UA binary-encoded body (OPC 10000-6 §5.2, little-endian) inside a payload, for the few
 * structures the dissector reads. Reading past the body's end (a message cut by the segment, or malformed) sets
 * {@link #failed()} and every later read returns a neutral value, so the caller checks once at the end of a field
 * instead of after every read, and nothing throws. Reused: {@link #reset} positions it.
 */
final class OpcuaReader {
    /** §5.2.2.4: a String or ByteString of length -1 is null. */
    static final int NULL_LENGTH = -1;
    /** DiagnosticInfo nests (§5.2.2.12 InnerDiagnosticInfo); deeper nesting is treated as malformed. */
    static final int MAX_DIAGNOSTIC_DEPTH = 4;
    /** Array elements walked at most; arrays of more are treated as malformed. */
    static final int MAX_ARRAY_ELEMENTS = 1024;

    /** §5.2.2.9 NodeId encodings (low nibble of the first octet) and ExpandedNodeId flags. */
    static final int NODE_TWO_BYTE = 0, NODE_FOUR_BYTE = 1, NODE_NUMERIC = 2, NODE_STRING = 3, NODE_GUID = 4,
            NODE_BYTE_STRING = 5, EXPANDED_SERVER_INDEX = 0x40, EXPANDED_NAMESPACE_URI = 0x80;
    /** §5.2.2.14 LocalizedText mask. */
    static final int TEXT_HAS_LOCALE = 1, TEXT_HAS_TEXT = 2;

    private Payload payload;
    private int pos;
    private int end;
    private boolean failed;

    OpcuaReader reset(Payload payload, int from, int end) {
        this.payload = payload;
        this.pos = from;
        this.end = Math.min(end, payload.length());
        this.failed = from > this.end;
        return this;
    }

    boolean failed() { return failed; }

    int position() { return pos; }

    private boolean take(int n) {
        if (failed || n < 0 || pos + n > end) {
            failed = true;
            return false;
        }
        pos += n;
        return true;
    }

    void skip(int n) { take(n); }

    int u8() { return take(1) ? payload.u8(pos - 1) : 0; }

    int u16() { return take(2) ? payload.u16le(pos - 2) : 0; }

    /** UInt32 as a non-negative long. */
    long u32() {
        if (!take(4)) return 0;
        return (long) payload.u16le(pos - 2) << 16 | payload.u16le(pos - 4);
    }

    /** Int32 (lengths, enumerations). */
    int i32() { return (int) u32(); }

    /**
     * A String or ByteString's length (§5.2.2.4, §5.2.2.7) and positions the cursor on its first octet; -1 for
     * null, and the length is then consumed by {@link #skip}. A negative length other than -1 is malformed.
     */
    int stringLength() {
        int n = i32();
        if (n < NULL_LENGTH) failed = true;
        return failed ? NULL_LENGTH : n;
    }

    void skipString() {
        int n = stringLength();
        if (n > 0) skip(n);
    }

    /** Skips an array of {@code String}s (§5.2.5: Int32 length, -1 null, then the elements). */
    void skipStringArray() {
        int n = arrayLength();
        for (int i = 0; i < n && !failed; i++) skipString();
    }

    /** An array's length: -1 (null) becomes 0; more than {@link #MAX_ARRAY_ELEMENTS} is malformed. */
    int arrayLength() {
        int n = i32();
        if (n < NULL_LENGTH || n > MAX_ARRAY_ELEMENTS) failed = true;
        return failed || n < 0 ? 0 : n;
    }

    /** The octet at {@code at} of the payload (absolute, not moving the cursor), or -1 outside it. */
    int octet(int at) { return at < end ? payload.u8(at) : -1; }

    /**
     * A message body's TypeId: its numeric identifier when it is a four-octet or numeric NodeId of namespace 0 with
     * no ExpandedNodeId flags, else -1 (and the cursor is then not usable). Service TypeIds are encoded so.
     */
    long typeId() {
        int mask = u8();
        if (mask != NODE_FOUR_BYTE && mask != NODE_NUMERIC) {
            failed = true;
            return -1;
        }
        return nodeId(mask);
    }

    /** A NodeId's numeric identifier in namespace 0, or -1 for any other NodeId (skipped). */
    long nodeId() {
        return nodeId(u8());
    }

    /** An ExpandedNodeId (§5.2.2.10): a NodeId with flags, then the namespace URI and the server index if flagged. */
    long expandedNodeId() {
        int mask = u8();
        long id = nodeId(mask);
        if ((mask & EXPANDED_NAMESPACE_URI) != 0) {
            skipString();
            id = -1;
        }
        if ((mask & EXPANDED_SERVER_INDEX) != 0) u32();
        return failed ? -1 : id;
    }

    private long nodeId(int mask) {
        switch (mask & 0x0F) {
            case NODE_TWO_BYTE -> {
                return u8();
            }
            case NODE_FOUR_BYTE -> {
                int ns = u8();
                int id = u16();
                return ns == 0 && !failed ? id : -1;
            }
            case NODE_NUMERIC -> {
                int ns = u16();
                long id = u32();
                return ns == 0 && !failed ? id : -1;
            }
            case NODE_STRING, NODE_BYTE_STRING -> {
                u16();
                skipString();
            }
            case NODE_GUID -> skip(2 + 16);
            default -> failed = true;
        }
        return -1;
    }

    /** §5.2.2.12 DiagnosticInfo: a mask, then the fields it flags, the last one a nested DiagnosticInfo. */
    void skipDiagnosticInfo() {
        for (int depth = 0; depth < MAX_DIAGNOSTIC_DEPTH && !failed; depth++) {
            int mask = u8();
            if ((mask & 0x01) != 0) skip(4); // symbolic id
            if ((mask & 0x02) != 0) skip(4); // namespace URI
            if ((mask & 0x08) != 0) skip(4); // locale
            if ((mask & 0x04) != 0) skip(4); // localized text
            if ((mask & 0x10) != 0) skipString(); // additional info
            if ((mask & 0x20) != 0) skip(4); // inner status code
            if ((mask & 0x40) == 0) return;
        }
        failed = true;
    }

    /** §5.2.2.15 ExtensionObject: type id, encoding octet, and a ByteString or XmlElement body when flagged. */
    void skipExtensionObject() {
        nodeId();
        int encoding = u8();
        if (encoding == 1 || encoding == 2) skipString();
        else if (encoding != 0) failed = true;
    }

    /** §7.28 RequestHeader of OPC 10000-4, binary-encoded. */
    void skipRequestHeader() {
        nodeId(); // authentication token
        skip(8 + 4 + 4); // timestamp, request handle, return diagnostics
        skipString(); // audit entry id
        skip(4); // timeout hint
        skipExtensionObject();
    }

    /** §7.29 ResponseHeader of OPC 10000-4, binary-encoded. */
    void skipResponseHeader() {
        skip(8 + 4 + 4); // timestamp, request handle, service result
        skipDiagnosticInfo();
        skipStringArray(); // string table
        skipExtensionObject();
    }
}
