package io.osprey.dissect.ndp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Payload;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

import java.io.ByteArrayOutputStream;

/** Ethernet frames carrying ICMPv6 neighbor discovery messages (RFC 4861 §4), checksums left zero. */
final class NdpFrames {
    static final String ROUTER_MAC = "00:0c:29:aa:bb:01";
    static final String HOST_MAC = "3c:22:fb:11:22:33";

    private final ByteArrayOutputStream icmp = new ByteArrayOutputStream();
    private String srcMac = HOST_MAC, dstMac = "33:33:00:00:00:01", src = "fe80::1", dst = "ff02::1";
    private int hopLimit = 255;

    static NdpFrames routerAdvertisement(int hopLimit, int flags, int lifetime) {
        NdpFrames f = new NdpFrames();
        f.icmp.write(134); f.icmp.write(0); f.u16(0);
        f.icmp.write(hopLimit); f.icmp.write(flags); f.u16(lifetime); f.u32(0); f.u32(0);
        return f;
    }

    static NdpFrames neighborSolicitation(String target) {
        NdpFrames f = new NdpFrames();
        f.icmp.write(135); f.icmp.write(0); f.u16(0); f.u32(0);
        f.icmp.writeBytes(v6(target));
        return f;
    }

    static NdpFrames neighborAdvertisement(int flags, String target) {
        NdpFrames f = new NdpFrames();
        f.icmp.write(136); f.icmp.write(0); f.u16(0); f.icmp.write(flags); f.icmp.write(0); f.u16(0);
        f.icmp.writeBytes(v6(target));
        return f;
    }

    static NdpFrames routerSolicitation() {
        NdpFrames f = new NdpFrames();
        f.icmp.write(133); f.icmp.write(0); f.u16(0); f.u32(0);
        return f;
    }

    NdpFrames from(String mac, String ip) { srcMac = mac; src = ip; return this; }
    NdpFrames to(String mac, String ip) { dstMac = mac; dst = ip; return this; }
    NdpFrames hopLimit(int h) { hopLimit = h; return this; }

    /** Source (1) or target (2) link-layer address option, §4.6.1. */
    NdpFrames linkLayerAddress(int type, String mac) {
        icmp.write(type); icmp.write(1);
        long m = Addresses.parseMac(mac);
        for (int i = 5; i >= 0; i--) icmp.write((int) (m >>> (8 * i)));
        return this;
    }

    /** Prefix information option, §4.6.2: L and A flags set. */
    NdpFrames prefix(String prefix, int length) {
        icmp.write(3); icmp.write(4); icmp.write(length); icmp.write(0xc0);
        u32(86400); u32(14400); u32(0);
        icmp.writeBytes(v6(prefix));
        return this;
    }

    /** MTU option, §4.6.4. */
    NdpFrames mtu(int mtu) {
        icmp.write(5); icmp.write(1); u16(0); u32(mtu);
        return this;
    }

    NdpFrames raw(int... bytes) {
        for (int b : bytes) icmp.write(b);
        return this;
    }

    byte[] frame() {
        byte[] body = icmp.toByteArray();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        mac(e, dstMac); mac(e, srcMac); e.write(0x86); e.write(0xdd);
        e.write(0x60); e.write(0); e.write(0); e.write(0);
        e.write(body.length >>> 8); e.write(body.length); e.write(58); e.write(hopLimit);
        e.writeBytes(v6(src)); e.writeBytes(v6(dst));
        e.writeBytes(body);
        return e.toByteArray();
    }

    /** Decodes {@code length} bytes of {@code frame} and hands the packet to each dissector as the pipeline would. */
    static void dissect(byte[] frame, int length, Dissector... dissectors) {
        Packet packet = new Packet();
        if (!new PacketDecoder().decode(frame, length, frame.length, 1_700_000_000_000_000_000L, LinkType.ETHERNET, packet)) return;
        Payload empty = new Payload().wrap(frame, 0, 0);
        for (Dissector d : dissectors) d.dissect(packet, empty, new FlowView(), o -> { });
    }

    private void u16(int v) { icmp.write(v >>> 8); icmp.write(v); }

    private void u32(int v) { u16(v >>> 16); u16(v); }

    private static void mac(ByteArrayOutputStream o, String mac) {
        long m = Addresses.parseMac(mac);
        for (int i = 5; i >= 0; i--) o.write((int) (m >>> (8 * i)));
    }

    static byte[] v6(String ip) {
        var a = Addresses.parseIp(ip);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (a.hi() >>> (56 - 8 * i));
            b[8 + i] = (byte) (a.lo() >>> (56 - 8 * i));
        }
        return b;
    }
}
