package io.osprey.dissect.goose;

import io.osprey.dissect.http.Web;
import io.osprey.dissect.lldp.LinkRun;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Builds GOOSE frames (IEC 61850-8-1 Annex C) from a publishing IED to the GOOSE multicast group. */
final class GooseFrames {
    static final String PUBLISHER = "02:00:00:00:00:61";

    private GooseFrames() {}

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length >= 0x80) out.write(0x81);
        out.write(content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] text(int tag, String s) {
        return tlv(tag, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A goosePdu with the usual fields; {@code goId} null leaves it out, {@code test} sets simulation [7]. */
    static byte[] pdu(String gocbRef, String datSet, String goId, int stNum, int sqNum, boolean test, int confRev) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.writeBytes(text(0x80, gocbRef));
        c.writeBytes(tlv(0x81, new byte[] {0x07, (byte) 0xD0}));
        c.writeBytes(text(0x82, datSet));
        if (goId != null) c.writeBytes(text(0x83, goId));
        c.writeBytes(tlv(0x84, new byte[8]));
        c.writeBytes(tlv(0x85, new byte[] {(byte) stNum}));
        c.writeBytes(tlv(0x86, new byte[] {(byte) sqNum}));
        c.writeBytes(tlv(0x87, new byte[] {(byte) (test ? 1 : 0)}));
        c.writeBytes(tlv(0x88, confRev > 0xFF ? new byte[] {0, (byte) (confRev >>> 8), (byte) confRev}
                : new byte[] {(byte) confRev}));
        c.writeBytes(tlv(0x89, new byte[] {0}));
        c.writeBytes(tlv(0x8A, new byte[] {1}));
        c.writeBytes(tlv(0xAB, tlv(0x83, new byte[] {0})));
        return tlv(0x61, c.toByteArray());
    }

    /** An Ethernet frame (optionally 802.1Q tagged) with the GOOSE header: APPID, Length, Reserved 1 and 2. */
    static byte[] frame(int appid, int reserved1, boolean vlan, byte[] apdu) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {0x01, 0x0C, (byte) 0xCD, 0x01, 0x00, 0x01});
        f.writeBytes(new byte[] {0x02, 0, 0, 0, 0, 0x61});
        if (vlan) f.writeBytes(new byte[] {(byte) 0x81, 0x00, (byte) 0x80, 0x00});
        f.writeBytes(new byte[] {(byte) 0x88, (byte) 0xB8});
        int length = 8 + apdu.length;
        f.writeBytes(new byte[] {(byte) (appid >>> 8), (byte) appid, (byte) (length >>> 8), (byte) length,
            (byte) (reserved1 >>> 8), (byte) reserved1, 0, 0});
        f.writeBytes(apdu);
        while (f.size() < 60) f.write(0);
        return f.toByteArray();
    }

    static byte[] frame(byte[] apdu) {
        return frame(0x3001, 0, false, apdu);
    }

    static LinkRun direct() {
        return new LinkRun(new GooseDissector());
    }

    static Path fixture(String name) {
        return Web.fixture(name);
    }
}
