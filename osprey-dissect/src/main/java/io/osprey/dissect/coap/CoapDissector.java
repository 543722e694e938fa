package io.osprey.dissect.coap;

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
 * CoAP over UDP 5683 (RFC 7252). The message format (§3):
 * <pre>
 * Ver (2) | T (2) | TKL (4) | Code (8: class 3, detail 5) | Message ID (16) | Token (TKL) | Options | 0xFF | Payload
 * </pre>
 * Options (§3.1) are delta-encoded: a nibble each of delta and length, 13 and 14 taking one or two more octets,
 * 15 reserved. Requests (class 0, detail 1–7) give the method, Uri-Host (3) and Uri-Path (11) about the client;
 * responses (classes 2, 4, 5) sent from port 5683 prove a CoAP server, and a 2.05 Content in
 * application/link-format (Content-Format 40, RFC 6690 §7.3) lists its resources, whose paths, rt= and if= values
 * are reported about it.
 */
public final class CoapDissector implements Dissector {
    public static final String NAME = "coap";
    public static final int PORT = 5683;
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 4;
    /** §3: token lengths 9–15 are a message format error. */
    static final int MAX_TOKEN_LENGTH = 8;
    static final int PAYLOAD_MARKER = 0xff;
    static final int OPTION_URI_HOST = 3, OPTION_URI_PATH = 11, OPTION_CONTENT_FORMAT = 12, OPTION_BLOCK2 = 23;
    /** RFC 6690 §7.3: application/link-format. */
    static final int LINK_FORMAT = 40;
    static final int CONTENT = 0x45; // 2.05
    /** Options read per message. */
    public static final int MAX_OPTIONS = 32;
    /** Octets of a path, host, resource or parameter value kept (§5.10: options are at most 255 octets). */
    public static final int MAX_VALUE_LENGTH = 255;
    /** Links read per link-format payload. */
    public static final int MAX_LINKS = 64;
    /** Distinct request paths reported per client. */
    public static final int MAX_PATHS_PER_HOST = 32;
    /** Distinct resources, and resource types and interfaces, reported per server. */
    public static final int MAX_RESOURCES_PER_HOST = 64;
    /** Distinct methods and response codes reported per host. */
    public static final int MAX_CODES_PER_HOST = 8;
    /** Packets of a flow examined: discovery and the first exchanges. */
    public static final int PAYLOAD_PACKETS = 64;

