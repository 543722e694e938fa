package io.osprey.dissect.mqtt;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/** Builds MQTT control packets (MQTT 3.1.1 §2, 5.0 §2) and runs them between a client and a broker. */
final class MqttWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("02:00:00:00:00:0b", "10.0.0.11");
    static final SyntheticFrame BROKER = CLIENT.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final int CLIENT_PORT = 40000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MqttWire() {}

    static MqttWire body() {
        return new MqttWire();
    }

    MqttWire u8(int... values) {
        for (int v : values) out.write(v);
        return this;
    }

    MqttWire u16(int v) {
        return u8(v >>> 8 & 0xff, v & 0xff);
    }

    /** §1.5.3 UTF-8 encoded string: a two-octet length, then the octets. */
    MqttWire string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u16(b.length);
        out.writeBytes(b);
        return this;
    }

    /** §2.2.3 variable byte integer. */
    MqttWire varint(int v) {
        do {
            int b = v & 0x7f;
            v >>>= 7;
            u8(v > 0 ? b | 0x80 : b);
        } while (v > 0);
        return this;
    }

    /** The control packet: first octet, Remaining Length, then this body. */
    byte[] packet(int first) {
        byte[] b = out.toByteArray();
        MqttWire p = new MqttWire().u8(first).varint(b.length);
        p.out.writeBytes(b);
        return p.out.toByteArray();
    }

    static byte[] connect(String name, int level, int flags, int keepAlive, String clientId) {
        MqttWire w = body().string(name).u8(level, flags).u16(keepAlive);
        if (level == 5) w.varint(0);
        w.string(clientId);
        if ((flags & 0x04) != 0) {
            if (level == 5) w.varint(0);
            w.string("tele/dev/LWT").string("Offline");
        }
        if ((flags & 0x80) != 0) w.string("DVES_USER");
        if ((flags & 0x40) != 0) w.string("s3cr3t-pw");
        return w.packet(0x10);
    }

    static byte[] publish(String topic) {
        return body().string(topic).u8('1').packet(0x30);
    }

    static byte[] subscribe311(String... filters) {
        MqttWire w = body().u16(1);
        for (String f : filters) w.string(f).u8(0);
        return w.packet(0x82);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static final byte[] CONNACK = {0x20, 2, 0, 0};

    static byte[] fromClient(byte[] mqtt) {
        return CLIENT.tcp(CLIENT_PORT, MqttDissector.PORT, PSH | ACK, mqtt);
    }

    static byte[] fromBroker(byte[] mqtt) {
        return BROKER.tcp(MqttDissector.PORT, CLIENT_PORT, PSH | ACK, mqtt);
    }

    /** A pipeline with only the MQTT dissector, fed the client's packets then the broker's, in order. */
    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new MqttDissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new MqttDissector());
    }

    static java.nio.file.Path fixture(String name) {
        return Web.fixture("mqtt/" + name);
    }
}
