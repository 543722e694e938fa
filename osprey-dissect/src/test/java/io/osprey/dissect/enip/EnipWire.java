package io.osprey.dissect.enip;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds EtherNet/IP encapsulation messages (CIP Vol. 2 ch. 2, little-endian) between a scanner and a device. */
final class EnipWire {
    static final SyntheticFrame SCANNER =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:00:bc:00:00:0b", "10.0.0.11");
    static final SyntheticFrame DEVICE = SCANNER.reply();
    static final String S = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String D = "00:00:bc:00:00:0b/10.0.0.11 ";
    static final int SCANNER_PORT = 50000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static EnipWire body() {
        return new EnipWire();
    }

    EnipWire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    EnipWire u16(int v) {
        return u8(v & 0xff, v >>> 8 & 0xff);
    }

    EnipWire u32(long v) {
        return u16((int) (v & 0xffff)).u16((int) (v >>> 16 & 0xffff));
    }

    EnipWire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    EnipWire shortString(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return u8(b.length).bytes(b);
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** §2-3.1: the 24-octet header (session 0x11223344, status, context, options 0) and the body. */
    static byte[] message(int command, long status, byte[] data) {
        return body().u16(command).u16(data.length).u32(0x11223344L).u32(status)
                .bytes("ctx-0001".getBytes(StandardCharsets.US_ASCII)).u32(0).bytes(data).build();
    }

    /** Table 2-4.4: a CIP Identity item (type 0x0C) with socket address 10.0.0.11:44818. */
    static byte[] identityItem(int vendor, int deviceType, int productCode, int major, int minor, long serial,
                               String productName, int state) {
        byte[] item = body().u16(1)
                .u8(0, 2, 0xaf, 0x12, 10, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0) // sockaddr_in, big-endian
                .u16(vendor).u16(deviceType).u16(productCode).u8(major, minor).u16(0x0030).u32(serial)
                .shortString(productName).u8(state).build();
        return body().u16(0x0c).u16(item.length).bytes(item).build();
    }

    static byte[] listIdentityReply(byte[]... items) {
        EnipWire w = body().u16(items.length);
        for (byte[] i : items) w.bytes(i);
        return message(0x63, 0, w.build());
    }

    /** §2-4.7: SendRRData with a null address item and an unconnected data item holding {@code cip}. */
    static byte[] sendRrData(byte[] cip) {
        return message(0x6f, 0, body().u32(0).u16(5).u16(2).u16(0).u16(0).u16(0xb2).u16(cip.length).bytes(cip).build());
    }

    /** §2-4.8: SendUnitData with a connected address item and a connected data item (sequence count, then CIP). */
    static byte[] sendUnitData(byte[] cip) {
        return message(0x70, 0, body().u32(0).u16(0).u16(2).u16(0xa1).u16(4).u32(0x80fe0001L)
                .u16(0xb1).u16(cip.length + 2).u16(7).bytes(cip).build());
    }

    /** CIP Vol. 1 §2-4.1: service, path size in words, path, data. */
    static byte[] request(int service, int[] path, byte[] data) {
        EnipWire w = body().u8(service, path.length / 2);
        for (int p : path) w.u8(p);
        return w.bytes(data).build();
    }

    static byte[] request(int service, int... path) {
        return request(service, path, new byte[0]);
    }

    static byte[] fromScanner(byte[] enip) {
        return SCANNER.tcp(SCANNER_PORT, EnipDissector.PORT, PSH | ACK, enip);
    }

    static byte[] fromDevice(byte[] enip) {
        return DEVICE.tcp(EnipDissector.PORT, SCANNER_PORT, PSH | ACK, enip);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new EnipDissector());
        for (byte[] f : frames) o.feed(SCANNER, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new EnipDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("enip/" + name);
    }
}
