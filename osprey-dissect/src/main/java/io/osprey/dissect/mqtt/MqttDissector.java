package io.osprey.dissect.mqtt;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;

/**
 * MQTT 3.1, 3.1.1 (OASIS, 2014) and 5.0 (OASIS, 2019) on TCP 1883, and on any port whose first payload is a
 * CONNECT ({@link #detect}). Each segment is read as a sequence of control packets (3.1.1 §2): a fixed header
 * (type and flags, then the Remaining Length as a variable byte integer, §2.2.3) and the packet's body, of which
 * only the part inside the segment is read.
 *
 * <ul>
 *   <li>CONNECT (§3.1): protocol name and level, flags and keep alive, client identifier, about the sender.</li>
 *   <li>CONNACK (§3.2): the sender is an MQTT broker ({@link Observation.Service}).</li>
 *   <li>PUBLISH (§3.3) and SUBSCRIBE (§3.8): the first two levels of the topic, about the client side.</li>
 * </ul>
 */
public final class MqttDissector implements Dissector {
    public static final String NAME = "mqtt";
    public static final int PORT = 1883;
    static final int CONNECT = 1, CONNACK = 2, PUBLISH = 3, SUBSCRIBE = 8;
    /** 3.1.1 §2.2.3: at most four octets of Remaining Length. */
    static final int MAX_LENGTH_OCTETS = 4;
    static final int LEVEL_31 = 3, LEVEL_311 = 4, LEVEL_5 = 5;
    /** Control packets read per segment. */
    public static final int MAX_PACKETS_PER_SEGMENT = 32;
    /** Topic filters read per SUBSCRIBE. */
    public static final int MAX_FILTERS = 16;
    /** Octets of a client identifier kept (3.1.1 §3.1.3.1 guarantees 23; brokers accept up to 65,535). */
    public static final int MAX_CLIENT_ID_LENGTH = 128;
    /** Octets of a topic root kept. */
    public static final int MAX_TOPIC_ROOT_LENGTH = 128;
    /** Distinct topic roots reported per client. */
    public static final int MAX_TOPIC_ROOTS_PER_HOST = 16;
    /** Topic levels in a root (3.1.1 §4.7.1.1: levels are separated by '/'). */
    static final int ROOT_LEVELS = 2;
    /** Packets of a connection examined: CONNECT, CONNACK, then the first subscriptions and publications. */
    public static final int PAYLOAD_PACKETS = 24;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    /** Where the last {@link #remainingLength} ended. */
    private int bodyStart;
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    /** A CONNECT with a known protocol name and level (3.1.1 §3.1.2.1–2, MQTT 3.1 §3.1 "MQIsdp"). */
    @Override
    public boolean detect(Payload payload, FlowView flow) {
        if (flow.exists() && flow.protocol() != IpProtocols.TCP) return false;
        if (payload.u8(0) != CONNECT << 4 || remainingLength(payload, 1) < 0) return false;
        int at = bodyStart;
        int level = payload.u8(at + 2 + (payload.u16(at) == 4 ? 4 : 6));
        return payload.u16(at) == 4 && payload.startsWith(at + 2, "MQTT") && (level == LEVEL_311 || level == LEVEL_5)
                || payload.u16(at) == 6 && payload.startsWith(at + 2, "MQIsdp") && level == LEVEL_31;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp()) return;
        boolean fromServer = flow.exists() ? !flow.fromClient()
                : packet.srcPort() == PORT && packet.dstPort() != PORT;
        int at = 0;
        for (int n = 0; n < MAX_PACKETS_PER_SEGMENT && payload.has(at, 2); n++) {
            int first = payload.u8(at);
            int length = remainingLength(payload, at + 1);
            if (length < 0 || !validFlags(first)) {
                malformed++;
                return;
            }
            int body = bodyStart;
            int end = (int) Math.min((long) body + length, payload.length());
            switch (first >>> 4) {
                case CONNECT -> { if (!fromServer) connect(packet, payload, body, end, sink); }
                case CONNACK -> { if (fromServer && length >= 2) connack(packet, sink); }
                case PUBLISH -> topic(packet, fromServer, payload, body, end, sink);
                case SUBSCRIBE -> { if (!fromServer) subscribe(packet, payload, body, end, sink); }
                default -> { }
            }
            if ((long) body + length > payload.length()) return; // continues in a later segment
            at = body + length;
        }
    }

    /**
     * Remaining Length at {@code at} (§2.2.3), with {@link #bodyStart} set past it; -1 when it is longer than four
     * octets or cut.
     */
    private int remainingLength(Payload payload, int at) {
        int value = 0;
        for (int i = 0; i < MAX_LENGTH_OCTETS; i++) {
            int b = payload.u8(at + i);
            if (b < 0) return -1;
            value |= (b & 0x7f) << 7 * i;
            if ((b & 0x80) == 0) {
                bodyStart = at + i + 1;
                return value;
            }
        }
        return -1;
    }

    /** 3.1.1 §2.2.2 Table 2.2: flags are fixed for every type but PUBLISH; types 0 and (before 5.0) 15 are reserved. */
    private static boolean validFlags(int first) {
        int type = first >>> 4, flags = first & 0xf;
        return switch (type) {
            case 0 -> false;
            case PUBLISH -> (flags & 0x6) != 0x6; // QoS 3 is malformed (§3.3.1.2)
            case 6, SUBSCRIBE, 10 -> flags == 2;   // PUBREL, SUBSCRIBE, UNSUBSCRIBE
            default -> flags == 0;
        };
    }

    private void connect(Packet packet, Payload payload, int at, int end, ObservationSink sink) {
        int nameLength = payload.u16(at);
        if (nameLength != 4 && nameLength != 6 || at + 2 + nameLength + 4 > end) {
            malformed++;
            return;
        }
        int p = at + 2 + nameLength;
        int level = payload.u8(p);
        int flags = payload.u8(p + 1);
        int keepAlive = payload.u16(p + 2);
        if (level < LEVEL_31 || level > LEVEL_5 || (flags & 1) != 0) { // §3.1.2.3: the reserved flag is 0
            malformed++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        value.clear();
        for (int i = 0; i < nameLength; i++) value.appendText(payload.u8(at + 2 + i));
        reported.attribute(sink, mac, hi, lo, MqttAttributes.PROTOCOL_NAME, value, MqttAttributes.STATED, ts);
        reported.attribute(sink, mac, hi, lo, MqttAttributes.PROTOCOL_LEVEL, value.clear().appendDecimal(level),
                MqttAttributes.STATED, ts);
        reported.attribute(sink, mac, hi, lo, MqttAttributes.KEEP_ALIVE, value.clear().appendDecimal(keepAlive),
                MqttAttributes.STATED, ts);
        flag(sink, mac, hi, lo, ts, MqttAttributes.HAS_USER_NAME, (flags & 0x80) != 0);
        flag(sink, mac, hi, lo, ts, MqttAttributes.HAS_PASSWORD, (flags & 0x40) != 0);
        flag(sink, mac, hi, lo, ts, MqttAttributes.HAS_WILL, (flags & 0x04) != 0);
        p += 4;
        if (level == LEVEL_5) p = skipProperties(payload, p); // 5.0 §3.1.2.11
        int idLength = payload.u16(p);
        if (p < 0 || idLength <= 0 || p + 2 + idLength > end) return; // empty: the broker assigns one (§3.1.3.1)
        value.clear();
        for (int i = 0; i < idLength && value.length() < MAX_CLIENT_ID_LENGTH; i++) value.appendText(payload.u8(p + 2 + i));
        reported.attribute(sink, mac, hi, lo, MqttAttributes.CLIENT_ID, value, MqttAttributes.STATED, ts);
    }

    private void flag(ObservationSink sink, long mac, long hi, long lo, long ts, String attribute, boolean set) {
        reported.attribute(sink, mac, hi, lo, attribute, value.clear().append(set ? "true" : "false"),
                MqttAttributes.STATED, ts);
    }

    /** 5.0 §2.2.2: a Property Length (variable byte integer) and that many octets; -1 when cut or too long. */
    private int skipProperties(Payload payload, int at) {
        int length = remainingLength(payload, at);
        return length < 0 ? -1 : bodyStart + length;
    }

    private void connack(Packet packet, ObservationSink sink) {
        reported.service(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), packet.srcPort(),
                Observation.Transport.TCP, NAME, packet.timestampNanos());
    }

    /** §3.3.2.1: the Topic Name opens the variable header, whatever the version. */
    private void topic(Packet packet, boolean fromServer, Payload payload, int at, int end, ObservationSink sink) {
        int length = payload.u16(at);
        if (length > 0 && at + 2 + length <= end && printable(payload, at + 2, length)) {
            reportRoot(packet, fromServer, payload, at + 2, length, sink);
        }
    }

    /**
     * §3.8.2–3: a Packet Identifier, (5.0: properties,) then topic filters each followed by an options octet. The
     * version is not kept per connection: the 3.1.1 layout is tried first and must fill the packet exactly with
     * non-empty filters (§4.7.3), which a 5.0 packet read that way does not; then the 5.0 layout.
     */
    private void subscribe(Packet packet, Payload payload, int at, int end, ObservationSink sink) {
        if (!subscriptions(packet, payload, at + 2, end, false, sink)) {
            int p = skipProperties(payload, at + 2);
            if (p > 0) subscriptions(packet, payload, p, end, false, sink);
        }
    }

    /** Checks the filters from {@code at} fill the packet; then, when they do, reports them (second pass). */
    private boolean subscriptions(Packet packet, Payload payload, int at, int end, boolean report, ObservationSink sink) {
        int p = at;
        for (int n = 0; n < MAX_FILTERS && p < end; n++) {
            int length = payload.u16(p);
            if (length <= 0 || p + 2 + length + 1 > end || !printable(payload, p + 2, length)) return false;
            if (report) reportRoot(packet, false, payload, p + 2, length, sink);
            p += 2 + length + 1;
        }
        if (p != end) return false;
        if (!report) subscriptions(packet, payload, at, end, true, sink);
        return true;
    }

    private void reportRoot(Packet packet, boolean fromServer, Payload payload, int at, int length, ObservationSink sink) {
        int levels = 0;
        value.clear();
        for (int i = 0; i < length && value.length() < MAX_TOPIC_ROOT_LENGTH; i++) {
            int c = payload.u8(at + i);
            if (c == '/' && ++levels == ROOT_LEVELS) break;
            value.appendText(c);
        }
        long mac = fromServer ? packet.dstMac() : packet.srcMac();
        long hi = fromServer ? packet.dstIpHi() : packet.srcIpHi();
        long lo = fromServer ? packet.dstIpLo() : packet.srcIpLo();
        reported.attribute(sink, mac, hi, lo, MqttAttributes.TOPIC_ROOT, value, MAX_TOPIC_ROOTS_PER_HOST,
                MqttAttributes.TOPIC, packet.timestampNanos());
    }

    /** §1.5.3: UTF-8 without U+0000; control characters are not expected in topics either. */
    private static boolean printable(Payload payload, int at, int length) {
        for (int i = at; i < at + length; i++) {
            int c = payload.u8(i);
            if (c < 0x20 || c == 0x7f) return false;
        }
        return true;
    }

    /** Segments that did not read as MQTT control packets. */
    public long malformed() { return malformed; }
}
