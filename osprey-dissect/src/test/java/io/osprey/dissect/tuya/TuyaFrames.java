package io.osprey.dissect.tuya;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;

/**
 * Tuya discovery broadcasts built by hand from the community-documented layout (tuya-convert, TinyTuya), as no
 * capture of one is available: 55AA frames with a return code, plain JSON (3.1) or JSON under AES-128-ECB with
 * the key MD5("yGAdlopoPVldABfn") (3.3+).
 */
final class TuyaFrames {
    static final SyntheticFrame PLUG =
            SyntheticFrame.from("d8:1f:12:34:56:78", "192.168.1.50").to("ff:ff:ff:ff:ff:ff", "255.255.255.255");
    static final String P = "d8:1f:12:34:56:78/192.168.1.50 ";
    static final int CMD_UDP = 0x00, CMD_UDP_NEW = 0x13;

    static final String V31_JSON = "{\"ip\":\"192.168.1.50\",\"gwId\":\"01200885ecfabc8f4c92\",\"active\":2,"
            + "\"ability\":0,\"mode\":0,\"encrypt\":false,\"productKey\":\"GYW4bTIlUfwakBxX\",\"version\":\"3.1\"}";
    static final String V33_JSON = "{\"ip\":\"192.168.1.50\",\"gwId\":\"bf3a5e0c7e8f1d2a4bq1xz\",\"active\":2,"
            + "\"ability\":0,\"mode\":0,\"encrypt\":true,\"productKey\":\"keyjup78v54myhan\",\"version\":\"3.3\","
            + "\"token\":true,\"wf_cfg\":true}";

    private TuyaFrames() {}

    /** prefix, sequence, command, length, return code 0, payload, CRC-32 of all before, suffix. */
    static byte[] frame(int command, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u32(b, 0x000055AA);
        u32(b, 0);
        u32(b, command);
        u32(b, 4 + payload.length + 8);
        u32(b, 0);
        b.writeBytes(payload);
        CRC32 crc = new CRC32();
        crc.update(b.toByteArray());
        u32(b, (int) crc.getValue());
        u32(b, 0x0000AA55);
        return b.toByteArray();
    }

    static byte[] plain(String json) {
        return frame(CMD_UDP, json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] encrypted(String json) {
        return frame(CMD_UDP_NEW, aes(json, "yGAdlopoPVldABfn"));
    }

    static byte[] aes(String json, String keySeed) {
        try {
            byte[] key = MessageDigest.getInstance("MD5").digest(keySeed.getBytes(StandardCharsets.US_ASCII));
            Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return c.doFinal(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void u32(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >>> 16);
        b.write(v >>> 8);
        b.write(v);
    }

    static byte[] broadcast(int port, byte[] tuya) {
        return PLUG.udp(63145, port, tuya);
    }

    static Observed run(byte[]... frames) {
        Observed o = new Observed(new TuyaDissector());
        for (byte[] f : frames) o.feed(PLUG, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new TuyaDissector());
    }
}
