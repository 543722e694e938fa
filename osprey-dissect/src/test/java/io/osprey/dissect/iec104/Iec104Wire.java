package io.osprey.dissect.iec104;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds IEC 60870-5-104 APDUs between a controlling station (SCADA) and a controlled one (RTU). */
final class Iec104Wire {
    static final SyntheticFrame SCADA =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:80:f4:00:00:0b", "10.0.0.11");
    static final SyntheticFrame RTU = SCADA.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String R = "00:80:f4:00:00:0b/10.0.0.11 ";
    static final int SCADA_PORT = 50000;

    private Iec104Wire() {}

    /** §5.3 U-format: STARTDT act 0x07, STARTDT con 0x0b, TESTFR act 0x43, TESTFR con 0x83. */
    static byte[] uFormat(int function) {
        return new byte[] {0x68, 4, (byte) function, 0, 0, 0};
    }

    /** §5.2 S-format with receive sequence number 1. */
    static byte[] sFormat() {
        return new byte[] {0x68, 4, 1, 0, 2, 0};
    }

    /**
     * §5.1 I-format (send and receive sequence 0) with an ASDU: type, VSQ 1, COT octet (cause | T | P/N), originator
     * 0, common address (u16le), then the information object octets.
     */
    static byte[] iFormat(int type, int cot, int commonAddress, int... objects) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x68);
        o.write(4 + 6 + objects.length);
        o.writeBytes(new byte[] {0, 0, 0, 0});
        o.write(type);
        o.write(1);
        o.write(cot);
        o.write(0);
        o.write(commonAddress & 0xff);
        o.write(commonAddress >>> 8);
        for (int b : objects) o.write(b);
        return o.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] fromScada(byte[] apdus) {
        return SCADA.tcp(SCADA_PORT, Iec104Dissector.PORT, PSH | ACK, apdus);
    }

    static byte[] fromRtu(byte[] apdus) {
        return RTU.tcp(Iec104Dissector.PORT, SCADA_PORT, PSH | ACK, apdus);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new Iec104Dissector());
        for (byte[] f : frames) o.feed(SCADA, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new Iec104Dissector());
    }

    static Path fixture(String name) {
        return Web.fixture("iec104/" + name);
    }
}
