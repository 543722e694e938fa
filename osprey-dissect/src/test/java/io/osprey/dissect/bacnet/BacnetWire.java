package io.osprey.dissect.bacnet;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** Builds BACnet/IP messages (ASHRAE 135 Annex J, Clauses 6, 20, 21; big-endian) between a workstation and a device. */
final class BacnetWire {
    static final SyntheticFrame STATION =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("00:00:bc:00:00:0b", "10.0.0.11");
    static final SyntheticFrame DEVICE = STATION.reply();
    static final String S = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String D = "00:00:bc:00:00:0b/10.0.0.11 ";
    static final int PORT = BacnetDissector.PORT;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static BacnetWire body() {
        return new BacnetWire();
    }

    BacnetWire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    BacnetWire u16(int v) {
        return u8(v >>> 8 & 0xff, v & 0xff);
    }

    BacnetWire u32(long v) {
        return u16((int) (v >>> 16 & 0xffff)).u16((int) (v & 0xffff));
    }

    BacnetWire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Clause 20.2.1: a tag with its content, the length in the LVT or extended. */
    BacnetWire tag(int number, boolean context, byte[] content) {
        int cls = context ? 0x08 : 0;
        if (content.length < 5) return u8(number << 4 | cls | content.length).bytes(content);
        if (content.length < 254) return u8(number << 4 | cls | 5, content.length).bytes(content);
        return u8(number << 4 | cls | 5, 254).u16(content.length).bytes(content);
    }

    BacnetWire open(int number) {
        return u8(number << 4 | 0x0e);
    }

    BacnetWire close(int number) {
        return u8(number << 4 | 0x0f);
    }

    /** Application tag 12, 4 octets: object type (10 bits) and instance (22 bits). */
    BacnetWire objectId(int type, int instance) {
        return tag(12, false, body().u32((long) type << 22 | instance).build());
    }

    BacnetWire contextObjectId(int number, int type, int instance) {
        return tag(number, true, body().u32((long) type << 22 | instance).build());
    }

    BacnetWire unsigned(int number, boolean context, long v) {
        BacnetWire b = body();
        if (v > 0xffffff) b.u32(v);
        else if (v > 0xffff) b.u8((int) (v >>> 16)).u16((int) v & 0xffff);
        else if (v > 0xff) b.u16((int) v);
        else b.u8((int) v);
        return tag(number, context, b.build());
    }

    /** Application tag 7: character set octet, then the text in that set. */
    BacnetWire string(int charset, String text, Charset encoding) {
        return tag(7, false, body().u8(charset).bytes(text.getBytes(encoding)).build());
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** Annex J.2: BVLC header with its function and the whole length, then the NPDU. */
    static byte[] bvlc(int function, byte[] rest) {
        return body().u8(0x81, function).u16(4 + rest.length).bytes(rest).build();
    }

    /** Original-Unicast-NPDU with a plain NPDU (version 1, control 0) around {@code apdu}. */
    static byte[] unicast(byte[] apdu) {
        return bvlc(0x0a, body().u8(1, 0).bytes(apdu).build());
    }

    static byte[] broadcast(byte[] apdu) {
        return bvlc(0x0b, body().u8(1, 0x20).u16(0xffff).u8(0, 255).bytes(apdu).build());
    }

    /** Clause 20.1.2: unsegmented confirmed request, max APDU 1476, invoke id 1. */
    static byte[] confirmed(int service, byte[] request) {
        return body().u8(0x00, 0x05, 0x01, service).bytes(request).build();
    }

    /** Clause 20.1.5: unsegmented Complex-ACK, invoke id 1. */
    static byte[] complexAck(int service, byte[] ack) {
        return body().u8(0x30, 0x01, service).bytes(ack).build();
    }

    static byte[] unconfirmed(int service, byte[] request) {
        return body().u8(0x10, service).bytes(request).build();
    }

    /** I-Am: device identifier, max APDU 1476, segmentation both (0), vendor id. */
    static byte[] iAm(int instance, int vendor) {
        return unconfirmed(0, body().objectId(8, instance).unsigned(2, false, 1476).tag(9, false, new byte[] {0})
                .unsigned(2, false, vendor).build());
    }

    /** ReadProperty-ACK about the Device object {@code instance}: property and an already encoded value. */
    static byte[] readPropertyAck(int instance, int property, byte[] value) {
        return complexAck(12, body().contextObjectId(0, 8, instance).unsigned(1, true, property).open(3).bytes(value)
                .close(3).build());
    }

    static byte[] fromStation(byte[] bacnet) {
        return STATION.udp(PORT, PORT, bacnet);
    }

    static byte[] fromDevice(byte[] bacnet) {
        return DEVICE.udp(PORT, PORT, bacnet);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new BacnetDissector());
        for (byte[] f : frames) o.feed(STATION, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new BacnetDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("bacnet/" + name);
    }
}