    private static final String[] METHODS = {null, "GET", "POST", "PUT", "DELETE", "FETCH", "PATCH", "iPATCH"};

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    /** Where the options and payload of the current message lie, as found by {@link #readOptions}. */
    private int uriHostAt, uriHostLength, contentFormat, payloadAt;
    private boolean moreBlocks;
    /** Where the octets after the option nibble last read by {@link #nibble} continue. */
    private int nextAt;
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp()) return;
        int first = payload.u8(0);
        int tokenLength = first & 0xf;
        int code = payload.u8(1);
        if (first >>> 6 != VERSION || tokenLength > MAX_TOKEN_LENGTH || !payload.has(0, HEADER_LENGTH + tokenLength)) {
            malformed++;
            return;
        }
        int codeClass = code >>> 5, detail = code & 0x1f;
        if (code == 0) return; // empty message: ACK or RST (§4.1)
        if (!readOptions(payload, HEADER_LENGTH + tokenLength)) {
            malformed++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (codeClass == 0 && detail < METHODS.length) {
            request(payload, HEADER_LENGTH + tokenLength, detail, sink, mac, hi, lo, ts);
        } else if (codeClass == 2 || codeClass == 4 || codeClass == 5) {
            if (packet.srcPort() == PORT) {
                reported.service(sink, mac, hi, lo, PORT, Observation.Transport.UDP, NAME, ts);
            }
            value.clear().appendDecimal(codeClass).append('.').append('0' + detail / 10).append('0' + detail % 10);
            reported.attribute(sink, mac, hi, lo, CoapAttributes.RESPONSE_CODE, value, MAX_CODES_PER_HOST,
                    CoapAttributes.STATED, ts);
            if (code == CONTENT && contentFormat == LINK_FORMAT && payloadAt > 0) {
                links(payload, payloadAt, sink, mac, hi, lo, ts);
            }
        }
    }

    /**
     * Walks the options from {@code at}, noting Uri-Host, Content-Format, Block2's M bit and where the payload
     * starts; false on a format error (§3.1: nibble 15 other than the payload marker, options past the end).
     */
    private boolean readOptions(Payload payload, int at) {
        uriHostAt = -1;
        uriHostLength = 0;
        contentFormat = -1;
        payloadAt = -1;
        moreBlocks = false;
        int number = 0;
        for (int n = 0; n < MAX_OPTIONS && at < payload.length(); n++) {
            int b = payload.u8(at++);
            if (b == PAYLOAD_MARKER) {
                if (at >= payload.length()) return false; // §3: a marker with no payload is a format error
                payloadAt = at;
                return true;
            }
            int delta = nibble(payload, b >>> 4, at);
            at = nextAt;
            int length = nibble(payload, b & 0xf, at);
            at = nextAt;
            if (delta < 0 || length < 0 || at + length > payload.length()) return false;
            number += delta;
            if (number == OPTION_URI_HOST) {
                uriHostAt = at;
                uriHostLength = length;
            } else if (number == OPTION_CONTENT_FORMAT) {
                contentFormat = uint(payload, at, length);
            } else if (number == OPTION_BLOCK2) {
                moreBlocks = (uint(payload, at, length) & 0x8) != 0;
            }
            at += length;
        }
        return true; // past MAX_OPTIONS the rest is ignored
    }

    /** §3.1 option delta or length nibble with its extended octets; sets {@link #nextAt}; -1 when reserved or cut. */
    private int nibble(Payload payload, int v, int at) {
        nextAt = at;
        if (v < 13) return v;
        if (v == 13 && payload.has(at, 1)) {
            nextAt = at + 1;
            return payload.u8(at) + 13;
        }
        if (v == 14 && payload.has(at, 2)) {
            nextAt = at + 2;
            return payload.u16(at) + 269;
        }
        return -1;
    }

    /** §3.2 uint format: big-endian, leading zeros dropped, at most four octets here. */
    private static int uint(Payload payload, int at, int length) {
        int v = 0;
        for (int i = 0; i < Math.min(length, 4); i++) v = v << 8 | payload.u8(at + i);
        return v;
    }

    private void request(Payload payload, int at, int method, ObservationSink sink, long mac, long hi, long lo, long ts) {
        reported.attribute(sink, mac, hi, lo, CoapAttributes.METHOD, value.clear().append(METHODS[method]),
                MAX_CODES_PER_HOST, CoapAttributes.REQUESTED, ts);
        if (uriHostAt >= 0 && uriHostLength > 0) {
            value.clear();
            for (int i = 0; i < uriHostLength; i++) value.appendText(payload.u8(uriHostAt + i));
            reported.attribute(sink, mac, hi, lo, CoapAttributes.URI_HOST, value, MAX_PATHS_PER_HOST,
                    CoapAttributes.REQUESTED, ts);
        }
        // a second walk joins the Uri-Path segments (§6.5 step 8), each prefixed by '/'
        value.clear();
        int number = 0;
        int end = payloadAt > 0 ? payloadAt - 1 : payload.length();
        for (int n = 0; n < MAX_OPTIONS && at < end; n++) {
            int b = payload.u8(at++);
            int delta = nibble(payload, b >>> 4, at);
            at = nextAt;
            int length = nibble(payload, b & 0xf, at);
            at = nextAt;
            number += delta;
            if (number == OPTION_URI_PATH) {
                value.append('/');
                for (int i = 0; i < length && value.length() < MAX_VALUE_LENGTH; i++) value.appendText(payload.u8(at + i));
            }
            at += length;
        }
        reported.attribute(sink, mac, hi, lo, CoapAttributes.REQUEST_PATH, value, MAX_PATHS_PER_HOST,
                CoapAttributes.REQUESTED, ts);
    }

    /**
     * RFC 6690 §2: link-value *("," link-value), link-value = "<" URI-Reference ">" *(";" link-param), link-param =
     * name ["=" (token / quoted-string)]. With more blocks to come (Block2 M bit, RFC 7959 §2.2) the last link
     * may be cut and is skipped.
     */
    private void links(Payload payload, int at, ObservationSink sink, long mac, long hi, long lo, long ts) {
        int end = payload.length();
        for (int n = 0; n < MAX_LINKS && at < end; n++) {
            while (at < end && (payload.u8(at) == ',' || isSpace(payload.u8(at)))) at++;
            if (payload.u8(at) != '<') return;
            int close = payload.indexOf('>', at + 1);
            if (close < 0) return;
            int linkEnd = linkEnd(payload, close + 1, end);
            if (moreBlocks && linkEnd >= end) return;
            text(payload, at + 1, close);
            reported.attribute(sink, mac, hi, lo, CoapAttributes.RESOURCE, value, MAX_RESOURCES_PER_HOST,
                    CoapAttributes.STATED, ts);
            params(payload, close + 1, linkEnd, sink, mac, hi, lo, ts);
            at = linkEnd + 1;
        }
    }

    /** The ',' ending the link whose parameters start at {@code at} (outside quoted strings), or {@code end}. */
    private static int linkEnd(Payload payload, int at, int end) {
        boolean quoted = false;
        for (int i = at; i < end; i++) {
            int c = payload.u8(i);
            if (c == '"') quoted = !quoted;
            else if (c == '\\' && quoted) i++;
            else if (c == ',' && !quoted) return i;
        }
        return end;
    }

    private void params(Payload payload, int at, int end, ObservationSink sink, long mac, long hi, long lo, long ts) {
        while (at < end && payload.u8(at) == ';') {
            int nameStart = at + 1;
            int p = nameStart;
            while (p < end && payload.u8(p) != '=' && payload.u8(p) != ';') p++;
            String attribute = nameIs(payload, nameStart, p, "rt") ? CoapAttributes.RESOURCE_TYPE
                    : nameIs(payload, nameStart, p, "if") ? CoapAttributes.INTERFACE : null;
            if (p >= end || payload.u8(p) == ';') {
                at = p;
                continue;
            }
            int v = p + 1, vEnd;
            if (payload.u8(v) == '"') {
                v++;
                vEnd = v;
                while (vEnd < end && payload.u8(vEnd) != '"') vEnd += payload.u8(vEnd) == '\\' ? 2 : 1;
                if (vEnd >= end) return; // unterminated
                at = vEnd + 1;
            } else {
                vEnd = v;
                while (vEnd < end && payload.u8(vEnd) != ';') vEnd++;
                at = vEnd;
            }
            if (attribute != null) values(payload, v, vEnd, attribute, sink, mac, hi, lo, ts);
        }
    }

    /** §3.1–3.2: rt and if hold one or more values separated by spaces. */
    private void values(Payload payload, int at, int end, String attribute, ObservationSink sink, long mac, long hi,
                        long lo, long ts) {
        while (at < end) {
            while (at < end && isSpace(payload.u8(at))) at++;
            int e = at;
            while (e < end && !isSpace(payload.u8(e))) e++;
            if (e > at) {
                text(payload, at, e);
                reported.attribute(sink, mac, hi, lo, attribute, value, MAX_RESOURCES_PER_HOST, CoapAttributes.STATED, ts);
            }
            at = e;
        }
    }

    private void text(Payload payload, int at, int end) {
        value.clear();
        for (int i = at; i < end && value.length() < MAX_VALUE_LENGTH; i++) value.appendText(payload.u8(i));
    }

    private static boolean nameIs(Payload payload, int at, int end, String name) {
        return end - at == name.length() && payload.startsWith(at, name);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Messages on the port that were not CoAP version 1 or broke the option format. */
    public long malformed() { return malformed; }
}
