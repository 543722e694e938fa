package io.osprey.dissect.tls;

import java.io.ByteArrayOutputStream;

/** Hand-built TLS records for the tests. */
final class TlsTesting {
    private TlsTesting() {}

    static void u8(ByteArrayOutputStream o, int v) { o.write(v); }

    static void u16(ByteArrayOutputStream o, int v) { o.write(v >> 8); o.write(v); }

    static void u24(ByteArrayOutputStream o, int v) { o.write(v >> 16); u16(o, v); }

    static byte[] ext(int type, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, type);
        u16(o, body.length);
        o.writeBytes(body);
        return o.toByteArray();
    }

    static byte[] u16List(int lengthOctets, int... values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        if (lengthOctets == 1) u8(o, values.length * 2); else u16(o, values.length * 2);
        for (int v : values) u16(o, v);
        return o.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    /** A handshake message in one handshake record (RFC 8446 §4, §5.1). */
    static byte[] record(int handshakeType, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u8(o, 22);
        u16(o, 0x0301);
        u16(o, body.length + 4);
        u8(o, handshakeType);
        u24(o, body.length);
        o.writeBytes(body);
        return o.toByteArray();
    }

    /** ClientHello body (RFC 8446 §4.1.2) with the given ciphers and extension blocks. */
    static byte[] clientHello(int version, int[] ciphers, byte[]... extensions) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, version);
        o.writeBytes(new byte[32]);
        u8(o, 0); // session id
        u16(o, ciphers.length * 2);
        for (int c : ciphers) u16(o, c);
        u8(o, 1);
        u8(o, 0); // null compression
        byte[] e = concat(extensions);
        u16(o, e.length);
        o.writeBytes(e);
        return o.toByteArray();
    }

    /**
     * A ClientHello with GREASE in every list (RFC 8701): ciphers {0x0A0A, TLS_AES_128_GCM_SHA256 0x1301,
     * ECDHE-RSA-AES128-GCM-SHA256 0xC02F}; extensions GREASE 0x1A1A, server_name "example.com", ALPN
     * {h2, http/1.1}, supported_groups {0x2A2A, x25519 29, secp256r1 23}, ec_point_formats {0},
     * signature_algorithms {0x0403, 0x0804}, supported_versions {0x3A3A, 0x0304, 0x0303}.
     */
    static byte[] greasyClientHello() {
        byte[] name = "example.com".getBytes();
        ByteArrayOutputStream sni = new ByteArrayOutputStream();
        u16(sni, name.length + 3);
        u8(sni, 0);
        u16(sni, name.length);
        sni.writeBytes(name);
        byte[] alpn = concat(new byte[] {0, 12, 2, 'h', '2', 8}, "http/1.1".getBytes());
        return clientHello(0x0303, new int[] {0x0a0a, 0x1301, 0xc02f},
                ext(0x1a1a, new byte[0]),
                ext(0, sni.toByteArray()),
                ext(16, alpn),
                ext(10, u16List(2, 0x2a2a, 29, 23)),
                ext(11, new byte[] {1, 0}),
                ext(13, u16List(2, 0x0403, 0x0804)),
                ext(43, u16List(1, 0x3a3a, 0x0304, 0x0303)));
    }
}
