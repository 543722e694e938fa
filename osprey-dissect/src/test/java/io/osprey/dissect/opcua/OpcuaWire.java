package io.osprey.dissect.opcua;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds OPC UA binary messages (OPC 10000-6 §5.2 encoding, §7.1 UA TCP, §6.7 secure conversation), little-endian. */
final class OpcuaWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("02:00:00:00:00:0b", "10.0.0.11");
    static final SyntheticFrame SERVER = CLIENT.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "02:00:00:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 49152;
    static final String POLICY_NONE = "http://opcfoundation.org/UA/SecurityPolicy#None";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static OpcuaWire bytes() {
        return new OpcuaWire();
    }

    OpcuaWire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    OpcuaWire u16(int v) {
        return u8(v & 0xff, v >>> 8 & 0xff);
    }

    OpcuaWire u32(long v) {
        return u16((int) (v & 0xffff)).u16((int) (v >>> 16 & 0xffff));
    }

    /** §5.2.2.4 String: Int32 length then UTF-8; null is length -1. */
    OpcuaWire string(String s) {
        if (s == null) return u32(0xFFFFFFFFL);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        out.writeBytes(b);
        return this;
    }

    OpcuaWire raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** §5.2.2.9 four-octet NodeId, namespace 0. */
    OpcuaWire nodeId(int id) {
        return u8(1, 0).u16(id);
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** §7.1.2.2 message header around a body. */
    static byte[] message(String type, char chunk, byte[] body) {
        return bytes().raw(type.getBytes(StandardCharsets.US_ASCII)).u8(chunk).u32(8 + body.length).raw(body).build();
    }

    /** §7.1.2.3 Hello. */
    static byte[] hello(String url) {
        return message("HEL", 'F', bytes().u32(0).u32(65536).u32(65536).u32(0).u32(0).string(url).build());
    }

    static byte[] acknowledge() {
        return message("ACK", 'F', bytes().u32(0).u32(65536).u32(65536).u32(0).u32(0).build());
    }

    /** OPN with the asymmetric security header, sequence header and the TypeId (446 request, 449 response). */
    static byte[] open(String policy, int typeId, byte[] rest) {
        return message("OPN", 'F', bytes().u32(0).string(policy).string(null).string(null).u32(1).u32(1)
                .nodeId(typeId).raw(rest).build());
    }

    /** MSG with the symmetric security header, sequence header, then the service TypeId and body. */
    static byte[] msg(int typeId, byte[] body) {
        return message("MSG", 'F', bytes().u32(1).u32(1).u32(2).u32(2).nodeId(typeId).raw(body).build());
    }

    /** OPC 10000-4 §7.28 RequestHeader with null token, no audit id, no additional header. */
    static OpcuaWire requestHeader() {
        return bytes().u8(0, 0).u32(0).u32(0).u32(1).u32(0).string(null).u32(10000).u8(0, 0, 0);
    }

    /** §7.29 ResponseHeader: good result, empty diagnostics, null string table, no additional header. */
    static OpcuaWire responseHeader() {
        return bytes().u32(0).u32(0).u32(1).u32(0).u8(0).u32(0xFFFFFFFFL).u8(0, 0, 0);
    }

    /** §7.2 ApplicationDescription with a LocalizedText name (locale "en"). */
    OpcuaWire application(String uri, String product, String name, int type) {
        string(uri).string(product);
        if (name == null) u8(0);
        else u8(3).string("en").string(name);
        return u32(type).string(null).string(null).u32(0xFFFFFFFFL);
    }

    /** §7.14 EndpointDescription with one anonymous token policy. */
    OpcuaWire endpoint(String url, String appUri, String product, String name, int mode, String policy) {
        string(url).application(appUri, product, name, 0).string(null).u32(mode).string(policy);
        u32(1).string("anonymous").u32(0).string(null).string(null).string(null);
        return string("http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary").u8(1);
    }

    static byte[] fromClient(byte[] payload) {
        return CLIENT.tcp(CLIENT_PORT, OpcuaDissector.PORT, PSH | ACK, payload);
    }

    static byte[] fromServer(byte[] payload) {
        return SERVER.tcp(OpcuaDissector.PORT, CLIENT_PORT, PSH | ACK, payload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new OpcuaDissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new OpcuaDissector());
    }

    private OpcuaWire() {}
}
