package io.osprey.dissect.tls;

/**
 * The fields of a ClientHello or ServerHello (RFC 8446 §4.1.2, §4.1.3; RFC 5246 §7.4.1) that fingerprints and
 * observations need, read into reusable arrays: lists longer than the named limits make the hello "oversized"
 * and it is not fingerprinted (a truncated list would give a wrong fingerprint). Parsing allocates nothing.
 */
final class Hello {
    static final int TYPE_CLIENT_HELLO = 1;
    static final int TYPE_SERVER_HELLO = 2;
    static final int RANDOM_LENGTH = 32;
    /** legacy_session_id<0..32> (RFC 8446 §4.1.2). */
    static final int MAX_SESSION_ID = 32;
    /** Cipher suites kept; real clients offer well under 100. */
    static final int MAX_CIPHERS = 256;
    static final int MAX_EXTENSIONS = 128;
    static final int MAX_GROUPS = 128;
    static final int MAX_POINT_FORMATS = 32;
    static final int MAX_SIGNATURE_ALGORITHMS = 128;
    static final int MAX_VERSIONS = 32;

    static final int EXT_SERVER_NAME = 0;
    static final int EXT_SUPPORTED_GROUPS = 10;
    static final int EXT_EC_POINT_FORMATS = 11;
    static final int EXT_SIGNATURE_ALGORITHMS = 13;
    static final int EXT_ALPN = 16;
    static final int EXT_SUPPORTED_VERSIONS = 43;
    /** server_name's NameType host_name (RFC 6066 §3). */
    static final int HOST_NAME = 0;

    final int[] ciphers = new int[MAX_CIPHERS];
    final int[] extensions = new int[MAX_EXTENSIONS];
    final int[] groups = new int[MAX_GROUPS];
    final int[] pointFormats = new int[MAX_POINT_FORMATS];
    final int[] signatureAlgorithms = new int[MAX_SIGNATURE_ALGORITHMS];
    final int[] versions = new int[MAX_VERSIONS];
    int cipherCount, extensionCount, groupCount, pointFormatCount, signatureAlgorithmCount, versionCount;
    boolean oversized;
    int legacyVersion;
    /** ServerHello: the chosen cipher; supported_versions' selected_version or -1. */
    int cipher;
    int selectedVersion;
    /** Offsets in the buffer of the first host_name and of the ALPN protocol_name_list, -1 when absent. */
    int sniStart = -1, sniLength;
    int alpnStart = -1, alpnLength;

    private byte[] b;

