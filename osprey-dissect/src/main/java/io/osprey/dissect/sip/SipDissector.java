package io.osprey.dissect.sip;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.Packet;

/**
 * SIP (RFC 3261) over UDP and TCP on port 5060 (§18.1), and on any port whose first payload is a SIP start line.
 * Reads the head of each message at the start of a datagram or segment and reports:
 * <ul>
 *   <li>from a request sent directly by its user agent (one Via entry), about the sender: the method,
 *   {@value SipAttributes#USER_AGENT}, the host and feature tags of its Contact, and whether it sent credentials
 *   ({@value SipAttributes#AUTH}, never the credentials);</li>
 *   <li>from a response, about the sender: {@value SipAttributes#SERVER}, User-Agent when a user agent puts it
 *   there, the Contact of a 1xx/2xx answer to anything but REGISTER, and a SIP {@link Observation.Service} on the
 *   port it answers from.</li>
 * </ul>
 * Detection (the start line) is {@link HttpHead}'s; the header values are read here.
 */
public final class SipDissector implements Dissector {
    public static final String NAME = "sip";
    /** RFC 3261 §18.1: 5060 for UDP and TCP (5061 is SIP over TLS, unreadable). */
    public static final int PORT = 5060;
    static final String VERSION = "SIP/";
    /** Methods of RFC 3261 §7.1 and its extensions (RFC 3262, 3265, 3311, 3428, 3515, 3903, 6086), for the heuristic. */
    static final String[] METHODS = {"REGISTER ", "INVITE ", "ACK ", "BYE ", "CANCEL ", "OPTIONS ", "PRACK ",
        "SUBSCRIBE ", "NOTIFY ", "PUBLISH ", "INFO ", "REFER ", "MESSAGE ", "UPDATE "};
    public static final int MAX_VALUE_LENGTH = 256;
    /** Via entries counted; a request that crossed more proxies than this is forwarded anyway. */
    public static final int MAX_VIA_ENTRIES = 70;
    /** Parameters read from one Contact header. */
    public static final int MAX_CONTACT_PARAMS = 16;
    public static final int MAX_METHODS_PER_HOST = 16;
    public static final int MAX_USER_AGENTS_PER_HOST = 8;
    public static final int MAX_SERVERS_PER_HOST = 8;
    public static final int MAX_CONTACT_HOSTS_PER_HOST = 8;
    public static final int MAX_FEATURES_PER_HOST = 32;

    private final HttpHead head = new HttpHead(VERSION);
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private long notSip;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        // every packet of a SIP flow is signalling (media goes elsewhere), and a phone's one UDP 5060 "flow" to its
        // registrar lasts for days, so no packet count past which the rest is skipped
        return Interest.forUdpPorts(PORT).andTcpPorts(PORT).andHeuristic().withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public boolean detect(Payload payload, FlowView flow) {
        if (payload.startsWith(0, "SIP/2.0 ")) return true;
        for (String method : METHODS) {
            if (payload.startsWith(0, method)) {
                int at = method.length();
                return payload.startsWith(at, "sip:") || payload.startsWith(at, "sips:") || payload.startsWith(at, "tel:");
            }
        }
        return false;
    }

