package io.osprey.dissect.tuya;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.tplink.JsonText;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Tuya local protocol discovery broadcasts (community-documented, e.g. tuya-convert and TinyTuya; Tuya publishes no
 * specification). A device broadcasts one frame every few seconds:
 * <pre>
 * 0      4     8     12       16                          end-8  end-4
 * +------+-----+-----+--------+------------+---------------+------+--------+
 * |55AA  | seq | cmd | length | [retcode]  | payload       | CRC  | AA55   |   length = octets after the length
 * +------+-----+-----+--------+------------+---------------+------+--------+   field (prefix 0x000055AA, suffix
 *                                                                              0x0000AA55)
 * </pre>
 * On UDP 6666 (protocol 3.1) the payload is the JSON text; on UDP 6667 (3.3, 3.4) it is that JSON encrypted with
 * AES-128-ECB (PKCS#7 padding) under a key every device shares, the MD5 of "yGAdlopoPVldABfn", which this
 * dissector undoes; protocol 3.5 devices (UDP 7000 and 6667) use a 0x00006699 prefix and AES-GCM, reported only as
 * version 3.5. The members of {@link TuyaAttributes} are reported about the sender, and the stated {@code ip} as a
 * binding of the sender's MAC.
 */
public final class TuyaDissector implements Dissector {
    public static final String NAME = "tuya";
    public static final int PORT_PLAIN = 6666;
    public static final int PORT_ENCRYPTED = 6667;
    public static final int PORT_V35 = 7000;
    static final long PREFIX_55AA = 0x000055AAL;
    static final long SUFFIX_55AA = 0x0000AA55L;
    static final long PREFIX_6699 = 0x00006699L;
    static final int HEADER_LENGTH = 16;
    /** CRC (or HMAC-less checksum) and suffix after the payload. */
    static final int TRAILER_LENGTH = 8;
    static final int RETCODE_LENGTH = 4;
    static final int AES_BLOCK = 16;
    /** "3.3" and 12 octets (CRC, sequence, source) that some 3.3 frames put before the ciphertext. */
    static final int VERSION_HEADER_LENGTH = 15;
    /** Octets of payload read: a broadcast's JSON is 150–300 octets. */
    public static final int MAX_PAYLOAD_LENGTH = 1024;
    public static final int MAX_VALUE_LENGTH = 64;
    /** Distinct (sender, payload) pairs remembered, so a repeated broadcast is neither decrypted nor scanned again. */
    public static final int MAX_SEEN_PAYLOADS = 4096;

    private static final String UDP_KEY_SEED = "yGAdlopoPVldABfn";

    private final byte[] cipherText = new byte[MAX_PAYLOAD_LENGTH];
    private final byte[] plain = new byte[MAX_PAYLOAD_LENGTH];
    private final JsonText json = new JsonText();
    private final ValueBuffer value = new ValueBuffer();
    private final ActivityTable seen = new ActivityTable(64, MAX_SEEN_PAYLOADS);
    /** Keyed by MAC: broadcasts stay on the link, the frame's source is the device. */
    private final ReportedFacts reported = new ReportedFacts(NAME, true);
    private final Cipher cipher = udpCipher();
    private long notTuya;
    private long undecrypted;

    @Override
    public String name() {
        return NAME;
    }

    /** Every packet: a device broadcasts from one port to the same address and port for as long as it runs. */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT_PLAIN, PORT_ENCRYPTED, PORT_V35).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp()) return;
        long prefix = payload.u32(0);
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (prefix == PREFIX_6699) {
            value.clear().append("3.5");
            reported.attribute(sink, mac, hi, lo, TuyaAttributes.VERSION, value, TuyaAttributes.INFERRED, ts);
            return;
        }
        long length = payload.u32(12);
        if (prefix != PREFIX_55AA || length < TRAILER_LENGTH || length > payload.length() - HEADER_LENGTH
                || payload.u32((int) (HEADER_LENGTH + length - 4)) != SUFFIX_55AA) {
            notTuya++;
            return;
        }
        int at = HEADER_LENGTH;
        int end = (int) (HEADER_LENGTH + length - TRAILER_LENGTH);
        // a device's frames carry a return code; JSON starts with '{' and ciphertext fills whole AES blocks
        if (end - at >= RETCODE_LENGTH && (payload.u8(at) == 0 || (end - at) % AES_BLOCK == RETCODE_LENGTH)) {
            at += RETCODE_LENGTH;
        }
        if (payload.startsWith(at, "3.")) at += VERSION_HEADER_LENGTH;
        int n = Math.min(end - at, MAX_PAYLOAD_LENGTH);
        if (n <= 0) {
            notTuya++;
            return;
        }
        if (!isNew(payload, at, n, mac, lo)) return;
        int plainLength = payload.u8(at) == '{' ? payload.copy(at, plain, 0, n) : decrypt(payload, at, n);
        if (plainLength <= 0) return;
        json.wrap(plain, plainLength);
        report(sink, mac, hi, lo, ts, "gwId", TuyaAttributes.DEVICE_ID);
        report(sink, mac, hi, lo, ts, "productKey", TuyaAttributes.PRODUCT_KEY);
        report(sink, mac, hi, lo, ts, "version", TuyaAttributes.VERSION);
        if (report(sink, mac, hi, lo, ts, "ip", TuyaAttributes.IP)) {
            int ip = ipv4(value);
            if (ip != 0) reported.binding(sink, mac, 0, 0xffff_0000_0000L | ip & 0xffff_ffffL, ts);
        }
    }

    /** True the first time this sender sends these payload octets (a broadcast repeats them unchanged). */
    private boolean isNew(Payload payload, int at, int n, long mac, long ipLo) {
        long h = 0xcbf29ce484222325L;
        for (int i = at; i < at + n; i++) h = (h ^ payload.u8(i)) * 0x100000001b3L;
        seen.add(mac, ipLo, h);
        if (!seen.lastWasNew()) return false;
        if (seen.full()) seen.clear();
        return true;
    }

    /** AES-128-ECB with the shared UDP key; returns the plaintext length without its PKCS#7 padding, or -1. */
    private int decrypt(Payload payload, int at, int n) {
        if (cipher == null || n % AES_BLOCK != 0) {
            undecrypted++;
            return -1;
        }
        payload.copy(at, cipherText, 0, n);
        int out;
        try {
            out = cipher.doFinal(cipherText, 0, n, plain, 0);
        } catch (GeneralSecurityException e) {
            undecrypted++;
            return -1;
        }
        int pad = out > 0 ? plain[out - 1] & 0xff : 0;
        if (pad < 1 || pad > AES_BLOCK || plain[0] != '{') {
            undecrypted++;
            return -1;
        }
        return out - pad;
    }

    private boolean report(ObservationSink sink, long mac, long hi, long lo, long ts, String key, String attribute) {
        if (!json.value(key, value.clear(), MAX_VALUE_LENGTH) || value.isEmpty()) return false;
        reported.attribute(sink, mac, hi, lo, attribute, value, TuyaAttributes.STATED, ts);
        return true;
    }

    /** The dotted-quad in the buffer as an int, or 0 when it is not one. */
    private static int ipv4(ValueBuffer text) {
        if (text.length() > 15) return 0;
        try {
            return Addresses.parseIpv4(text.text());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static Cipher udpCipher() {
        try {
            byte[] key = MessageDigest.getInstance("MD5").digest(UDP_KEY_SEED.getBytes(StandardCharsets.US_ASCII));
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            return c;
        } catch (GeneralSecurityException e) {
            return null; // a JRE without AES: versions 3.3+ go unread, counted in undecrypted()
        }
    }

    /** Frames on the ports without the 55AA framing. */
    public long notTuya() { return notTuya; }

    /** Encrypted payloads that did not decrypt to JSON. */
    public long undecrypted() { return undecrypted; }
}
