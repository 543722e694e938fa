package io.osprey.dissect.netbios;

import io.osprey.dissect.dns.DnsMessage;
import io.osprey.dissect.dns.DnsWire;
import io.osprey.packet.decode.Addresses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds NetBIOS name service messages and browser datagrams for tests. */
final class NetbiosWire {
    static final int NB = DnsMessage.TYPE_NB, NBSTAT = DnsMessage.TYPE_NBSTAT;
    static final int UNIQUE = 0x6000, GROUP = 0xe000; // H-node, G bit (RFC 1002 §4.2.1.3)

    private NetbiosWire() {}

    /** The 16 octets of a NetBIOS name: {@code name} padded with spaces, then the suffix (RFC 1001 §14.1). */
    static byte[] raw(String name, int suffix) {
        byte[] r = new byte[16];
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 15; i++) r[i] = i < n.length ? n[i] : (byte) ' ';
        r[15] = (byte) suffix;
        return r;
    }

    /** First-level encoding: each octet as two letters 'A' + nibble. */
    static String encoded(byte[] raw) {
        StringBuilder s = new StringBuilder(32);
        for (byte b : raw) s.append((char) ('A' + (b >> 4 & 0xf))).append((char) ('A' + (b & 0xf)));
        return s.toString();
    }

    static String encoded(String name, int suffix) {
        return encoded(raw(name, suffix));
    }

    static byte[] entry(int flags, String ip) {
        byte[] a = DnsWire.a(ip);
        return new byte[] {(byte) (flags >>> 8), (byte) flags, a[0], a[1], a[2], a[3]};
    }

    /** A broadcast name registration (RFC 1002 §4.2.2): opcode 5, RD and B set, the name in the additional record. */
    static byte[] registration(String name, int suffix, int flags, String ip) {
        return DnsWire.message(0x8001, 0x2910, 1, 0, 0, 1)
                .question(encoded(name, suffix), NB)
                .pointer(12).fixed(NB, 1, entry(flags, ip)).bytes();
    }

    /** A name query request (RFC 1002 §4.2.12). */
    static byte[] query(String name, int suffix, int type) {
        return DnsWire.message(0x8002, 0x0110, 1, 0, 0, 0).question(encoded(name, suffix), type).bytes();
    }

    static byte[] nodeStatusQuery() {
        byte[] star = new byte[16];
        star[0] = '*';
        return DnsWire.message(0x8003, 0, 1, 0, 0, 0).question(encoded(star), NBSTAT).bytes();
    }

    /** A positive name query response (RFC 1002 §4.2.13). */
    static byte[] positiveResponse(String name, int suffix, byte[]... entries) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        for (byte[] e : entries) r.writeBytes(e);
        return DnsWire.message(0x8002, 0x8500, 0, 1, 0, 0).record(encoded(name, suffix), NB, r.toByteArray()).bytes();
    }

    /** A node status response (RFC 1002 §4.2.18) listing (name, suffix, flags) and the unit id. */
    static byte[] nodeStatusResponse(Object[][] names, String unitId) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.write(names.length);
        for (Object[] n : names) {
            r.writeBytes(raw((String) n[0], (Integer) n[1]));
            int flags = (Integer) n[2];
            r.write(flags >>> 8);
            r.write(flags);
        }
        long mac = Addresses.parseMac(unitId);
        for (int i = 5; i >= 0; i--) r.write((int) (mac >>> 8 * i));
        r.writeBytes(new byte[40]);
        byte[] star = new byte[16];
        star[0] = '*';
        return DnsWire.message(0x8003, 0x8400, 0, 1, 0, 0).record(encoded(star), NBSTAT, r.toByteArray()).bytes();
    }

    // ---- browser

    /**
     * A NetBIOS direct group datagram (RFC 1002 §4.4.1) carrying an SMB transaction to {@code mailslot} whose data
     * is {@code message}.
     */
    static byte[] datagram(String sourceIp, String source, int sourceSuffix, String destination, int destinationSuffix,
                           String mailslot, byte[] message) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.write(0x11);
        d.write(0x0e);
        u16(d, 0x891d);
        d.writeBytes(DnsWire.a(sourceIp));
        u16(d, 138);
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.writeBytes(DnsWire.nameRdata(encoded(source, sourceSuffix)));
        names.writeBytes(DnsWire.nameRdata(encoded(destination, destinationSuffix)));
        byte[] smb = smbMailslot(mailslot, message);
        u16(d, names.size() + smb.length);
        u16(d, 0);
        d.writeBytes(names.toByteArray());
        d.writeBytes(smb);
        return d.toByteArray();
    }

    static byte[] smbMailslot(String mailslot, byte[] message) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(0xff);
        s.writeBytes("SMB".getBytes(StandardCharsets.US_ASCII));
        s.write(0x25);
        s.writeBytes(new byte[27]);
        byte[] name = (mailslot + "\0").getBytes(StandardCharsets.US_ASCII);
        int dataOffset = 32 + 1 + 34 + 2 + name.length;
        s.write(17);
        le16(s, 0); le16(s, message.length); le16(s, 0); le16(s, 0);
        s.write(0); s.write(0); le16(s, 0); le16(s, 0); le16(s, 0); le16(s, 0);
        le16(s, 0); le16(s, dataOffset); le16(s, message.length); le16(s, dataOffset);
        s.write(3); s.write(0);
        le16(s, 1); le16(s, 0); le16(s, 2);
        le16(s, name.length + message.length);
        s.writeBytes(name);
        s.writeBytes(message);
        return s.toByteArray();
    }

    /** MS-BRWS §2.2.1 host announcement (opcode 1), or another opcode of the same layout. */
    static byte[] announcement(int opcode, String serverName, int osMajor, int osMinor, long serverType, String comment) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.write(opcode);
        a.write(0);
        le16(a, 0x7c80); le16(a, 0x000a);
        byte[] n = new byte[16];
        byte[] s = serverName.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, n, 0, s.length);
        a.writeBytes(n);
        a.write(osMajor);
        a.write(osMinor);
        le16(a, (int) serverType); le16(a, (int) (serverType >>> 16));
        a.write(15);
        a.write(1);
        le16(a, 0xaa55);
        a.writeBytes(comment.getBytes(StandardCharsets.US_ASCII));
        a.write(0);
        return a.toByteArray();
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >>> 8);
        o.write(v);
    }

    private static void le16(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
    }
}