    /** GREASE values (RFC 8701 §2): 0x0A0A, 0x1A1A, ... 0xFAFA. */
    static boolean isGrease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
    }

    /** Reads a ClientHello body ({@code length} octets from {@code at}); false when malformed. */
    boolean readClientHello(byte[] buffer, int at, int length) {
        reset(buffer);
        int end = at + length;
        if (end - at < 2 + RANDOM_LENGTH + 1) return false;
        legacyVersion = HandshakeStream.u16(b, at);
        at += 2 + RANDOM_LENGTH;
        int sessionId = b[at] & 0xff;
        if (sessionId > MAX_SESSION_ID) return false;
        at += 1 + sessionId;
        if (end - at < 2) return false;
        int cipherBytes = HandshakeStream.u16(b, at);
        at += 2;
        if ((cipherBytes & 1) != 0 || end - at < cipherBytes) return false;
        for (int i = 0; i < cipherBytes; i += 2) cipherCount = add(ciphers, cipherCount, HandshakeStream.u16(b, at + i));
        at += cipherBytes;
        if (end - at < 1) return false;
        int compression = b[at] & 0xff;
        at += 1 + compression;
        if (at > end) return false;
        return readExtensions(at, end, true);
    }

    /** Reads a ServerHello body; false when malformed. */
    boolean readServerHello(byte[] buffer, int at, int length) {
        reset(buffer);
        int end = at + length;
        if (end - at < 2 + RANDOM_LENGTH + 1) return false;
        legacyVersion = HandshakeStream.u16(b, at);
        at += 2 + RANDOM_LENGTH;
        int sessionId = b[at] & 0xff;
        if (sessionId > MAX_SESSION_ID) return false;
        at += 1 + sessionId;
        if (end - at < 3) return false;
        cipher = HandshakeStream.u16(b, at);
        at += 3; // cipher_suite, legacy_compression_method
        return readExtensions(at, end, false);
    }

    private void reset(byte[] buffer) {
        b = buffer;
        cipherCount = extensionCount = groupCount = pointFormatCount = signatureAlgorithmCount = versionCount = 0;
        oversized = false;
        legacyVersion = cipher = 0;
        selectedVersion = -1;
        sniStart = alpnStart = -1;
        sniLength = alpnLength = 0;
    }

    private int add(int[] list, int count, int value) {
        if (count == list.length) {
            oversized = true;
            return count;
        }
        list[count] = value;
        return count + 1;
    }

    /** Extensions are optional in TLS ≤ 1.2 hellos (RFC 5246 §7.4.1.2): none is an empty list. */
    private boolean readExtensions(int at, int end, boolean client) {
        if (at == end) return true;
        if (end - at < 2) return false;
        int total = HandshakeStream.u16(b, at);
        at += 2;
        if (end - at < total) return false;
        end = at + total;
        while (at < end) {
            if (end - at < 4) return false;
            int type = HandshakeStream.u16(b, at);
            int length = HandshakeStream.u16(b, at + 2);
            at += 4;
            if (end - at < length) return false;
            extensionCount = add(extensions, extensionCount, type);
            if (!extension(type, at, length, client)) return false;
            at += length;
        }
        return true;
    }

    private boolean extension(int type, int at, int length, boolean client) {
        int end = at + length;
        switch (type) {
            case EXT_SERVER_NAME -> {
                // ServerNameList: server_name_list<1..2^16-1> of NameType, opaque HostName<1..2^16-1>
                if (!client || length == 0) return true; // a server's empty acknowledgement (RFC 6066 §3)
                if (length < 2) return false;
                int p = at + 2;
                int listEnd = Math.min(end, p + HandshakeStream.u16(b, at));
                while (listEnd - p >= 3) {
                    int nameType = b[p] & 0xff;
                    int n = HandshakeStream.u16(b, p + 1);
                    if (listEnd - p - 3 < n) return false;
                    if (nameType == HOST_NAME && sniStart < 0) {
                        sniStart = p + 3;
                        sniLength = n;
                    }
                    p += 3 + n;
                }
            }
            case EXT_ALPN -> {
                if (length < 2 || HandshakeStream.u16(b, at) > length - 2) return false;
                alpnStart = at + 2;
                alpnLength = HandshakeStream.u16(b, at);
            }
            case EXT_SUPPORTED_GROUPS -> groupCount = readU16List(at, end, groups, groupCount);
            case EXT_SIGNATURE_ALGORITHMS -> signatureAlgorithmCount =
                    readU16List(at, end, signatureAlgorithms, signatureAlgorithmCount);
            case EXT_EC_POINT_FORMATS -> {
                if (length < 1 || (b[at] & 0xff) > length - 1) return false;
                for (int i = 0; i < (b[at] & 0xff); i++) {
                    pointFormatCount = add(pointFormats, pointFormatCount, b[at + 1 + i] & 0xff);
                }
            }
            case EXT_SUPPORTED_VERSIONS -> {
                if (client) {
                    // ProtocolVersion versions<2..254> with a one-octet length (RFC 8446 §4.2.1)
                    if (length < 1 || (b[at] & 0xff) > length - 1) return false;
                    for (int i = 0; i + 1 < (b[at] & 0xff); i += 2) {
                        versionCount = add(versions, versionCount, HandshakeStream.u16(b, at + 1 + i));
                    }
                } else if (length >= 2) {
                    selectedVersion = HandshakeStream.u16(b, at);
                }
            }
            default -> { }
        }
        return true;
    }

    /** A u16 list with a two-octet length; returns the new count (a bad length reads what fits). */
    private int readU16List(int at, int end, int[] list, int count) {
        if (end - at < 2) return count;
        int listEnd = Math.min(end, at + 2 + HandshakeStream.u16(b, at));
        for (int p = at + 2; p + 1 < listEnd; p += 2) count = add(list, count, HandshakeStream.u16(b, p));
        return count;
    }
}
