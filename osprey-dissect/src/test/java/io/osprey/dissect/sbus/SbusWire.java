package io.osprey.dissect.sbus;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;

/** Builds Ether-S-Bus telegrams (SBC manual 26/739) between a SCADA client and a PCD, with their CRC-16. */
final class SbusWire {
    static final SyntheticFrame SCADA =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:50:c2:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PCD = SCADA.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "00:50:c2:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 50123;

    private SbusWire() {}

    /** A request: destination station, command, data. */
    static byte[] request(int sequence, int station, int command, int... data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) station;
        body[1] = (byte) command;
        for (int i = 0; i < data.length; i++) body[2 + i] = (byte) data[i];
        return telegram(sequence, SbusDissector.REQUEST, body);
    }

    static byte[] response(int sequence, byte[] data) {
        return telegram(sequence, SbusDissector.RESPONSE, data);
    }

    static byte[] ackNak(int sequence, int code) {
        return telegram(sequence, SbusDissector.ACK_NAK, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /** Length u32, version 1, protocol type 0, sequence u16, attribute, the body, then the CRC-16 of all that. */
    static byte[] telegram(int sequence, int attribute, byte[] body) {
        int length = SbusDissector.HEADER_LENGTH + body.length + SbusDissector.CRC_LENGTH;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
                1, 0, (byte) (sequence >>> 8), (byte) sequence, (byte) attribute});
        o.writeBytes(body);
        int crc = crc(o.toByteArray());
        o.write(crc >>> 8);
        o.write(crc & 0xFF);
        return o.toByteArray();
    }

    /** CRC-16, CCITT polynomial, initial value 0 (written independently of the dissector's). */
    static int crc(byte[] b) {
        int crc = 0;
        for (byte x : b) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean top = ((crc >>> 15) ^ (x >>> bit & 1)) != 0;
                crc = crc << 1 & 0xFFFF;
                if (top) crc ^= 0x1021;
            }
        }
        return crc;
    }

    static byte[] fromScada(byte[] telegram) {
        return SCADA.udp(CLIENT_PORT, SbusDissector.PORT, telegram);
    }

    static byte[] fromPcd(byte[] telegram) {
        return PCD.udp(SbusDissector.PORT, CLIENT_PORT, telegram);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new SbusDissector());
        for (byte[] f : frames) o.feed(SCADA, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new SbusDissector());
    }
}
