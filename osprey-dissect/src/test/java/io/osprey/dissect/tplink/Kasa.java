package io.osprey.dissect.tplink;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Kasa messages: JSON under the autokey cipher, between an app and a plug. */
final class Kasa {
    static final SyntheticFrame APP =
            SyntheticFrame.from("02:00:00:00:00:31", "192.168.0.31").to("50:c7:bf:00:c7:03", "192.168.0.20");
    static final SyntheticFrame PLUG = APP.reply();
    static final String A = "02:00:00:00:00:31/192.168.0.31 ";
    static final String P = "50:c7:bf:00:c7:03/192.168.0.20 ";

    /** An HS110(EU) reply to get_sysinfo, in the layout the community documents (python-kasa fixtures). */
    static final String HS110_SYSINFO = "{\"system\":{\"get_sysinfo\":{\"err_code\":0,"
            + "\"sw_ver\":\"1.2.5 Build 171213 Rel.101523\",\"hw_ver\":\"1.0\",\"type\":\"IOT.SMARTPLUGSWITCH\","
            + "\"model\":\"HS110(EU)\",\"mac\":\"50:C7:BF:00:C7:03\","
            + "\"deviceId\":\"8006A2F3D3C05F8B5A1C0A1F7C9D4E0B1A2B3C4D\",\"hwId\":\"45E29DA8382494D2E82688B52A0B2EB5\","
            + "\"fwId\":\"00000000000000000000000000000000\",\"oemId\":\"3D341ECE302C0642C99E31CE2430544B\","
            + "\"alias\":\"Kitchen \\\"kettle\\\" caf\\u00e9\",\"dev_name\":\"Wi-Fi Smart Plug With Energy Monitoring\","
            + "\"icon_hash\":\"\",\"relay_state\":1,\"on_time\":120,\"active_mode\":\"schedule\",\"feature\":\"TIM:ENE\","
            + "\"updating\":0,\"rssi\":-59,\"led_off\":0,\"latitude\":null,\"longitude\":0}}}";

    private Kasa() {}

    /** The autokey cipher: key 171, then each octet XOR the previous ciphertext octet. */
    static byte[] encrypt(String json) {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        byte[] c = new byte[p.length];
        int key = TplinkDissector.INITIAL_KEY;
        for (int i = 0; i < p.length; i++) {
            c[i] = (byte) (p[i] ^ key);
            key = c[i] & 0xff;
        }
        return c;
    }

    /** TCP framing: a 32-bit big-endian length, then the message. */
    static byte[] framed(String json) {
        byte[] c = encrypt(json);
        byte[] f = new byte[c.length + 4];
        f[0] = (byte) (c.length >>> 24);
        f[1] = (byte) (c.length >>> 16);
        f[2] = (byte) (c.length >>> 8);
        f[3] = (byte) c.length;
        System.arraycopy(c, 0, f, 4, c.length);
        return f;
    }

    static byte[] udpRequest(String json) {
        return APP.udp(50000, TplinkDissector.PORT, encrypt(json));
    }

    static byte[] udpReply(String json) {
        return PLUG.udp(TplinkDissector.PORT, 50000, encrypt(json));
    }

    static byte[] tcpRequest(String json) {
        return APP.tcp(50001, TplinkDissector.PORT, PSH | ACK, framed(json));
    }

    static byte[] tcpReply(String json) {
        return PLUG.tcp(TplinkDissector.PORT, 50001, PSH | ACK, framed(json));
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new TplinkDissector());
        for (byte[] f : frames) o.feed(APP, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new TplinkDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("tplink/" + name);
    }
}
