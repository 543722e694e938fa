package io.osprey.dissect.lldp;

import java.io.ByteArrayOutputStream;

/** Builds raw Ethernet frames for the LLDP and CDP tests. */
public final class LldpFrames {
    public static final byte[] SOURCE = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    public static final String SOURCE_TEXT = "02:00:00:00:00:01";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An Ethernet II LLDP frame to the nearest-bridge group address, TLVs to follow. */
    public static LldpFrames lldp() {
        LldpFrames f = new LldpFrames();
        f.bytes(0x01, 0x80, 0xc2, 0x00, 0x00, 0x0e).out.writeBytes(SOURCE);
        return f.bytes(0x88, 0xcc);
    }

    /** An LLDP TLV (IEEE 802.1AB-2016 §8.5): 7-bit type, 9-bit length. */
    public LldpFrames tlv(int type, int... value) {
        bytes(type << 1 | value.length >>> 8, value.length & 0xff);
        return bytes(value);
    }

    public LldpFrames tlv(int type, String text) {
        return tlv(type, ascii(text));
    }

    public LldpFrames bytes(int... b) {
        for (int x : b) out.write(x);
        return this;
    }

    public byte[] build() {
        return out.toByteArray();
    }

    public static int[] ascii(String s) {
        return s.chars().toArray();
    }

    public static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
