package io.osprey.dissect.dhcpv6;

import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.IpAddress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds DHCPv6 messages (RFC 8415 §8, §9) for tests: {@code Dhcpv6Bytes.message(SOLICIT).option(1,
 * duidLl("02:00:00:00:00:01")).build()}. Nothing is checked, so malformed messages are as easy to write.
 */
final class Dhcpv6Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Dhcpv6Bytes() {}

    /** A client/server message with transaction id 0x123456. */
    static Dhcpv6Bytes message(int type) {
        Dhcpv6Bytes b = new Dhcpv6Bytes();
        b.out.write(type);
        b.out.writeBytes(new byte[] {0x12, 0x34, 0x56});
        return b;
    }

    static Dhcpv6Bytes relay(int type, int hopCount, String linkAddress, String peerAddress) {
        Dhcpv6Bytes b = new Dhcpv6Bytes();
        b.out.write(type);
        b.out.write(hopCount);
        b.out.writeBytes(v6(linkAddress));
        b.out.writeBytes(v6(peerAddress));
        return b;
    }

    Dhcpv6Bytes option(int code, byte[] value) {
        u16(out, code);
        u16(out, value.length);
        out.writeBytes(value);
        return this;
    }

    Dhcpv6Bytes option(int code, Dhcpv6Bytes inner) {
        return option(code, inner.build());
    }

    /** Bytes appended as they are: a cut option, garbage. */
    Dhcpv6Bytes raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    // ---- option values

    /** RFC 8415 §11.2: DUID-LLT, Ethernet, time 0x25e5148e. */
    static byte[] duidLlt(String mac) {
        return concat(new byte[] {0, 1, 0, 1, 0x25, (byte) 0xe5, 0x14, (byte) 0x8e}, mac(mac));
    }

    /** RFC 8415 §11.4: DUID-LL, Ethernet. */
    static byte[] duidLl(String mac) {
        return concat(new byte[] {0, 3, 0, 1}, mac(mac));
    }

    /** RFC 8415 §11.3: DUID-EN. */
    static byte[] duidEn(long enterprise, byte... identifier) {
        return concat(concat(new byte[] {0, 2}, u32(enterprise)), identifier);
    }

    static byte[] u16s(int... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int v : values) u16(b, v);
        return b.toByteArray();
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** RFC 8415 §21.15/§21.16 data: each string with a two-byte length. */
    static byte[] opaque(String... items) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String s : items) {
            byte[] d = s.getBytes(StandardCharsets.UTF_8);
            u16(b, d.length);
            b.writeBytes(d);
        }
        return b.toByteArray();
    }

    /** A domain name in DNS wire format, fully qualified (ends with the root label). */
    static byte[] name(String dotted) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String label : dotted.split("\\.")) {
            b.write(label.length());
            b.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        b.write(0);
        return b.toByteArray();
    }

    /** RFC 8415 §21.6: IA Address option (code 5 with header) for an IA's options. */
    static byte[] iaAddress(String address, long preferred, long valid) {
        return concat(concat(u16s(5, 24), v6(address)), concat(u32(preferred), u32(valid)));
    }

    static byte[] mac(String mac) {
        long m = Addresses.parseMac(mac);
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) b[i] = (byte) (m >>> (40 - 8 * i));
        return b;
    }

    static byte[] v6(String address) {
        IpAddress a = Addresses.parseIp(address);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (a.hi() >>> (56 - 8 * i));
            b[8 + i] = (byte) (a.lo() >>> (56 - 8 * i));
        }
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >>> 8);
        o.write(v);
    }
}
