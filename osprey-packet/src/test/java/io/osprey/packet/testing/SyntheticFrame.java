package io.osprey.packet.testing;

import io.osprey.packet.capture.Frame;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

import java.io.ByteArrayOutputStream;

/**
 * Builds Ethernet frames for tests of the stages after decoding (flows, dissectors, inventory):
 * {@code SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1").to("02:00:00:00:00:02", "10.0.0.2").tcp(40000, 80, SYN)}.
 * Checksums are not computed: no Osprey stage verifies them (captures often hold offloaded, wrong ones).
 */
public final class SyntheticFrame {
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

    private long srcMac, dstMac;
    private String srcIp, dstIp;
    private int vlan = -1;
    private long nanos = 1_700_000_000_000_000_000L;
    private int ttl = 64;

    private SyntheticFrame() {}

    public static SyntheticFrame from(String mac, String ip) {
        SyntheticFrame f = new SyntheticFrame();
        f.srcMac = Addresses.parseMac(mac);
        f.srcIp = ip;
        return f;
    }

    public SyntheticFrame to(String mac, String ip) {
        dstMac = Addresses.parseMac(mac);
        dstIp = ip;
        return this;
    }

    public SyntheticFrame vlan(int id) {
        vlan = id;
        return this;
    }

    public SyntheticFrame atSeconds(double seconds) {
        nanos = 1_700_000_000_000_000_000L + (long) (seconds * 1e9);
        return this;
    }

    public SyntheticFrame ttl(int ttl) {
        this.ttl = ttl;
        return this;
    }

    public long nanos() { return nanos; }

    /** The same endpoints, reversed. */
    public SyntheticFrame reply() {
        SyntheticFrame r = new SyntheticFrame();
        r.srcMac = dstMac; r.dstMac = srcMac; r.srcIp = dstIp; r.dstIp = srcIp;
        r.vlan = vlan; r.nanos = nanos; r.ttl = ttl;
        return r;
    }

    public byte[] tcp(int srcPort, int dstPort, int flags, byte... payload) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        u16(t, srcPort); u16(t, dstPort); u32(t, 1000); u32(t, (flags & ACK) != 0 ? 2000 : 0);
        t.write(5 << 4); t.write(flags); u16(t, 65535); u16(t, 0); u16(t, 0);
        t.writeBytes(payload);
        return ip(6, t.toByteArray());
    }

    public byte[] udp(int srcPort, int dstPort, byte... payload) {
        ByteArrayOutputStream u = new ByteArrayOutputStream();
        u16(u, srcPort); u16(u, dstPort); u16(u, 8 + payload.length); u16(u, 0);
        u.writeBytes(payload);
        return ip(17, u.toByteArray());
    }

    /** An ARP request (op 1) or reply (op 2) from this frame's source, asking for the destination's IP. */
    public byte[] arp(int op) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        u16(a, 1); u16(a, 0x0800); a.write(6); a.write(4); u16(a, op);
        mac(a, srcMac); a.writeBytes(Addresses.parseIp(srcIp).isIpv4() ? v4(srcIp) : new byte[4]);
        mac(a, op == 1 ? 0 : dstMac); a.writeBytes(v4(dstIp));
        return ethernet(0x0806, a.toByteArray());
    }

    private byte[] ip(int protocol, byte[] l4) {
        var s = Addresses.parseIp(srcIp);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        if (s.isIpv4()) {
            p.write(0x45); p.write(0); u16(p, 20 + l4.length); u16(p, 1); u16(p, 0x4000);
            p.write(ttl); p.write(protocol); u16(p, 0);
            p.writeBytes(v4(srcIp)); p.writeBytes(v4(dstIp));
            p.writeBytes(l4);
            return ethernet(0x0800, p.toByteArray());
        }
        u32(p, 6 << 28); u16(p, l4.length); p.write(protocol); p.write(ttl);
        p.writeBytes(v6(srcIp)); p.writeBytes(v6(dstIp));
        p.writeBytes(l4);
        return ethernet(0x86dd, p.toByteArray());
    }

    private byte[] ethernet(int etherType, byte[] payload) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        mac(e, dstMac); mac(e, srcMac);
        if (vlan >= 0) { u16(e, 0x8100); u16(e, vlan); }
        u16(e, etherType);
        e.writeBytes(payload);
        while (e.size() < 60) e.write(0);
        return e.toByteArray();
    }

    /** Decodes {@code bytes} as an Ethernet frame at this builder's time into {@code packet}. */
    public Packet decode(byte[] bytes, Packet packet) {
        new PacketDecoder().decode(bytes, bytes.length, bytes.length, nanos, LinkType.ETHERNET, packet);
        return packet;
    }

    /** Fills {@code frame} with {@code bytes} at this builder's time. */
    public Frame frame(byte[] bytes, Frame frame) {
        System.arraycopy(bytes, 0, frame.buffer(bytes.length), 0, bytes.length);
        return frame.set(nanos, LinkType.ETHERNET, 0, bytes.length, bytes.length);
    }

    private static byte[] v4(String ip) {
        int a = Addresses.parseIp(ip).ipv4();
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    private static byte[] v6(String ip) {
        var a = Addresses.parseIp(ip);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (a.hi() >>> (56 - 8 * i));
            b[8 + i] = (byte) (a.lo() >>> (56 - 8 * i));
        }
        return b;
    }

    private static void mac(ByteArrayOutputStream o, long mac) {
        for (int i = 5; i >= 0; i--) o.write((int) (mac >>> (8 * i)));
    }

    private static void u16(ByteArrayOutputStream o, int v) { o.write(v >>> 8); o.write(v); }

    private static void u32(ByteArrayOutputStream o, int v) { u16(o, v >>> 16); u16(o, v); }
}
