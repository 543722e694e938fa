package io.osprey.dissect.s7;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds TPKT (RFC 1006), COTP (X.224) and S7comm PDUs and runs them between an engineering station and a PLC. */
final class S7Wire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("02:00:00:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PLC = CLIENT.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String P = "02:00:00:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 49152;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static S7Wire bytes() {
        return new S7Wire();
    }

    S7Wire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    S7Wire u16(int v) {
        return u8(v >>> 8 & 0xff, v & 0xff);
    }

    S7Wire ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** {@code s} padded with {@code pad} to {@code n} octets. */
    S7Wire padded(String s, int n, int pad) {
        ascii(s);
        for (int i = s.length(); i < n; i++) out.write(pad);
        return this;
    }

    S7Wire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** RFC 1006 §6: version 3, reserved, length including the header. */
    static byte[] tpkt(byte[] cotp) {
        return bytes().u8(3, 0).u16(cotp.length + 4).bytes(cotp).build();
    }

    /** X.224 §13.7: DT with LI 2 and the EOT flag. */
    static byte[] dt(byte[] userData, boolean eot) {
        return tpkt(bytes().u8(2, 0xF0, eot ? 0x80 : 0).bytes(userData).build());
    }

    static byte[] dt(byte[] userData) {
        return dt(userData, true);
    }

    /** X.224 §13.3: CR with class 0, calling and called TSAP and TPDU size parameters. */
    static byte[] cr(byte[] calling, byte[] called) {
        byte[] params = bytes().u8(0xC1, calling.length).bytes(calling).u8(0xC2, called.length).bytes(called)
                .u8(0xC0, 1, 0x0A).build();
        return tpkt(bytes().u8(6 + params.length, 0xE0).u16(0).u16(0x0112).u8(0).bytes(params).build());
    }

    /** An S7comm header (10 octets; 12 with error class and code for ack and ack-data) with its parameter and data. */
    static byte[] s7(int rosctr, byte[] param, byte[] data) {
        S7Wire w = bytes().u8(0x32, rosctr).u16(0).u16(0x0100).u16(param.length).u16(data.length);
        if (rosctr == 2 || rosctr == 3) w.u16(0);
        return w.bytes(param).bytes(data).build();
    }

    static byte[] job(int... param) {
        return s7(1, bytes().u8(param).build(), new byte[0]);
    }

    /** A userdata response parameter (type 8) for a function group and subfunction, with its data unit fields. */
    static byte[] userdataResponse(int group, int subfunction, int unit, boolean last, byte[] data) {
        byte[] param = bytes().u8(0x00, 0x01, 0x12, 0x08, 0x12, 0x80 | group, subfunction, 2, unit, last ? 0 : 1)
                .u16(0).build();
        return s7(7, param, data);
    }

    static byte[] userdataRequest(int group, int subfunction, byte[] data) {
        byte[] param = bytes().u8(0x00, 0x01, 0x12, 0x04, 0x11, 0x40 | group, subfunction, 0).build();
        return s7(7, param, data);
    }

    /** Userdata data: return code success, octet string, length, then the content. */
    static byte[] szlData(byte[] content) {
        return bytes().u8(0xFF, 0x09).u16(content.length).bytes(content).build();
    }

    static byte[] fromClient(byte[] tcpPayload) {
        return CLIENT.tcp(CLIENT_PORT, S7Dissector.PORT, PSH | ACK, tcpPayload);
    }

    static byte[] fromPlc(byte[] tcpPayload) {
        return PLC.tcp(S7Dissector.PORT, CLIENT_PORT, PSH | ACK, tcpPayload);
    }

    static byte[] concat(byte[]... parts) {
        S7Wire w = bytes();
        for (byte[] p : parts) w.bytes(p);
        return w.build();
    }

    /** A pipeline with only the S7 dissector, fed the frames in order. */
    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new S7Dissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new S7Dissector());
    }

    static Path fixture(String name) {
        return Web.fixture("s7/" + name);
    }

    private S7Wire() {}
}
