package io.osprey.dissect.melsec;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds SLMP binary 3E/4E frames (SH-080956ENG §3, little-endian) between a client (HMI) and a CPU. */
final class MelsecWire {
    static final SyntheticFrame HMI =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("10:4b:46:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PLC = HMI.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "10:4b:46:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 50000, PORT = 5007;

    private MelsecWire() {}

    /** 3E request: 50 00, network 0, station FF, module 03FF, multidrop 0, length, timer 0010, command, sub 0000. */
    static byte[] request3e(int command, int... data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x50, 0, 0, (byte) 0xff, (byte) 0xff, 3, 0});
        le(o, 6 + data.length);
        le(o, 0x10);
        le(o, command);
        le(o, 0);
        for (int b : data) o.write(b);
        return o.toByteArray();
    }

    /** 3E response: D0 00, the same addressing, length, end code, data. */
    static byte[] response3e(int endCode, byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0xd0, 0, 0, (byte) 0xff, (byte) 0xff, 3, 0});
        le(o, 2 + data.length);
        le(o, endCode);
        o.writeBytes(data);
        return o.toByteArray();
    }

    /** The 4E form: subheader 54 00 / D4 00, serial, 00 00, then the 3E frame after its subheader. */
    static byte[] fourE(byte[] threeE, int serial) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(threeE[0] == 0x50 ? 0x54 : 0xd4);
        o.write(0);
        le(o, serial);
        le(o, 0);
        o.write(threeE, 2, threeE.length - 2);
        return o.toByteArray();
    }

    /** §5-8 Read Type Name response data: model name padded with spaces to 16 octets, model code u16le. */
    static byte[] typeName(String model, int code) {
        byte[] d = new byte[18];
        java.util.Arrays.fill(d, 0, 16, (byte) ' ');
        byte[] m = model.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(m, 0, d, 0, Math.min(16, m.length));
        d[16] = (byte) code;
        d[17] = (byte) (code >>> 8);
        return d;
    }

    private static void le(ByteArrayOutputStream o, int v) {
        o.write(v & 0xff);
        o.write(v >>> 8 & 0xff);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] tcpFromHmi(byte[] payload) {
        return HMI.tcp(CLIENT_PORT, PORT, PSH | ACK, payload);
    }

    static byte[] tcpFromPlc(byte[] payload) {
        return PLC.tcp(PORT, CLIENT_PORT, PSH | ACK, payload);
    }

    static byte[] udpFromHmi(byte[] payload) {
        return HMI.udp(CLIENT_PORT, PORT, payload);
    }

    static byte[] udpFromPlc(byte[] payload) {
        return PLC.udp(PORT, CLIENT_PORT, payload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new MelsecDissector());
        for (byte[] f : frames) o.feed(HMI, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new MelsecDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("melsec/" + name);
    }
}
