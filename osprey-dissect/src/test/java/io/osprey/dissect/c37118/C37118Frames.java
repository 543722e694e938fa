package io.osprey.dissect.c37118;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Builds IEEE C37.118.2 frames (common header, body, CRC-CCITT) between a PDC and a PMU. */
final class C37118Frames {
    static final SyntheticFrame PDC =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("02:00:00:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PMU = PDC.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "02:00:00:00:00:0b/10.0.0.11 ";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private C37118Frames() {}

    static C37118Frames body() {
        return new C37118Frames();
    }

    C37118Frames u8(int... v) {
        for (int x : v) out.write(x);
        return this;
    }

    C37118Frames u16(int... v) {
        for (int x : v) u8(x >>> 8 & 0xFF, x & 0xFF);
        return this;
    }

    C37118Frames u32(int v) {
        return u16(v >>> 16, v & 0xFFFF);
    }

    /** {@code s} padded with blanks to {@code n} octets (CFG-1/2 names). */
    C37118Frames name(String s, int n) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = s.length(); i < n; i++) out.write(' ');
        return this;
    }

    /** A length octet and the name (CFG-3). */
    C37118Frames shortName(String s) {
        out.write(s.length());
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** Common header (SYNC, FRAMESIZE, IDCODE, SOC, FRACSEC), the body and the CRC-CCITT (§6.2). */
    static byte[] frame(int type, int version, int idCode, byte[] body) {
        int size = 14 + body.length + 2;
        C37118Frames f = body().u8(0xAA, type << 4 | version).u16(size, idCode).u32(0x48933743).u32(0x0007EF40);
        f.out.writeBytes(body);
        byte[] b = f.build();
        int crc = crc(b);
        return f.u16(crc).build();
    }

    static byte[] command(int cmd) {
        return frame(4, 1, 60, body().u16(cmd).build());
    }

    /** CRC-CCITT, computed bit by bit from the polynomial 0x1021 with initial value 0xFFFF. */
    static int crc(byte[] b) {
        int crc = 0xFFFF;
        for (byte x : b) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean top = ((crc >>> 15) & 1) != ((x >>> bit) & 1);
                crc = (crc << 1) & 0xFFFF;
                if (top) crc ^= 0x1021;
            }
        }
        return crc;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] fromPdcUdp(byte[] payload) {
        return PDC.udp(4712, 4713, payload);
    }

    static byte[] fromPmuUdp(byte[] payload) {
        return PMU.udp(4713, 4712, payload);
    }

    static byte[] fromPdcTcp(byte[] payload) {
        return PDC.tcp(50000, 4712, SyntheticFrame.PSH | SyntheticFrame.ACK, payload);
    }

    static byte[] fromPmuTcp(byte[] payload) {
        return PMU.tcp(4712, 50000, SyntheticFrame.PSH | SyntheticFrame.ACK, payload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new C37118Dissector());
        for (byte[] f : frames) o.feed(PDC, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new C37118Dissector());
    }

    static Path fixture(String name) {
        return Web.fixture("c37118/" + name);
    }
}