    /** Heads seen that were not SIP (bodies, continuations, other protocols on the port). */
    public long notSip() { return notSip; }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() && !packet.isTcp()) return;
        if (!head.wrap(payload)) {
            notSip++;
            return;
        }
        // first pass: is the request straight from its user agent, and which request does a response answer?
        int vias = 0;
        boolean answersRegister = false;
        while (head.nextHeader()) {
            if (head.nameIs("via", 'v')) {
                vias += 1 + commasOutsideQuotes(payload, head.valueStart(), head.valueEnd());
                if (vias > MAX_VIA_ENTRIES) break;
            } else if (head.nameIs("cseq")) {
                // CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16)
                answersRegister = endsWithToken(payload, head.valueStart(), head.valueEnd(), "REGISTER");
            }
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        head.wrap(payload);
        if (head.isRequest()) {
            value.clear();
            for (int i = 0; i < head.methodEnd(); i++) value.append(payload.u8(i));
            reported.attribute(sink, mac, hi, lo, SipAttributes.METHOD, value, MAX_METHODS_PER_HOST,
                    SipAttributes.STATED, ts);
            if (vias == 1) headers(payload, mac, hi, lo, true, true, SipAttributes.STATED, ts, sink);
        } else {
            Observation.Transport transport = packet.isTcp() ? Observation.Transport.TCP : Observation.Transport.UDP;
            reported.service(sink, mac, hi, lo, packet.srcPort(), transport, NAME, ts);
            // RFC 3261 §10.3: a REGISTER answer lists the registered bindings; §21.3: a 3xx the places to try instead
            boolean ownContact = head.status() < 300 && !answersRegister;
            headers(payload, mac, hi, lo, false, ownContact, SipAttributes.RESPONDED, ts, sink);
        }
    }

    private void headers(Payload payload, long mac, long hi, long lo, boolean request, boolean contact,
                         double confidence, long ts, ObservationSink sink) {
        boolean contactRead = false;
        while (head.nextHeader()) {
            if (head.nameIs("user-agent")) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, SipAttributes.USER_AGENT, value, MAX_USER_AGENTS_PER_HOST,
                        confidence, ts);
            } else if (!request && head.nameIs("server")) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, SipAttributes.SERVER, value, MAX_SERVERS_PER_HOST, confidence, ts);
            } else if (contact && !contactRead && head.nameIs("contact", 'm')) {
                contactRead = true;
                contact(payload, head.valueStart(), head.valueEnd(), mac, hi, lo, confidence, ts, sink);
            } else if (request && (head.nameIs("authorization") || head.nameIs("proxy-authorization"))) {
                reported.attribute(sink, mac, hi, lo, SipAttributes.AUTH, value.clear().append(SipAttributes.PRESENT),
                        confidence, ts);
            }
        }
    }

    /**
     * The first contact-param of a Contact value (RFC 3261 §20.10, §25.1): ( name-addr / addr-spec ) *( SEMI
     * contact-params ), name-addr = [ display-name ] LAQUOT addr-spec RAQUOT. Without angle brackets, parameters
     * after the URI belong to the header, not to the URI. A "*" (REGISTER removing all bindings) has no host.
     */
    private void contact(Payload payload, int from, int to, long mac, long hi, long lo, double confidence, long ts,
                         ObservationSink sink) {
        int uriStart = from;
        int laquot = -1;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            int c = payload.u8(i);
            if (c == '"') quoted = !quoted;
            else if (c == '\\' && quoted) i++;
            else if (!quoted && (c == '<' || c == ',')) {
                if (c == '<') laquot = i;
                break;
            }
        }
        int uriEnd;
        if (laquot >= 0) {
            uriStart = laquot + 1;
            uriEnd = uriStart;
            while (uriEnd < to && payload.u8(uriEnd) != '>') uriEnd++;
        } else {
            while (uriStart < to && HttpHead.isSpace(payload.u8(uriStart))) uriStart++;
            uriEnd = uriStart;
            while (uriEnd < to && payload.u8(uriEnd) != ';' && payload.u8(uriEnd) != ','
                    && !HttpHead.isSpace(payload.u8(uriEnd))) {
                uriEnd++;
            }
        }
        host(payload, uriStart, uriEnd, mac, hi, lo, confidence, ts, sink);
        if (laquot >= 0 && uriEnd < to) uriEnd++; // past ">"
        params(payload, uriEnd, to, mac, hi, lo, confidence, ts, sink);
    }

    /** SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ], userinfo ending in "@" (RFC 3261 §19.1.1, §25.1). */
    private void host(Payload payload, int from, int to, long mac, long hi, long lo, double confidence, long ts,
                      ObservationSink sink) {
        int at;
        if (HttpHead.regionEqualsIgnoreCase(payload, from, "sip:")) at = from + 4;
        else if (HttpHead.regionEqualsIgnoreCase(payload, from, "sips:")) at = from + 5;
        else return;
        int hostEnd = at;
        while (hostEnd < to && payload.u8(hostEnd) != ';' && payload.u8(hostEnd) != '?') hostEnd++;
        for (int i = hostEnd - 1; i >= at; i--) {
            if (payload.u8(i) == '@') {
                at = i + 1; // the user part, and a password if one is sent (§19.1.1 deprecates it), is never read
                break;
            }
        }
        value.clear();
        if (payload.u8(at) == '[') {
            // IPv6reference = "[" IPv6address "]"
            int i = at + 1;
            while (i < hostEnd && payload.u8(i) != ']' && value.length() < MAX_VALUE_LENGTH) appendLower(payload.u8(i++));
        } else {
            for (int i = at; i < hostEnd && payload.u8(i) != ':' && value.length() < MAX_VALUE_LENGTH; i++) {
                appendLower(payload.u8(i));
            }
        }
        reported.attribute(sink, mac, hi, lo, SipAttributes.CONTACT_HOST, value, MAX_CONTACT_HOSTS_PER_HOST,
                confidence, ts);
    }

    /** contact-params after the address: feature tags (RFC 3840 §9) start with "+", values may be quoted. */
    private void params(Payload payload, int from, int to, long mac, long hi, long lo, double confidence, long ts,
                        ObservationSink sink) {
        int at = from;
        for (int n = 0; n < MAX_CONTACT_PARAMS; n++) {
            while (at < to && (payload.u8(at) == ';' || HttpHead.isSpace(payload.u8(at)))) at++;
            if (at >= to || payload.u8(at) == ',') return;
            int nameStart = at;
            while (at < to && payload.u8(at) != '=' && payload.u8(at) != ';' && payload.u8(at) != ','
                    && !HttpHead.isSpace(payload.u8(at))) {
                at++;
            }
            int nameEnd = at;
            while (at < to && HttpHead.isSpace(payload.u8(at))) at++;
            boolean feature = payload.u8(nameStart) == '+' && nameEnd > nameStart + 1;
            boolean instance = nameEnd - nameStart == 13 && HttpHead.regionEqualsIgnoreCase(payload, nameStart, "+sip.instance");
            value.clear();
            if (feature && !instance) {
                for (int i = nameStart; i < nameEnd; i++) value.appendText(payload.u8(i));
            }
            if (at < to && payload.u8(at) == '=') {
                at++;
                while (at < to && HttpHead.isSpace(payload.u8(at))) at++;
                if (feature && !instance) value.append('=');
                at = paramValue(payload, at, to, feature, instance);
            }
            if (instance) {
                reported.attribute(sink, mac, hi, lo, SipAttributes.INSTANCE, value, MAX_FEATURES_PER_HOST, confidence, ts);
            } else if (feature) {
                reported.attribute(sink, mac, hi, lo, SipAttributes.CONTACT_FEATURE, value, MAX_FEATURES_PER_HOST,
                        confidence, ts);
            }
        }
    }

    /**
     * Reads a token or quoted-string value, appending it to {@link #value} when {@code keep}; an instance URN
     * loses its angle brackets ("&lt;urn:uuid:…&gt;", RFC 5626 §4.1). Returns the offset after the value.
     */
    private int paramValue(Payload payload, int at, int to, boolean keep, boolean instance) {
        keep |= instance;
        int start = value.length();
        int i = at;
        if (payload.u8(i) == '"') {
            for (i++; i < to; i++) {
                int c = payload.u8(i);
                if (c == '"') {
                    i++;
                    break;
                }
                if (c == '\\' && i + 1 < to) c = payload.u8(++i);
                if (instance && c == '<' && value.length() == start) continue;
                if (keep && value.length() - start < MAX_VALUE_LENGTH) value.appendText(c);
            }
        } else {
            for (; i < to; i++) {
                int c = payload.u8(i);
                if (c == ';' || c == ',' || HttpHead.isSpace(c)) break;
                if (keep && value.length() - start < MAX_VALUE_LENGTH) value.appendText(c);
            }
        }
        if (instance) value.trimTrailing('>');
        return i;
    }

    private void appendLower(int c) {
        value.appendText(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }

    private static int commasOutsideQuotes(Payload payload, int from, int to) {
        int n = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            int c = payload.u8(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) n++;
        }
        return n;
    }

    private static boolean endsWithToken(Payload payload, int from, int to, String token) {
        int end = to;
        while (end > from && (HttpHead.isSpace(payload.u8(end - 1)) || payload.u8(end - 1) == '\r' || payload.u8(end - 1) == '\n')) end--;
        int start = end - token.length();
        return start > from && payload.startsWith(start, token) && HttpHead.isSpace(payload.u8(start - 1));
    }
}
