package io.osprey.dissect.hartip;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds HART-IP messages (HCF_SPEC-085) and HART frames (HCF_SPEC-081) between a host and a HART-IP device. */
final class HartipWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:26:16:00:00:0b", "10.0.0.11");
    static final SyntheticFrame DEVICE = CLIENT.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String D = "00:26:16:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 49559;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static HartipWire bytes() {
        return new HartipWire();
    }

    HartipWire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    HartipWire u16(int v) {
        return u8(v >>> 8 & 0xff, v & 0xff);
    }

    HartipWire raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** HART-IP header (version 1) around a body. */
    static byte[] message(int type, int id, byte[] body) {
        return bytes().u8(1, type, id, 0).u16(3).u16(8 + body.length).raw(body).build();
    }

    /** A long-frame request (delimiter 0x82) to address 26 4e 00 00 d2. */
    static byte[] request(int command, byte[] data) {
        return bytes().u8(0x82, 0xa6, 0x4e, 0x00, 0x00, 0xd2, command, data.length).raw(data).u8(0).build();
    }

    /** A long-frame answer (delimiter 0x86) with response code and device status. */
    static byte[] answer(int command, int responseCode, byte[] data) {
        return bytes().u8(0x86, 0xa6, 0x4e, 0x00, 0x00, 0xd2, command, data.length + 2, responseCode, 0xd0).raw(data)
                .u8(0).build();
    }

    static byte[] pdu(boolean request, byte[] frame) {
        return message(request ? 0 : 1, 3, frame);
    }

    static byte[] fromClient(byte[] payload) {
        return CLIENT.tcp(CLIENT_PORT, HartipDissector.PORT, PSH | ACK, payload);
    }

    static byte[] fromDevice(byte[] payload) {
        return DEVICE.tcp(HartipDissector.PORT, CLIENT_PORT, PSH | ACK, payload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new HartipDissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new HartipDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("hartip/" + name);
    }

    private HartipWire() {}
}
