package io.osprey.dissect.dns;

import io.osprey.packet.decode.Addresses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds RFC 1035 messages byte by byte for tests: a header, then questions and records whose names are written
 * in full, as labels followed by a compression pointer, or as a bare pointer.
 */
public final class DnsWire {
    public static final int QR = 0x8000, AA = 0x0400;
    public static final int CACHE_FLUSH = 0x8000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private DnsWire() {}

    public static DnsWire message(int id, int flags, int qd, int an, int ns, int ar) {
        DnsWire w = new DnsWire();
        w.u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
        return w;
    }

    public int position() { return out.size(); }

    public DnsWire u8(int v) {
        out.write(v);
        return this;
    }

    public DnsWire u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public DnsWire u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    public DnsWire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A name in full: its labels and the root label. */
    public DnsWire name(String dotted) {
        return bytes(nameBytes(dotted, -1));
    }

    /** Labels of {@code dotted}, then a pointer to {@code offset}. */
    public DnsWire name(String dotted, int pointerTo) {
        return bytes(nameBytes(dotted, pointerTo));
    }

    public DnsWire pointer(int offset) {
        return u16(0xc000 | offset);
    }

    public DnsWire question(String name, int type) {
        return name(name).u16(type).u16(1);
    }

    public DnsWire record(String name, int type, int rrClass, byte[] rdata) {
        name(name);
        return fixed(type, rrClass, rdata);
    }

    public DnsWire record(String name, int type, byte[] rdata) {
        return record(name, type, 1, rdata);
    }

    /** The part of a record after its name. */
    public DnsWire fixed(int type, int rrClass, byte[] rdata) {
        return u16(type).u16(rrClass).u32(120).u16(rdata.length).bytes(rdata);
    }

    public byte[] bytes() { return out.toByteArray(); }

    /** The message with the two-octet length prefix of DNS over TCP. */
    public byte[] tcp() {
        byte[] m = bytes();
        byte[] r = new byte[m.length + 2];
        r[0] = (byte) (m.length >>> 8);
        r[1] = (byte) m.length;
        System.arraycopy(m, 0, r, 2, m.length);
        return r;
    }

    // ---- RDATA

    /** Labels of {@code dotted}, then a pointer to {@code pointerTo}, or the root label when it is negative. */
    public static byte[] nameBytes(String dotted, int pointerTo) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (!dotted.isEmpty()) {
            for (String label : dotted.split("\\.", -1)) {
                byte[] l = label.getBytes(StandardCharsets.UTF_8);
                b.write(l.length);
                b.writeBytes(l);
            }
        }
        if (pointerTo >= 0) {
            b.write(0xc0 | pointerTo >>> 8);
            b.write(pointerTo);
        } else {
            b.write(0);
        }
        return b.toByteArray();
    }

    public static byte[] nameRdata(String dotted) {
        return nameBytes(dotted, -1);
    }

    public static byte[] a(String ip) {
        int v = Addresses.parseIpv4(ip);
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    public static byte[] aaaa(String ip) {
        var a = Addresses.parseIp(ip);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (a.hi() >>> (56 - 8 * i));
            b[8 + i] = (byte) (a.lo() >>> (56 - 8 * i));
        }
        return b;
    }

    public static byte[] srv(int port, String target) {
        byte[] t = nameBytes(target, -1);
        byte[] r = new byte[6 + t.length];
        r[4] = (byte) (port >>> 8);
        r[5] = (byte) port;
        System.arraycopy(t, 0, r, 6, t.length);
        return r;
    }

    public static byte[] txt(String... entries) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String e : entries) {
            byte[] s = e.getBytes(StandardCharsets.UTF_8);
            b.write(s.length);
            b.writeBytes(s);
        }
        return b.toByteArray();
    }
}
