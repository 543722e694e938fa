package io.osprey.dissect.modbus;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds Modbus/TCP ADUs (MBAP header + PDU, big-endian) between a client (HMI) and a server (PLC). */
final class ModbusWire {
    static final SyntheticFrame HMI =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:80:f4:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PLC = HMI.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "00:80:f4:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 50000;

    private ModbusWire() {}

    /** Messaging §3.1.3: transaction 1, protocol 0, length = 1 + PDU, unit id, PDU. */
    static byte[] adu(int unit, int... pdu) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0);
        o.write(1);
        o.write(0);
        o.write(0);
        o.write(pdu.length + 1 >>> 8);
        o.write(pdu.length + 1 & 0xff);
        o.write(unit);
        for (int b : pdu) o.write(b);
        return o.toByteArray();
    }

    /** §6.21 response with conformity level 0x83, no more follows, and the objects given as id, text pairs. */
    static byte[] deviceIdentification(int unit, Object... objects) {
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(new byte[] {0x2b, 0x0e, 0x01, (byte) 0x83, 0, 0, (byte) (objects.length / 2)});
        for (int i = 0; i < objects.length; i += 2) {
            byte[] text = ((String) objects[i + 1]).getBytes(StandardCharsets.ISO_8859_1);
            pdu.write((Integer) objects[i]);
            pdu.write(text.length);
            pdu.writeBytes(text);
        }
        byte[] p = pdu.toByteArray();
        int[] ints = new int[p.length];
        for (int i = 0; i < p.length; i++) ints[i] = p[i] & 0xff;
        return adu(unit, ints);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] fromHmi(byte[] modbus) {
        return HMI.tcp(CLIENT_PORT, ModbusDissector.PORT, PSH | ACK, modbus);
    }

    static byte[] fromPlc(byte[] modbus) {
        return PLC.tcp(ModbusDissector.PORT, CLIENT_PORT, PSH | ACK, modbus);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new ModbusDissector());
        for (byte[] f : frames) o.feed(HMI, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new ModbusDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("modbus/" + name);
    }
}
