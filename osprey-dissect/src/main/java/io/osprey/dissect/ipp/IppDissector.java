package io.osprey.dissect.ipp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.HttpAttributes;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.Packet;

/**
 * The Internet Printing Protocol over HTTP on TCP 631 (RFC 8010 §4: an HTTP POST whose body, Content-Type
 * application/ipp, is the IPP message; the response carries the IPP answer). Reports:
 * <ul>
 *   <li>about the client: the operations it requests ({@value IppAttributes#OPERATION}) and its HTTP
 *   User-Agent;</li>
 *   <li>about the printer: an "ipp" {@link Observation.Service} on the port it answers from, its HTTP Server, and
 *   from its Get-Printer-Attributes responses the identifying attributes of {@link IppAttributes}.</li>
 * </ul>
 * Bodies are followed across in-order segments ({@link IppStream}), in at most {@link #MAX_STREAMS} connection
 * directions at a time (the least recently used is dropped), and only in the first {@link #PAYLOAD_PACKETS}
 * packets of a connection. A response whose request was not seen is not read: CUPS-Get-Printers and other
 * answers list printers other than the one answering.
 */
public final class IppDissector implements Dissector {
    public static final String NAME = "ipp";
    /** RFC 8010 §4.2 (the "ipp" URI scheme's default port). */
    public static final int PORT = 631;
    /** Connection directions followed at once. */
    public static final int MAX_STREAMS = 64;
    /** Packets of a connection examined: a 40 KiB response with its acknowledgements fits. */
    public static final int PAYLOAD_PACKETS = 96;
    /** Octets of a value kept. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Distinct values per host of each attribute (document formats are the longest list). */
    public static final int MAX_VALUES_PER_HOST = 32;
    /** Keys read from one IEEE 1284 device ID. */
    public static final int MAX_DEVICE_ID_KEYS = 32;
    /** RFC 8010 §3.5.2 value tags read as text. */
    static final int OCTET_STRING = 0x30, TEXT_WITH_LANGUAGE = 0x35, NAME_WITH_LANGUAGE = 0x36,
            TEXT_WITHOUT_LANGUAGE = 0x41, MIME_MEDIA_TYPE = 0x49;

    private final HttpHead head = new HttpHead();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final IppStream[] streams = new IppStream[MAX_STREAMS];

