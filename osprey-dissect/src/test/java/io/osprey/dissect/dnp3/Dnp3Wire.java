package io.osprey.dissect.dnp3;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds DNP3 link frames (IEEE 1815-2012 §9.2, with real CRCs) between a master and an outstation. */
final class Dnp3Wire {
    static final SyntheticFrame MASTER =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:80:f4:00:00:0b", "10.0.0.11");
    static final SyntheticFrame OUTSTATION = MASTER.reply();
    static final String M = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String O = "00:80:f4:00:00:0b/10.0.0.11 ";
    static final int MASTER_PORT = 50000;
    static final int MASTER_ADDRESS = 1, OUTSTATION_ADDRESS = 10;

    private Dnp3Wire() {}

    /** A primary unconfirmed-user-data frame (§9.2.4.1.3) carrying one transport segment of the given user data. */
    static byte[] link(boolean fromMaster, int destination, int source, int... userData) {
        int control = (fromMaster ? 0x80 : 0) | 0x40 | Dnp3Dissector.UNCONFIRMED_USER_DATA;
        return linkFrame(control, destination, source, userData);
    }

    static byte[] linkFrame(int control, int destination, int source, int... userData) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] header = {0x05, 0x64, (byte) (5 + userData.length), (byte) control, (byte) destination,
                (byte) (destination >>> 8), (byte) source, (byte) (source >>> 8)};
        o.writeBytes(header);
        writeCrc(o, header, header.length);
        for (int i = 0; i < userData.length; i += 16) {
            int n = Math.min(16, userData.length - i);
            byte[] block = new byte[n];
            for (int k = 0; k < n; k++) block[k] = (byte) userData[i + k];
            o.writeBytes(block);
            writeCrc(o, block, n);
        }
        return o.toByteArray();
    }

    /** A master request: transport FIR|FIN seq 0, application control FIR|FIN seq 0, function, object headers. */
    static byte[] request(int function, int... objects) {
        return link(true, OUTSTATION_ADDRESS, MASTER_ADDRESS, prepend(new int[] {0xc0, 0xc0, function}, objects));
    }

    /** An outstation response (§4.2.2.6): transport, application control, function, IIN1, IIN2, objects. */
    static byte[] response(int function, int iin1, int iin2, int... objects) {
        return link(false, MASTER_ADDRESS, OUTSTATION_ADDRESS,
                prepend(new int[] {0xc0, function == 130 ? 0xf0 : 0xc0, function, iin1, iin2}, objects));
    }

    private static int[] prepend(int[] head, int[] tail) {
        int[] r = new int[head.length + tail.length];
        System.arraycopy(head, 0, r, 0, head.length);
        System.arraycopy(tail, 0, r, head.length, tail.length);
        return r;
    }

    /** §9.2.4.1.4 (Annex: CRC-16 polynomial 0x3D65, reflected, complemented), low octet first. */
    private static void writeCrc(ByteArrayOutputStream o, byte[] data, int n) {
        int crc = 0;
        for (int i = 0; i < n; i++) {
            crc ^= data[i] & 0xff;
            for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? crc >>> 1 ^ 0xa6bc : crc >>> 1;
        }
        crc = ~crc & 0xffff;
        o.write(crc & 0xff);
        o.write(crc >>> 8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] fromMaster(byte[] dnp3) {
        return MASTER.tcp(MASTER_PORT, Dnp3Dissector.PORT, PSH | ACK, dnp3);
    }

    static byte[] fromOutstation(byte[] dnp3) {
        return OUTSTATION.tcp(Dnp3Dissector.PORT, MASTER_PORT, PSH | ACK, dnp3);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new Dnp3Dissector());
        for (byte[] f : frames) o.feed(MASTER, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new Dnp3Dissector());
    }

    static Path fixture(String name) {
        return Web.fixture("dnp3/" + name);
    }
}
