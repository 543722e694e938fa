package io.osprey.dissect.ads;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds AMS/TCP packets and ADS commands (Beckhoff TE1000 ADS specification, little-endian). */
final class AdsWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:01:05:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PLC = CLIENT.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String P = "00:01:05:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 49183;
    static final byte[] CLIENT_NET_ID = {10, 0, 0, 10, 1, 1};
    static final byte[] PLC_NET_ID = {5, 1, 2, 3, 1, 1};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static AdsWire bytes() {
        return new AdsWire();
    }

    AdsWire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    AdsWire u16(int v) {
        return u8(v & 0xff, v >>> 8 & 0xff);
    }

    AdsWire u32(long v) {
        return u16((int) (v & 0xffff)).u16((int) (v >>> 16 & 0xffff));
    }

    AdsWire raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** {@code s} NUL-padded to {@code n} octets. */
    AdsWire padded(String s, int n) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        raw(b);
        for (int i = b.length; i < n; i++) out.write(0);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** AMS/TCP header then the AMS header (target, source, command, flags, length, error, invoke id) and data. */
    static byte[] ams(byte[] target, int targetPort, byte[] source, int sourcePort, int command, int flags,
                      int error, byte[] data) {
        return bytes().u16(0).u32(32 + data.length).raw(target).u16(targetPort).raw(source).u16(sourcePort)
                .u16(command).u16(flags).u32(data.length).u32(error).u32(1).raw(data).build();
    }

    /** A request from the client (flags 0x0004) to AMS port {@code port} of the PLC. */
    static byte[] request(int port, int command, byte[] data) {
        return ams(PLC_NET_ID, port, CLIENT_NET_ID, 32785, command, 0x0004, 0, data);
    }

    /** A response (flags 0x0005) from AMS port {@code port} of the PLC. */
    static byte[] response(int port, int command, byte[] data) {
        return ams(CLIENT_NET_ID, 32785, PLC_NET_ID, port, command, 0x0005, 0, data);
    }

    static byte[] concat(byte[]... parts) {
        AdsWire w = bytes();
        for (byte[] p : parts) w.raw(p);
        return w.build();
    }

    static byte[] fromClient(byte[] payload) {
        return CLIENT.tcp(CLIENT_PORT, AdsDissector.PORT, PSH | ACK, payload);
    }

    static byte[] fromPlc(byte[] payload) {
        return PLC.tcp(AdsDissector.PORT, CLIENT_PORT, PSH | ACK, payload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new AdsDissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new AdsDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("ads/" + name);
    }

    private AdsWire() {}
}
