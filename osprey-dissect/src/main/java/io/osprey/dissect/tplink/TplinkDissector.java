package io.osprey.dissect.tplink;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * TP-Link Kasa smart-home protocol ("tplink-shp") on TCP and UDP 9999: JSON commands and replies such as
 * <pre>{"system":{"get_sysinfo":{}}}</pre>
 * obfuscated with the "autokey" XOR cipher (key 171, then each octet XOR the previous ciphertext octet). Over TCP
 * each message is preceded by its length, a 32-bit big-endian integer; over UDP (broadcast discovery) the datagram
 * is the message. This layout is community-documented (there is no published specification).
 *
 * <p>A reply (it carries {@code err_code}) describes its sender, a Kasa device: {@link TplinkAttributes} from
 * {@code system.get_sysinfo}, and a {@link Observation.Service} when sent from port 9999. A request describes its
 * sender as a Kasa client.
 */
public final class TplinkDissector implements Dissector {
    public static final String NAME = "tplink-shp";
    public static final int PORT = 9999;
    /** TCP: the length prefix. */
    static final int LENGTH_PREFIX = 4;
    /** The autokey cipher's initial key. */
    static final int INITIAL_KEY = 171;
    /** Octets of a message decoded: a get_sysinfo reply is 500–1,000; longer ones hold nothing more we read. */
    public static final int MAX_MESSAGE_LENGTH = 4096;
    /** Octets of a value kept. */
    public static final int MAX_VALUE_LENGTH = 128;
    /** "module.method" pairs reported per request and per host. */
    public static final int MAX_REQUESTS = 8;
    /** Packets of a flow examined: UDP discovery repeats on one flow forever; a TCP session's first messages. */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;

    private final byte[] plain = new byte[MAX_MESSAGE_LENGTH];
    private final JsonText json = new JsonText();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private long notKasa;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andUdpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        boolean tcp = packet.isTcp();
        if (!tcp && !packet.isUdp()) return;
        int at = tcp ? LENGTH_PREFIX : 0;
        if (tcp && payload.u32(0) != payload.length() - LENGTH_PREFIX && !fragmentStart(payload)) {
            notKasa++;
            return;
        }
        int n = decode(payload, at, tcp ? (int) Math.min(payload.u32(0), MAX_MESSAGE_LENGTH) : MAX_MESSAGE_LENGTH);
        if (n < 2 || plain[0] != '{') {
            notKasa++;
            return;
        }
        json.wrap(plain, n);
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (json.has("err_code")) {
            if (packet.srcPort() == PORT) {
                reported.service(sink, mac, hi, lo, PORT, tcp ? Observation.Transport.TCP : Observation.Transport.UDP,
                        NAME, ts);
            }
            sysinfo(sink, mac, hi, lo, ts);
        } else {
            requests(sink, mac, hi, lo, ts);
        }
    }

    /** A message longer than its first segment: the prefix announces more than this segment holds. */
    private static boolean fragmentStart(Payload payload) {
        long announced = payload.u32(0);
        return announced >= 0 && announced > payload.length() - LENGTH_PREFIX && announced <= 1 << 20;
    }

    /** Undoes the autokey cipher of at most {@code max} octets into {@link #plain}; returns the octets decoded. */
    private int decode(Payload payload, int at, int max) {
        int n = Math.min(payload.length() - at, max);
        int key = INITIAL_KEY;
        for (int i = 0; i < n; i++) {
            int c = payload.u8(at + i);
            plain[i] = (byte) (c ^ key);
            key = c;
        }
        return Math.max(n, 0);
    }

    private void sysinfo(ObservationSink sink, long mac, long hi, long lo, long ts) {
        report(sink, mac, hi, lo, ts, "model", TplinkAttributes.MODEL);
        report(sink, mac, hi, lo, ts, "alias", TplinkAttributes.ALIAS);
        report(sink, mac, hi, lo, ts, "sw_ver", TplinkAttributes.SOFTWARE_VERSION);
        report(sink, mac, hi, lo, ts, "hw_ver", TplinkAttributes.HARDWARE_VERSION);
        report(sink, mac, hi, lo, ts, "dev_name", TplinkAttributes.DEVICE_NAME);
        if (!report(sink, mac, hi, lo, ts, "type", TplinkAttributes.TYPE)) {
            report(sink, mac, hi, lo, ts, "mic_type", TplinkAttributes.TYPE);
        }
        if (!report(sink, mac, hi, lo, ts, "mac", TplinkAttributes.MAC)) {
            report(sink, mac, hi, lo, ts, "mic_mac", TplinkAttributes.MAC);
        }
        report(sink, mac, hi, lo, ts, "deviceId", TplinkAttributes.DEVICE_ID);
        presence(sink, mac, hi, lo, ts, "oemId", TplinkAttributes.HAS_OEM_ID);
        presence(sink, mac, hi, lo, ts, "hwId", TplinkAttributes.HAS_HW_ID);
    }

    /** Reports the member's value when present; true when it was present (new or not). */
    private boolean report(ObservationSink sink, long mac, long hi, long lo, long ts, String key, String attribute) {
        if (!json.value(key, value.clear(), MAX_VALUE_LENGTH)) return false;
        value.trimTrailing(' ');
        reported.attribute(sink, mac, hi, lo, attribute, value, TplinkAttributes.STATED, ts);
        return true;
    }

    private void presence(ObservationSink sink, long mac, long hi, long lo, long ts, String key, String attribute) {
        if (json.has(key)) {
            reported.attribute(sink, mac, hi, lo, attribute, value.clear().append("true"), TplinkAttributes.STATED, ts);
        }
    }

    /** Each method of each top-level module: {"system":{"get_sysinfo":{}},"emeter":{"get_realtime":{}}}. */
    private void requests(ObservationSink sink, long mac, long hi, long lo, long ts) {
        json.rewind();
        int moduleStart = -1, moduleEnd = -1;
        for (int n = 0; n < MAX_REQUESTS && json.nextMember(); ) {
            if (json.depth() == 1) {
                moduleStart = json.keyStart();
                moduleEnd = json.keyEnd();
            } else if (json.depth() == 2 && moduleStart >= 0) {
                value.clear();
                for (int i = moduleStart; i < moduleEnd; i++) value.appendText(plain[i] & 0xff);
                json.appendKey(value.append('.'));
                reported.attribute(sink, mac, hi, lo, TplinkAttributes.REQUEST, value, MAX_REQUESTS,
                        TplinkAttributes.CLIENT, ts);
                n++;
            }
        }
    }

    /** Messages on port 9999 that were not autokey-obfuscated JSON. */
    public long notKasa() { return notKasa; }
}
