package io.osprey.dissect.tivo;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * TiVoConnect discovery beacons (TiVo Connect Automatic Machine Discovery Protocol, TCAMDP), broadcast on UDP
 * 2190 by TiVo boxes and by media servers that serve them (minidlna on NAS boxes and routers, pyTivo). The
 * payload is text, one {@code key=value} per line (LF or CRLF), starting with {@code TiVoConnect=1}:
 * <pre>
 * TiVoConnect=1
 * swversion=1.0
 * method=broadcast
 * identity=uuid:4d696e69-…
 * machine=R7000P
 * platform=pc/minidlna
 * services=TiVoMediaServer:8200/http
 * </pre>
 * Reported about the sender: machine, platform, swversion and services. The identity is a per-install id and
 * says nothing about what the device is.
 */
public final class TivoDissector implements Dissector {
    public static final String NAME = "tivo";
    public static final int PORT = 2190;
    private static final byte[] MAGIC = "TiVoConnect=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Lines read per beacon; a beacon has about seven. */
    public static final int MAX_LINES = 32;
    /** Octets of a value kept. */
    public static final int MAX_VALUE_LENGTH = 128;
    /** Octets of a key compared. */
    static final int MAX_KEY_LENGTH = 16;

    private static final String[] KEYS = {"machine", "platform", "swversion", "services"};
    private static final String[] ATTRIBUTES = {TivoAttributes.MACHINE, TivoAttributes.PLATFORM,
            TivoAttributes.SOFTWARE_VERSION, TivoAttributes.SERVICES};

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, true);
    private long notTivo;

    @Override
    public String name() {
        return NAME;
    }

    /** Every beacon (they repeat every minute or so; the pipeline skips word-for-word repeats). */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    /** Datagrams on the port that did not start with {@code TiVoConnect=}. */
    public long notTivo() { return notTivo; }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp()) return;
        if (!startsWithMagic(payload)) {
            notTivo++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        int at = 0, n = payload.length();
        for (int line = 0; line < MAX_LINES && at < n; line++) {
            int end = at;
            while (end < n && payload.u8(end) != '\n') end++;
            int stop = end > at && payload.u8(end - 1) == '\r' ? end - 1 : end;
            field(payload, at, stop, mac, hi, lo, ts, sink);
            at = end + 1;
        }
    }

    private static boolean startsWithMagic(Payload p) {
        if (p.length() < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) if (p.u8(i) != MAGIC[i]) return false;
        return true;
    }

    private void field(Payload p, int from, int to, long mac, long hi, long lo, long ts, ObservationSink sink) {
        int eq = from;
        while (eq < to && eq - from <= MAX_KEY_LENGTH && p.u8(eq) != '=') eq++;
        if (eq >= to || p.u8(eq) != '=') return;
        for (int k = 0; k < KEYS.length; k++) {
            if (!keyIs(p, from, eq, KEYS[k])) continue;
            value.clear();
            for (int i = eq + 1; i < to && i - eq <= MAX_VALUE_LENGTH; i++) value.appendText(p.u8(i));
            reported.attribute(sink, mac, hi, lo, ATTRIBUTES[k], value, TivoAttributes.STATED, ts);
            return;
        }
    }

    private static boolean keyIs(Payload p, int from, int to, String key) {
        if (to - from != key.length()) return false;
        for (int i = 0; i < key.length(); i++) {
            int c = p.u8(from + i);
            if (c < 0 || Character.toLowerCase((char) c) != key.charAt(i)) return false;
        }
        return true;
    }
}
