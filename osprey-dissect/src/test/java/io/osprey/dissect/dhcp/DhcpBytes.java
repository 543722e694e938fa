package io.osprey.dissect.dhcp;

import io.osprey.packet.decode.Addresses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds BOOTP/DHCP messages (RFC 2131 §2) for tests: {@code DhcpBytes.request("b0:c5:54:25:5b:0e")
 * .option(53, 1).text(12, "DCS-935L").end().build()}. Options are appended in the order given; nothing is
 * checked, so malformed messages are as easy to write as good ones.
 */
final class DhcpBytes {
    private final byte[] header = new byte[DhcpMessage.FIXED_HEADER_LENGTH];
    private final ByteArrayOutputStream options = new ByteArrayOutputStream();
    private boolean cookie = true;

    private DhcpBytes(int op, String chaddr) {
        header[0] = (byte) op;
        header[1] = 1; // Ethernet
        header[2] = 6;
        long mac = Addresses.parseMac(chaddr);
        for (int i = 0; i < 6; i++) header[DhcpMessage.CHADDR_OFFSET + i] = (byte) (mac >>> (40 - 8 * i));
        header[4] = 0x12; header[5] = 0x34; header[6] = 0x56; header[7] = 0x78;
    }

    static DhcpBytes request(String chaddr) {
        return new DhcpBytes(DhcpMessage.BOOTREQUEST, chaddr);
    }

    static DhcpBytes reply(String chaddr) {
        return new DhcpBytes(DhcpMessage.BOOTREPLY, chaddr);
    }

    DhcpBytes hardware(int htype, int hlen) {
        header[1] = (byte) htype;
        header[2] = (byte) hlen;
        return this;
    }

    DhcpBytes ciaddr(String ip) { return address(DhcpMessage.CIADDR_OFFSET, ip); }
    DhcpBytes yiaddr(String ip) { return address(DhcpMessage.YIADDR_OFFSET, ip); }
    DhcpBytes giaddr(String ip) {
        header[3] = 1; // hops
        return address(DhcpMessage.GIADDR_OFFSET, ip);
    }

    /** Writes {@code bytes} into the fixed header at {@code offset} (sname at 44, file at 108). */
    DhcpBytes header(int offset, byte... bytes) {
        System.arraycopy(bytes, 0, header, offset, bytes.length);
        return this;
    }

    DhcpBytes noCookie() {
        cookie = false;
        return this;
    }

    DhcpBytes option(int code, int... value) {
        options.write(code);
        options.write(value.length);
        for (int v : value) options.write(v);
        return this;
    }

    DhcpBytes text(int code, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        options.write(code);
        options.write(b.length);
        options.writeBytes(b);
        return this;
    }

    DhcpBytes ip(int code, String ip) {
        return option(code, ipBytes(ip));
    }

    /** Bytes appended to the options as they are: pads, a cut option, garbage. */
    DhcpBytes raw(int... bytes) {
        for (int b : bytes) options.write(b);
        return this;
    }

    DhcpBytes end() {
        options.write(255);
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        if (cookie) out.writeBytes(new byte[] {99, (byte) 130, 83, 99});
        out.writeBytes(options.toByteArray());
        return out.toByteArray();
    }

    static int[] ipBytes(String ip) {
        int a = Addresses.parseIpv4(ip);
        return new int[] {a >>> 24, a >>> 16 & 0xff, a >>> 8 & 0xff, a & 0xff};
    }

    static int[] ascii(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        int[] r = new int[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[i] & 0xff;
        return r;
    }

    private DhcpBytes address(int offset, String ip) {
        int[] b = ipBytes(ip);
        for (int i = 0; i < 4; i++) header[offset + i] = (byte) b[i];
        return this;
    }
}
