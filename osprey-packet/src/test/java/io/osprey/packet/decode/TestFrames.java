package io.osprey.packet.decode;

import io.osprey.packet.capture.LinkType;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Hand-built frames for decoder tests. Defaults are documentation addresses (RFC 5737, RFC 3849) and
 * locally administered MACs, so a test only states the field it is about.
 */
final class TestFrames {
    static final long DST_MAC = 0x02_00_00_00_00_02L;
    static final long SRC_MAC = 0x02_00_00_00_00_01L;
    /** 192.0.2.1 and 198.51.100.2. */
    static final int SRC_IPV4 = 0xc000_0201;
    static final int DST_IPV4 = 0xc633_6402;
    /** 2001:db8::1 and 2001:db8::2. */
    static final byte[] SRC_IPV6 = hex("20010db8000000000000000000000001");
    static final byte[] DST_IPV6 = hex("20010db8000000000000000000000002");
    static final byte[] NO_BYTES = new byte[0];

    private TestFrames() {}

    static byte[] hex(String text) { return HexFormat.of().parseHex(text.replace(" ", "").replace(":", "")); }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] u16(int value) { return new byte[] {(byte) (value >>> 8), (byte) value}; }

    static byte[] u32(int value) { return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}; }

    static byte[] mac(long mac) {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (mac >>> (40 - 8 * i));
        }
        return out;
    }

    /** A copy with {@code data[at..at+1]} set to {@code value}, big-endian. */
    static byte[] withU16(byte[] data, int at, int value) {
        byte[] copy = data.clone();
        copy[at] = (byte) (value >>> 8);
        copy[at + 1] = (byte) value;
        return copy;
    }

    static byte[] withU8(byte[] data, int at, int value) {
        byte[] copy = data.clone();
        copy[at] = (byte) value;
        return copy;
    }

    static byte[] zeros(int n) { return new byte[n]; }

    static byte[] ethernet(int type, byte[] payload) {
        return concat(mac(DST_MAC), mac(SRC_MAC), u16(type), payload);
    }

    /** An 802.1Q/802.1ad tag: TPID, then PCP/DEI/VID. */
    static byte[] tag(int tpid, int priority, int vlan) { return concat(u16(tpid), u16(priority << 13 | vlan)); }

    static byte[] ipv4(int protocol, byte[] payload) { return ipv4(protocol, NO_BYTES, 0, payload); }

    /** IPv4 with the given options (a multiple of 4 bytes) and flags/fragment-offset word, checksum set. */
    static byte[] ipv4(int protocol, byte[] options, int flagsFragment, byte[] payload) {
        int headerLength = 20 + options.length;
        byte[] header = concat(
                new byte[] {(byte) (0x40 | headerLength / 4), 0},
                u16(headerLength + payload.length),
                u16(0x1c46),
                u16(flagsFragment),
                new byte[] {64, (byte) protocol, 0, 0},
                u32(SRC_IPV4),
                u32(DST_IPV4),
                options);
        int sum = 0;
        for (int i = 0; i < headerLength; i += 2) {
            sum += (header[i] & 0xff) << 8 | header[i + 1] & 0xff;
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        header = withU16(header, 10, ~sum & 0xffff);
        return concat(header, payload);
    }

    /** IPv6 with the given first next header; payload includes any extension headers. */
    static byte[] ipv6(int nextHeader, byte[] payload) {
        return concat(u32(0x6000_0000), u16(payload.length), new byte[] {(byte) nextHeader, 64},
                SRC_IPV6, DST_IPV6, payload);
    }

    /** A hop-by-hop, routing or destination-options header padded to 8 bytes with a PadN option. */
    static byte[] extension(int nextHeader) { return hex(String.format("%02x 00 01 04 00 00 00 00", nextHeader)); }

    static byte[] fragmentHeader(int nextHeader, int offsetBytes, boolean more, int id) {
        return concat(new byte[] {(byte) nextHeader, 0}, u16(offsetBytes | (more ? 1 : 0)), u32(id));
    }

    static byte[] tcp(int srcPort, int dstPort, int flags, byte[] options, byte[] payload) {
        int headerLength = 20 + options.length;
        return concat(u16(srcPort), u16(dstPort), u32(0x01020304), u32(0x0a0b0c0d),
                new byte[] {(byte) (headerLength / 4 << 4), (byte) flags}, u16(65535), u16(0), u16(0), options, payload);
    }

    static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return concat(u16(srcPort), u16(dstPort), u16(8 + payload.length), u16(0), payload);
    }

    static byte[] icmp(int type, int code, int rest, byte[] payload) {
        return concat(new byte[] {(byte) type, (byte) code, 0, 0}, u32(rest), payload);
    }

    static Packet decode(byte[] frame) { return decode(frame, LinkType.ETHERNET); }

    static Packet decode(byte[] frame, int linkType) {
        Packet p = new Packet();
        new PacketDecoder().decode(frame, frame.length, frame.length, 0, linkType, p);
        return p;
    }
}
