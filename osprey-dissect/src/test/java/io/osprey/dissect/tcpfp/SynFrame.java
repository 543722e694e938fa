package io.osprey.dissect.tcpfp;

import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

import java.io.ByteArrayOutputStream;

/**
 * Builds an Ethernet frame carrying one TCP segment with every header field settable, for the spec rows of the
 * signature tests. Defaults: a Linux-like IPv4 SYN from 02:00:00:00:00:01 / 192.0.2.1 to 192.0.2.2:80, TTL 64, DF,
 * IP ID 0x1234, window 29200, no options.
 */
final class SynFrame {
    static final long SOURCE_MAC = 0x02_00_00_00_00_01L;

    int version = 4;
    int ttl = 64;
    boolean df = true;
    boolean reservedFlag;
    int id = 0x1234;
    int tos;
    byte[] ipOptions = new byte[0];
    int flowLabel;
    int flags = 0x02;
    long seq = 0x1000_0000L;
    long ack;
    int window = 29200;
    int urgentPointer;
    byte[] tcpOptions = new byte[0];
    byte[] payload = new byte[0];
    int sourceIp = 0xc000_0201;

    static SynFrame syn() { return new SynFrame(); }

    static SynFrame synAck() {
        SynFrame f = new SynFrame();
        f.flags = 0x12;
        f.ack = 0x2000_0001L;
        return f;
    }

    SynFrame options(int... bytes) {
        tcpOptions = bytes(bytes);
        return this;
    }

    /** Linux's SYN options: mss 1460, sok, ts (TSval 1, TSecr 0), nop, ws {@code scale}. */
    SynFrame linuxOptions(int scale) {
        return options(2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, scale);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        return b;
    }

    byte[] build() {
        int tcpOptionsPadded = (tcpOptions.length + 3) / 4 * 4;
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        u16(t, 40000); u16(t, 80); u32(t, seq); u32(t, ack);
        t.write((5 + tcpOptionsPadded / 4) << 4); t.write(flags); u16(t, window); u16(t, 0); u16(t, urgentPointer);
        t.writeBytes(tcpOptions);
        for (int i = tcpOptions.length; i < tcpOptionsPadded; i++) t.write(0);
        t.writeBytes(payload);
        byte[] l4 = t.toByteArray();

        ByteArrayOutputStream e = new ByteArrayOutputStream();
        mac(e, 0x02_00_00_00_00_02L); mac(e, SOURCE_MAC);
        if (version == 4) {
            u16(e, 0x0800);
            int ihl = 5 + (ipOptions.length + 3) / 4;
            e.write(0x40 | ihl); e.write(tos); u16(e, ihl * 4 + l4.length); u16(e, id);
            u16(e, (df ? 0x4000 : 0) | (reservedFlag ? 0x8000 : 0));
            e.write(ttl); e.write(6); u16(e, 0); u32(e, sourceIp & 0xffffffffL); u32(e, 0xc000_0202L);
            e.writeBytes(ipOptions);
            for (int i = ipOptions.length; i < (ihl - 5) * 4; i++) e.write(0);
        } else {
            u16(e, 0x86dd);
            u32(e, 6L << 28 | (long) tos << 20 | flowLabel);
            u16(e, l4.length); e.write(6); e.write(ttl);
            u32(e, 0x2001_0db8L); u32(e, 0); u32(e, 0); u32(e, sourceIp & 0xffffffffL);
            u32(e, 0x2001_0db8L); u32(e, 0); u32(e, 0); u32(e, 2);
        }
        e.writeBytes(l4);
        while (e.size() < 60) e.write(0);
        return e.toByteArray();
    }

    Packet decode() {
        return decode(build());
    }

    static Packet decode(byte[] frame) {
        Packet p = new Packet();
        new PacketDecoder().decode(frame, frame.length, frame.length, 1_000_000_000L, LinkType.ETHERNET, p);
        return p;
    }

    /** The signature text of this frame, or null when it is not a readable SYN. */
    String signature() {
        SynSignature s = new SynSignature();
        return s.read(decode()) ? s.toString() : null;
    }

    private static void mac(ByteArrayOutputStream o, long mac) {
        for (int i = 5; i >= 0; i--) o.write((int) (mac >>> (8 * i)));
    }

    private static void u16(ByteArrayOutputStream o, int v) { o.write(v >>> 8); o.write(v); }

    private static void u32(ByteArrayOutputStream o, long v) { u16(o, (int) (v >>> 16) & 0xffff); u16(o, (int) v & 0xffff); }
}
