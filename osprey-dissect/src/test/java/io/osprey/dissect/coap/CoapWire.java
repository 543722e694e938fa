package io.osprey.dissect.coap;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Builds CoAP messages (RFC 7252 §3) between a client and a server on 5683. */
final class CoapWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:21", "fd00::21").to("02:00:00:00:00:22", "fd00::22");
    static final SyntheticFrame SERVER = CLIENT.reply();
    static final String C = "02:00:00:00:00:21/fd00::21 ";
    static final String S = "02:00:00:00:00:22/fd00::22 ";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int lastOption;

    /** §3: version 1, type, token, code c.dd and a message ID. */
    static CoapWire message(int type, int codeClass, int detail, int messageId, byte... token) {
        CoapWire w = new CoapWire();
        w.out.write(1 << 6 | type << 4 | token.length);
        w.out.write(codeClass << 5 | detail);
        w.out.write(messageId >>> 8);
        w.out.write(messageId & 0xff);
        w.out.writeBytes(token);
        return w;
    }

    /** §3.1: an option, delta-encoded from the previous one, with extended delta and length when needed. */
    CoapWire option(int number, byte[] value) {
        int delta = number - lastOption;
        lastOption = number;
        int dn = nibble(delta), ln = nibble(value.length);
        out.write(dn << 4 | ln);
        extended(dn, delta);
        extended(ln, value.length);
        out.writeBytes(value);
        return this;
    }

    CoapWire option(int number, String value) {
        return option(number, value.getBytes(StandardCharsets.UTF_8));
    }

    CoapWire path(String path) {
        for (String segment : path.substring(1).split("/")) option(CoapDissector.OPTION_URI_PATH, segment);
        return this;
    }

    CoapWire uint(int number, int value) {
        if (value == 0) return option(number, new byte[0]);
        if (value < 256) return option(number, new byte[] {(byte) value});
        return option(number, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    byte[] payload(String text) {
        out.write(0xff);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static int nibble(int v) {
        return v < 13 ? v : v < 269 ? 13 : 14;
    }

    private void extended(int nibble, int v) {
        if (nibble == 13) out.write(v - 13);
        if (nibble == 14) {
            out.write(v - 269 >>> 8);
            out.write(v - 269 & 0xff);
        }
    }

    static byte[] fromClient(byte[] coap) {
        return CLIENT.udp(50000, CoapDissector.PORT, coap);
    }

    static byte[] fromServer(byte[] coap) {
        return SERVER.udp(CoapDissector.PORT, 50000, coap);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new CoapDissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new CoapDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("coap/" + name);
    }
}
