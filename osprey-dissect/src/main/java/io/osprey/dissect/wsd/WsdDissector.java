package io.osprey.dissect.wsd;

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
 * WS-Discovery (OASIS WS-Discovery 1.1, and the 2005/04 draft Windows and ONVIF still speak): SOAP envelopes over
 * UDP 3702 (SOAP-over-UDP 1.1), multicast to 239.255.255.250 / FF02::C. Printers, scanners, ONVIF cameras and
 * Windows hosts announce themselves with it.
 *
 * <p>What a message says depends on its kind (§4, §5, §6): Hello, Bye, ProbeMatches and ResolveMatches come from a
 * target service and describe it: its Types, Scopes (ONVIF devices put their hardware, name and type there),
 * XAddrs and endpoint address, all reported about the sender, with a {@link Observation.Service} on 3702/udp where
 * target services listen (§2.4). A Probe only shows a client and the types it looks for; a Resolve names another
 * endpoint, so nothing in it is about the sender but the message kind.
 *
 * <p>No XML parser: {@link XmlScanner} walks the start tags by local name, whatever the namespace prefix, within
 * {@link #MAX_SCAN_BYTES}; values are cut at {@link #MAX_VALUE_LENGTH}.
 */
public final class WsdDissector implements Dissector {
    public static final String NAME = "wsd";
    /** SOAP-over-UDP 1.1 §3.2 / WS-Discovery 1.1 §2.4: the discovery port. */
    public static final int PORT = 3702;
    /** The application protocol name of the service observation. */
    public static final String PROTOCOL = "ws-discovery";
    /** Octets of a message examined; a SOAP-over-UDP message fits one datagram. */
    public static final int MAX_SCAN_BYTES = 32 * 1024;
    /** Octets of a value kept. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Items read from one Types, Scopes or XAddrs list. */
    public static final int MAX_LIST_ITEMS = 32;
    /** Distinct values per host of the list attributes (types, scopes, addresses). */
    public static final int MAX_VALUES_PER_HOST = 64;
    /** Distinct values per host of the single-valued attributes (endpoint, ONVIF name...). */
    public static final int MAX_SINGLE_VALUES_PER_HOST = 8;
    /** The leading bytes in which the heuristic looks for a SOAP envelope. */
    static final int DETECT_WINDOW = 512;
    /** ONVIF Core §7.3.2.2: scopes under this prefix carry device facts. */
    static final String ONVIF_SCOPE_PREFIX = "onvif://www.onvif.org/";

    /** Message kinds, by the local name of the SOAP body's element (§4.1, §4.2, §5.2, §5.3, §6.1, §6.2). */
    static final String[] KINDS = {"Hello", "Bye", "Probe", "ProbeMatches", "Resolve", "ResolveMatches"};
    static final int NONE = -1, HELLO = 0, BYE = 1, PROBE = 2, PROBE_MATCHES = 3, RESOLVE = 4, RESOLVE_MATCHES = 5;

    private final XmlScanner xml = new XmlScanner();
    private final ValueBuffer value = new ValueBuffer();
    /** Keyed by MAC: discovery is link-local multicast, the frame's source is the device itself. */
    private final ReportedFacts reported = new ReportedFacts(NAME, true);

    /** The datagram being dissected; the scanner and the list reader share it. */
    private Payload payload;
    private long notWsd;

    @Override
    public String name() {
        return NAME;
    }

    /** Every packet of the port (the multicast flow never idles), and the unicast matches sent from other ports. */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).andHeuristic().withPayloadPackets(Integer.MAX_VALUE);
    }

    /** A UDP datagram that opens with an XML declaration or a tag and names an Envelope early on. */
    @Override
    public boolean detect(Payload payload, FlowView flow) {
        if (flow.exists() && flow.protocol() != IpProtocols.UDP) return false;
        int at = 0;
        while (at < payload.length() && isSpace(payload.u8(at))) at++;
        if (payload.u8(at) != '<') return false;
        int limit = Math.min(payload.length(), DETECT_WINDOW);
        for (int i = at; i + 8 <= limit; i++) {
            if (payload.u8(i) == 'E' && payload.startsWith(i, "Envelope")) return true;
        }
        return false;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp()) return;
        this.payload = payload;
        xml.wrap(payload, MAX_SCAN_BYTES);
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        int kind = NONE;
        while (xml.next()) {
            if (kind == NONE) {
                // the header (To, Action, MessageID, ReplyTo/Address...) comes before the body's message element
                kind = kindOf();
                if (kind != NONE) {
                    value.clear().append(KINDS[kind]);
                    reported.attribute(sink, mac, hi, lo, WsdAttributes.MESSAGE, value, MAX_SINGLE_VALUES_PER_HOST,
                            WsdAttributes.SEEN, ts);
                    if (kind == HELLO || kind == PROBE_MATCHES || kind == RESOLVE_MATCHES) {
                        reported.service(sink, mac, hi, lo, PORT, Observation.Transport.UDP, PROTOCOL, ts);
                    }
                }
                continue;
            }
            if (xml.isEmptyElement()) continue;
            if (kind == PROBE) {
                if (xml.localNameIs("Types")) list(WsdAttributes.PROBE_TYPES, WsdAttributes.SEEN, mac, hi, lo, ts, sink);
            } else if (kind != RESOLVE) {
                if (xml.localNameIs("Types")) {
                    list(WsdAttributes.TYPES, WsdAttributes.STATED, mac, hi, lo, ts, sink);
                } else if (xml.localNameIs("Scopes")) {
                    list(WsdAttributes.SCOPE, WsdAttributes.STATED, mac, hi, lo, ts, sink);
                } else if (xml.localNameIs("XAddrs")) {
                    list(WsdAttributes.XADDR, WsdAttributes.STATED, mac, hi, lo, ts, sink);
                } else if (xml.localNameIs("Address")) {
                    // EndpointReference/Address (WS-Addressing §2.1); the header's ReplyTo/Address came before the body
                    list(WsdAttributes.ENDPOINT, WsdAttributes.STATED, mac, hi, lo, ts, sink);
                }
            }
        }
        if (kind == NONE) notWsd++;
        this.payload = null; // reused by the pipeline: not kept past the call
    }

    /** Datagrams on the port that held no WS-Discovery message. */
    public long notWsd() { return notWsd; }

    private int kindOf() {
        for (int k = 0; k < KINDS.length; k++) {
            if (xml.localNameIs(KINDS[k])) return k;
        }
        return NONE;
    }

    /** Reports each white-space separated item of the current element's text (xs:list, XML Schema 2 §3.2.1). */
    private void list(String attribute, double confidence, long mac, long hi, long lo, long ts, ObservationSink sink) {
        Payload p = payload;
        int end = xml.textEnd();
        int at = xml.textStart();
        int max = attribute.equals(WsdAttributes.ENDPOINT) ? MAX_SINGLE_VALUES_PER_HOST : MAX_VALUES_PER_HOST;
        for (int items = 0; items < MAX_LIST_ITEMS; items++) {
            while (at < end && isSpace(p.u8(at))) at++;
            if (at >= end) return;
            int itemEnd = at;
            while (itemEnd < end && !isSpace(p.u8(itemEnd))) itemEnd++;
            appendText(p, at, itemEnd, value.clear(), false);
            reported.attribute(sink, mac, hi, lo, attribute, value, max, confidence, ts);
            if (attribute.equals(WsdAttributes.SCOPE)) onvifScope(p, at, itemEnd, mac, hi, lo, ts, sink);
            at = itemEnd;
        }
    }

    /** ONVIF Core §7.3.2.2: "onvif://www.onvif.org/&lt;category&gt;/&lt;value&gt;", the value percent-encoded. */
    private void onvifScope(Payload p, int from, int to, long mac, long hi, long lo, long ts, ObservationSink sink) {
        if (!regionEqualsIgnoreCase(p, from, to, ONVIF_SCOPE_PREFIX)) return;
        int at = from + ONVIF_SCOPE_PREFIX.length();
        String attribute;
        int skip;
        if (regionEqualsIgnoreCase(p, at, to, "hardware/")) {
            attribute = WsdAttributes.ONVIF_HARDWARE;
            skip = 9;
        } else if (regionEqualsIgnoreCase(p, at, to, "name/")) {
            attribute = WsdAttributes.ONVIF_NAME;
            skip = 5;
        } else if (regionEqualsIgnoreCase(p, at, to, "type/")) {
            attribute = WsdAttributes.ONVIF_TYPE;
            skip = 5;
        } else if (regionEqualsIgnoreCase(p, at, to, "profile/")) {
            attribute = WsdAttributes.ONVIF_PROFILE;
            skip = 8;
        } else {
            return;
        }
        appendText(p, at + skip, to, value.clear(), true);
        reported.attribute(sink, mac, hi, lo, attribute, value.trimTrailing(' '), MAX_SINGLE_VALUES_PER_HOST,
                WsdAttributes.STATED, ts);
    }

    /**
     * Appends octets {@code [from, to)} with the predefined entities of XML 1.0 §4.6 decoded and, for ONVIF scope
     * values, percent-encoding (RFC 3986 §2.1) too; at most {@link #MAX_VALUE_LENGTH} octets.
     */
    static void appendText(Payload p, int from, int to, ValueBuffer out, boolean percentDecode) {
        int i = from;
        while (i < to && out.length() < MAX_VALUE_LENGTH) {
            int c = p.u8(i);
            if (c == '&') {
                int semi = i + 1;
                while (semi < to && semi - i <= 5 && p.u8(semi) != ';') semi++;
                int decoded = semi < to && p.u8(semi) == ';' ? entity(p, i + 1, semi) : -1;
                if (decoded >= 0) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            } else if (percentDecode && c == '%' && i + 2 < to && hex(p.u8(i + 1)) >= 0 && hex(p.u8(i + 2)) >= 0) {
                out.appendText(hex(p.u8(i + 1)) << 4 | hex(p.u8(i + 2)));
                i += 3;
                continue;
            }
            out.appendText(c);
            i++;
        }
    }

    private static int entity(Payload p, int from, int to) {
        int n = to - from;
        if (n == 3 && p.startsWith(from, "amp")) return '&';
        if (n == 2 && p.startsWith(from, "lt")) return '<';
        if (n == 2 && p.startsWith(from, "gt")) return '>';
        if (n == 4 && p.startsWith(from, "quot")) return '"';
        if (n == 4 && p.startsWith(from, "apos")) return '\'';
        return -1;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean regionEqualsIgnoreCase(Payload p, int at, int end, String lower) {
        if (end - at < lower.length()) return false;
        for (int i = 0; i < lower.length(); i++) {
            int c = p.u8(at + i);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != lower.charAt(i)) return false;
        }
        return true;
    }

    /** White space of XML 1.0 §2.3 (S). */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
