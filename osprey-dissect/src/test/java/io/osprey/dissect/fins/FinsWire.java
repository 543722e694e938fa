package io.osprey.dissect.fins;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds FINS frames (W342 §3) and FINS/TCP wrappers (W421 §7-4) between a client (HMI) and a controller. */
final class FinsWire {
    static final SyntheticFrame HMI =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:00:0a:00:00:0b", "10.0.0.11");
    static final SyntheticFrame PLC = HMI.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "00:00:0a:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 50000;

    private FinsWire() {}

    /** A command: ICF 0x80 (gateway, command, response wanted), GCT 2, destination node 11, source node 10. */
    static byte[] command(int code, int... parameters) {
        ByteArrayOutputStream o = header(0x80, code);
        for (int b : parameters) o.write(b);
        return o.toByteArray();
    }

    /** A response: ICF 0xC0, the command code, the end code and the data. */
    static byte[] response(int code, int endCode, byte[] data) {
        ByteArrayOutputStream o = header(0xC0, code);
        o.write(endCode >>> 8);
        o.write(endCode & 0xff);
        o.writeBytes(data);
        return o.toByteArray();
    }

    private static ByteArrayOutputStream header(int icf, int code) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) icf, 0, 2, 0, 11, 0, 0, 10, 0, 5, (byte) (code >>> 8), (byte) code});
        return o;
    }

    /** W342 §5-3-7 response data: model, version (20 octets each), 40 octets for system use, then area data. */
    static byte[] controllerData(String model, String version, int programArea, int dmWords) {
        byte[] d = new byte[20 + 20 + 40 + 12];
        byte[] m = model.getBytes(StandardCharsets.ISO_8859_1), v = version.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(m, 0, d, 0, Math.min(20, m.length));
        System.arraycopy(v, 0, d, 20, Math.min(20, v.length));
        d[80] = (byte) (programArea >>> 8);
        d[81] = (byte) programArea;
        d[83] = (byte) (dmWords >>> 8);
        d[84] = (byte) dmWords;
        return d;
    }

    /** W421 §7-4: "FINS", length of what follows the length field, command, error code, then the frame. */
    static byte[] tcp(int command, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(Web.ascii("FINS"));
        int length = 8 + body.length;
        o.writeBytes(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        o.writeBytes(new byte[] {0, 0, 0, (byte) command, 0, 0, 0, 0});
        o.writeBytes(body);
        return o.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] udpFromHmi(byte[] fins) {
        return HMI.udp(FinsDissector.PORT, FinsDissector.PORT, fins);
    }

    static byte[] udpFromPlc(byte[] fins) {
        return PLC.udp(FinsDissector.PORT, FinsDissector.PORT, fins);
    }

    static byte[] tcpFromHmi(byte[] payload) {
        return HMI.tcp(CLIENT_PORT, FinsDissector.PORT, PSH | ACK, payload);
    }

    static byte[] tcpFromPlc(byte[] payload) {
        return PLC.tcp(FinsDissector.PORT, CLIENT_PORT, PSH | ACK, payload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new FinsDissector());
        for (byte[] f : frames) o.feed(HMI, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new FinsDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("fins/" + name);
    }
}
