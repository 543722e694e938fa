package io.osprey.dissect.ipp;

import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** IPP messages in the encoding of RFC 8010 §3, and TCP segments carrying them with chosen sequence numbers. */
final class IppWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("00:1b:63:98:bf:36", "10.10.10.49").to("00:12:79:80:69:60", "10.10.10.251");
    static final SyntheticFrame PRINTER = CLIENT.reply();
    /** Offset of the TCP sequence number in a SyntheticFrame IPv4 segment: Ethernet 14 + IPv4 20 + ports 4. */
    static final int SEQ_OFFSET = 38;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** version 1.1 | operation-id or status-code | request-id 1 | operation attributes charset and language. */
    static IppWire message(int operationOrStatus) {
        IppWire w = new IppWire();
        w.out.write(1); w.out.write(1); w.u16(operationOrStatus); w.u16(0); w.u16(1);
        w.group(0x01).attribute(0x47, "attributes-charset", "utf-8").attribute(0x48, "attributes-natural-language", "en-us");
        return w;
    }

    IppWire group(int tag) {
        out.write(tag);
        return this;
    }

    IppWire attribute(int tag, String name, String value) {
        return attribute(tag, name, value.getBytes(StandardCharsets.UTF_8));
    }

    IppWire attribute(int tag, String name, byte[] value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        out.write(tag); u16(n.length); out.writeBytes(n); u16(value.length); out.writeBytes(value);
        return this;
    }

    /** textWithLanguage / nameWithLanguage (§3.9): language length | language | text length | text. */
    IppWire withLanguage(int tag, String name, String language, String text) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        byte[] l = language.getBytes(StandardCharsets.US_ASCII), t = text.getBytes(StandardCharsets.UTF_8);
        v.write(l.length >>> 8); v.write(l.length); v.writeBytes(l); v.write(t.length >>> 8); v.write(t.length); v.writeBytes(t);
        return attribute(tag, name, v.toByteArray());
    }

    byte[] end() {
        out.write(0x03);
        return out.toByteArray();
    }

    private void u16(int v) { out.write(v >>> 8); out.write(v); }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    /** A segment of {@code from} with sequence number {@code seq}. */
    static byte[] segment(SyntheticFrame from, int srcPort, int dstPort, long seq, byte[] payload) {
        byte[] f = from.tcp(srcPort, dstPort, SyntheticFrame.ACK | SyntheticFrame.PSH, payload);
        f[SEQ_OFFSET] = (byte) (seq >>> 24); f[SEQ_OFFSET + 1] = (byte) (seq >>> 16);
        f[SEQ_OFFSET + 2] = (byte) (seq >>> 8); f[SEQ_OFFSET + 3] = (byte) seq;
        return f;
    }
}