    public IppDissector() {
        for (int i = 0; i < MAX_STREAMS; i++) streams[i] = new IppStream();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        boolean fromClient = flow.exists() ? flow.fromClient() : packet.dstPort() == PORT;
        int flowId = flow.exists() ? flow.id() : -2;
        long firstSeen = flow.exists() ? flow.firstSeen() : 0;
        long seq = packet.tcp().seq();
        long ts = packet.timestampNanos();
        IppStream stream = find(flowId, firstSeen, fromClient);
        if (stream != null && stream.continues(seq)) {
            stream.lastUsed = ts;
            stream.append(payload, 0, payload.length());
            read(stream, packet, flowId, firstSeen, sink);
            return;
        }
        if (!head.wrap(payload)) return;
        // 1xx interim responses (RFC 9110 §15.2: 100 Continue after "Expect: 100-continue") carry no body
        if (head.isResponse() && head.status() < 200) return;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo();
        boolean ipp = false, chunked = false;
        long contentLength = -1;
        while (head.nextHeader()) {
            if (head.nameIs("content-type")) {
                ipp = HttpHead.regionEqualsIgnoreCase(payload, skipSpace(payload, head.valueStart()), "application/ipp");
            } else if (head.nameIs("transfer-encoding")) {
                chunked = contains(payload, head.valueStart(), head.valueEnd(), "chunked");
            } else if (head.nameIs("content-length")) {
                contentLength = decimal(payload, skipSpace(payload, head.valueStart()), head.valueEnd());
            } else if (head.nameIs("user-agent") && head.isRequest()) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, HttpAttributes.USER_AGENT, value, MAX_VALUES_PER_HOST,
                        IppAttributes.STATED, ts);
            } else if (head.nameIs("server") && head.isResponse()) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, HttpAttributes.SERVER, value, MAX_VALUES_PER_HOST,
                        IppAttributes.STATED, ts);
            }
        }
        if (!ipp) return;
        if (head.isResponse()) {
            reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
        }
        int bodyAt = bodyStart(payload);
        if (bodyAt < 0) return;
        if (stream == null) stream = claim(flowId, firstSeen, fromClient);
        stream.lastUsed = ts;
        stream.begin((seq + bodyAt) & 0xffff_ffffL, chunked, contentLength);
        stream.append(payload, bodyAt, payload.length());
        read(stream, packet, flowId, firstSeen, sink);
    }

    private void read(IppStream s, Packet packet, int flowId, long firstSeen, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (s.readHeader()) {
            if (s.fromClient) {
                s.operation = s.operationOrStatus();
                String name = IppOperations.name(s.operation);
                value.clear();
                if (name != null) value.append(name);
                else value.append("0x").appendHex2(s.operation >>> 8).appendHex2(s.operation & 0xff);
                reported.attribute(sink, mac, hi, lo, IppAttributes.OPERATION, value, MAX_VALUES_PER_HOST,
                        IppAttributes.STATED, ts);
            } else {
                IppStream client = find(flowId, firstSeen, true);
                s.respondsTo = client == null ? -1 : client.operation;
            }
        }
        if (s.fromClient || s.respondsTo != IppOperations.GET_PRINTER_ATTRIBUTES) return;
        while (s.nextValue()) {
            String attribute = attributeOf(s);
            if (attribute == null || !text(s)) continue;
            if (attribute.equals(IppAttributes.FIRMWARE_VERSION)) firmwareVersion(s);
            reported.attribute(sink, mac, hi, lo, attribute, value, MAX_VALUES_PER_HOST, IppAttributes.STATED, ts);
            if (attribute.equals(IppAttributes.DEVICE_ID)) deviceId(s, mac, hi, lo, ts, sink);
        }
    }

    private static String attributeOf(IppStream s) {
        if (s.nameIs("printer-make-and-model")) return IppAttributes.MAKE_AND_MODEL;
        if (s.nameIs("printer-info")) return IppAttributes.INFO;
        if (s.nameIs("printer-name")) return IppAttributes.NAME;
        if (s.nameIs("printer-firmware-name")) return IppAttributes.FIRMWARE_NAME;
        if (s.nameIs("printer-firmware-string-version")) return IppAttributes.FIRMWARE_STRING_VERSION;
        if (s.nameIs("printer-firmware-version")) return IppAttributes.FIRMWARE_VERSION;
        if (s.nameIs("printer-device-id")) return IppAttributes.DEVICE_ID;
        if (s.nameIs("printer-uri-supported")) return IppAttributes.URI_SUPPORTED;
        if (s.nameIs("printer-uuid")) return IppAttributes.UUID;
        if (s.nameIs("document-format-supported")) return IppAttributes.DOCUMENT_FORMAT;
        return null;
    }

    /** The current value as text into {@link #value}, trimmed; false for non-text tags and empty values. */
    private boolean text(IppStream s) {
        int tag = s.valueTag();
        int at = s.valueAt(), end = at + s.valueLength();
        if (tag == TEXT_WITH_LANGUAGE || tag == NAME_WITH_LANGUAGE) {
            // RFC 8010 §3.9: natural-language length 2 | language | text length 2 | text
            if (end - at < 2) return false;
            at += 2 + (s.octet(at) << 8 | s.octet(at + 1));
            if (end - at < 2) return false;
            int textLength = s.octet(at) << 8 | s.octet(at + 1);
            at += 2;
            end = Math.min(end, at + textLength);
        } else if (tag != OCTET_STRING && (tag < TEXT_WITHOUT_LANGUAGE || tag > MIME_MEDIA_TYPE)) {
            return false;
        }
        while (at < end && isSpace(s.octet(at))) at++;
        while (end > at && isSpace(s.octet(end - 1))) end--;
        value.clear();
        for (int i = at; i < end && value.length() < MAX_VALUE_LENGTH; i++) value.appendText(s.octet(i));
        return !value.isEmpty();
    }

    /** printer-firmware-version is an octetString: kept as text when printable ASCII, else as lower-case hex. */
    private void firmwareVersion(IppStream s) {
        int at = s.valueAt(), end = at + Math.min(s.valueLength(), MAX_VALUE_LENGTH / 2);
        for (int i = at; i < end; i++) {
            int c = s.octet(i);
            if (c < 0x20 || c > 0x7e) {
                value.clear();
                for (int j = at; j < end; j++) value.appendHex2(s.octet(j));
                return;
            }
        }
    }

    /**
     * IEEE 1284-2000 §7.6 device ID: "KEY:value;" pairs, keys case-insensitive, MFG/MANUFACTURER, MDL/MODEL and
     * CMD/COMMAND SET required. Parsed from the text already in {@link #value}, re-read from the stream.
     */
    private void deviceId(IppStream s, long mac, long hi, long lo, long ts, ObservationSink sink) {
        int tag = s.valueTag();
        int at = s.valueAt(), end = at + Math.min(s.valueLength(), MAX_VALUE_LENGTH);
        if (tag == TEXT_WITH_LANGUAGE || tag == NAME_WITH_LANGUAGE) return; // PWG 5107.2: text(1023) without language
        for (int keys = 0; keys < MAX_DEVICE_ID_KEYS && at < end; keys++) {
            int semi = at;
            while (semi < end && s.octet(semi) != ';') semi++;
            int colon = at;
            while (colon < semi && s.octet(colon) != ':') colon++;
            if (colon < semi) {
                String attribute = deviceIdKey(s, at, colon);
                if (attribute != null) {
                    int v = colon + 1, e = semi;
                    while (v < e && isSpace(s.octet(v))) v++;
                    while (e > v && isSpace(s.octet(e - 1))) e--;
                    value.clear();
                    for (int i = v; i < e; i++) value.appendText(s.octet(i));
                    reported.attribute(sink, mac, hi, lo, attribute, value, MAX_VALUES_PER_HOST,
                            IppAttributes.STATED, ts);
                }
            }
            at = semi + 1;
        }
    }

    private static String deviceIdKey(IppStream s, int from, int to) {
        while (from < to && isSpace(s.octet(from))) from++;
        while (to > from && isSpace(s.octet(to - 1))) to--;
        if (keyIs(s, from, to, "mfg") || keyIs(s, from, to, "manufacturer")) return IppAttributes.DEVICE_ID_MFG;
        if (keyIs(s, from, to, "mdl") || keyIs(s, from, to, "model")) return IppAttributes.DEVICE_ID_MDL;
        if (keyIs(s, from, to, "cmd") || keyIs(s, from, to, "command set")) return IppAttributes.DEVICE_ID_CMD;
        return null;
    }

    private static boolean keyIs(IppStream s, int from, int to, String lower) {
        if (to - from != lower.length()) return false;
        for (int i = 0; i < lower.length(); i++) {
            int c = s.octet(from + i);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != lower.charAt(i)) return false;
        }
        return true;
    }

    private IppStream find(int flowId, long firstSeen, boolean fromClient) {
        for (IppStream s : streams) if (s.is(flowId, firstSeen, fromClient)) return s;
        return null;
    }

    /** A free stream, or the least recently used one. */
    private IppStream claim(int flowId, long firstSeen, boolean fromClient) {
        IppStream oldest = streams[0];
        for (IppStream s : streams) {
            if (s.flowId == -1) {
                oldest = s;
                break;
            }
            if (s.lastUsed < oldest.lastUsed) oldest = s;
        }
        oldest.claim(flowId, firstSeen, fromClient);
        return oldest;
    }

    /** Offset after the empty line that ends the HTTP head (CR LF CR LF, or LF LF, RFC 9112 §2.2), or -1. */
    private static int bodyStart(Payload p) {
        int limit = Math.min(p.length(), HttpHead.MAX_HEAD_BYTES);
        for (int i = p.indexOf('\n', 0); i >= 0 && i < limit; i = p.indexOf('\n', i + 1)) {
            if (p.u8(i + 1) == '\n') return i + 2;
            if (p.u8(i + 1) == '\r' && p.u8(i + 2) == '\n') return i + 3;
        }
        return -1;
    }

    private static int skipSpace(Payload p, int at) {
        while (HttpHead.isSpace(p.u8(at))) at++;
        return at;
    }

    private static boolean contains(Payload p, int from, int to, String lower) {
        for (int i = from; i + lower.length() <= to; i++) {
            if (HttpHead.regionEqualsIgnoreCase(p, i, lower)) return true;
        }
        return false;
    }

    /** A decimal Content-Length (RFC 9110 §8.6), -1 when absent or malformed, capped well above any IPP message. */
    private static long decimal(Payload p, int from, int to) {
        long n = 0;
        int i = from;
        for (; i < to; i++) {
            int c = p.u8(i);
            if (c < '0' || c > '9') break;
            n = Math.min(n * 10 + c - '0', 1L << 40);
        }
        return i == from ? -1 : n;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
