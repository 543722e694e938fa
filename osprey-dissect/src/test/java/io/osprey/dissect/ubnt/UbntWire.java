package io.osprey.dissect.ubnt;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Ubiquiti discovery packets: version, command, length, then type-length-value records. */
final class UbntWire {
    static final SyntheticFrame CONTROLLER =
            SyntheticFrame.from("02:00:00:00:00:41", "192.168.1.2").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
    static final SyntheticFrame AP =
            SyntheticFrame.from("24:a4:3c:01:02:03", "192.168.1.20").to("02:00:00:00:00:41", "192.168.1.2");
    static final String D = "24:a4:3c:01:02:03/192.168.1.20 ";

    private final ByteArrayOutputStream tlvs = new ByteArrayOutputStream();

    static UbntWire tlvs() {
        return new UbntWire();
    }

    UbntWire tlv(int type, byte... value) {
        tlvs.write(type);
        tlvs.write(value.length >>> 8);
        tlvs.write(value.length & 0xff);
        tlvs.writeBytes(value);
        return this;
    }

    UbntWire tlv(int type, String value) {
        return tlv(type, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    byte[] packet(int version, int command) {
        byte[] t = tlvs.toByteArray();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(version);
        p.write(command);
        p.write(t.length >>> 8);
        p.write(t.length & 0xff);
        p.writeBytes(t);
        return p.toByteArray();
    }

    static byte[] reply(byte[] ubnt) {
        return AP.udp(UbntDissector.PORT, 45000, ubnt);
    }

    static Observed run(byte[]... frames) {
        Observed o = new Observed(new UbntDissector());
        for (byte[] f : frames) o.feed(AP, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new UbntDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("ubnt/" + name);
    }
}
