package io.osprey.dissect.http;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * HTTP/1.x (RFC 9112) over TCP on the usual ports, and on any port whose first payload is an HTTP start line.
 * Reads the message heads at the start of the first segments of a connection and reports:
 * <ul>
 *   <li>from requests, about the client: {@value HttpAttributes#USER_AGENT}, {@value HttpAttributes#HOST}, the
 *   first request line of each connection ({@value HttpAttributes#REQUEST}, path only) and whether Basic or
 *   Digest credentials were sent (never the credentials);</li>
 *   <li>from responses, about the server: {@value HttpAttributes#SERVER}, the WWW-Authenticate schemes and
 *   realms, and an HTTP {@link Observation.Service} on the port it answers from.</li>
 * </ul>
 * Heads that start inside a segment (pipelined requests, bodies) are not looked for.
 *
 * <p>Login evidence, as {@link Observation.Operation}s from the client to the server (the vocabulary of
 * {@link io.osprey.dissect.banner.LoginOperations}):
 * <ul>
 *   <li>{@value #CLEARTEXT_CREDENTIALS} "protocol=http scheme=basic", once per client and server, for a request
 *   with Basic credentials (RFC 7617: the password is only base64-encoded). The credentials are never read;</li>
 *   <li>{@value #LOGIN_FAILED} "protocol=http" for every 401 response (RFC 9110 §15.5.2) on a connection whose
 *   client sent Basic or Digest credentials: the credentials were refused. A 401 to a request without them is the
 *   server's challenge, which every first visit to a protected page draws, and is not counted.</li>
 * </ul>
 */
public final class HttpDissector implements Dissector {
    public static final String NAME = "http";
    /** 80 (RFC 9110 §4.2.1), the common alternates 8080, 8000, 8008, and the ports UPnP stacks serve descriptions from. */
    public static final int[] PORTS = {80, 8080, 8000, 8008, 49152, 49153, 49154};
    /** Start-line prefixes the heuristic accepts: the methods of RFC 9110 §9, UPnP's, and a status line. */
    static final String[] START_PREFIXES = {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ",
        "CONNECT ", "TRACE ", "NOTIFY ", "SUBSCRIBE ", "UNSUBSCRIBE ", "M-SEARCH ", HttpHead.VERSION_1};
    /** Octets of a header value kept. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Octets of a request path kept; longer paths are cut. */
    public static final int MAX_PATH_LENGTH = 128;
    /** Distinct host names per client: the first ones identify a device, a browser would report without end. */
    public static final int MAX_HOSTS_PER_CLIENT = 64;
    public static final int MAX_REQUESTS_PER_CLIENT = 64;
    public static final int MAX_USER_AGENTS_PER_CLIENT = 16;
    public static final int MAX_SERVERS_PER_HOST = 8;
    public static final int MAX_REALMS_PER_HOST = 16;
    /** Challenges read from one WWW-Authenticate field. */
    public static final int MAX_CHALLENGE_ITEMS = 16;
    public static final String LOGIN_FAILED = "login-failed";
    public static final String CLEARTEXT_CREDENTIALS = "cleartext-credentials";
    static final String BASIC_DETAIL = "protocol=http scheme=basic";
    static final String FAILED_DETAIL = "protocol=http";
    /** RFC 9110 §15.5.2. */
    static final int UNAUTHORIZED = 401;

    private final HttpHead head = new HttpHead();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final FlowMarks requestRead = new FlowMarks();
    private final FlowMarks credentialsSent = new FlowMarks();
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer basicDetail = new ValueBuffer().append(BASIC_DETAIL);

    private long notHttp;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORTS).andHeuristic();
    }

    @Override
    public boolean detect(Payload payload, FlowView flow) {
        if (flow.exists() && flow.protocol() != io.osprey.packet.decode.IpProtocols.TCP) return false;
        for (String prefix : START_PREFIXES) {
            // the start line must also say HTTP/1.x: SIP and RTSP share methods such as OPTIONS and NOTIFY
            if (payload.startsWith(0, prefix)) return head.wrap(payload);
        }
        return false;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp()) return;
        if (!head.wrap(payload)) {
            notHttp++;
            return;
        }
        if (head.isResponse()) {
            response(packet, payload, flow, sink);
        } else {
            request(packet, payload, flow, sink);
        }
    }

    /** Heads seen that were not HTTP/1.x (bodies, other protocols on the ports). */
    public long notHttp() { return notHttp; }

    private void request(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (!flow.exists() || requestRead.mark(flow)) {
            value.clear();
            for (int i = 0; i < head.methodEnd(); i++) value.append(payload.u8(i));
            value.append(' ');
            appendPath(payload, head.targetStart(), head.targetEnd());
            reported.attribute(sink, mac, hi, lo, HttpAttributes.REQUEST, value, MAX_REQUESTS_PER_CLIENT,
                    HttpAttributes.STATED, ts);
        }
        while (head.nextHeader()) {
            if (head.nameIs("user-agent")) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, HttpAttributes.USER_AGENT, value, MAX_USER_AGENTS_PER_CLIENT,
                        HttpAttributes.STATED, ts);
            } else if (head.nameIs("host")) {
                head.appendValueLowerCase(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, HttpAttributes.HOST, value, MAX_HOSTS_PER_CLIENT,
                        HttpAttributes.STATED, ts);
            } else if (head.nameIs("authorization")) {
                // credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ] (RFC 9110 §11.4): the scheme only
                int at = skipSpace(payload, head.valueStart(), head.valueEnd());
                boolean basic = schemeIs(payload, at, head.valueEnd(), "basic");
                String attribute = basic ? HttpAttributes.BASIC_AUTH
                        : schemeIs(payload, at, head.valueEnd(), "digest") ? HttpAttributes.DIGEST_AUTH : null;
                if (attribute != null) {
                    reported.attribute(sink, mac, hi, lo, attribute, value.clear().append(HttpAttributes.PRESENT),
                            HttpAttributes.STATED, ts);
                    if (flow.exists()) credentialsSent.mark(flow);
                }
                if (basic) operations.between(packet, true).once(sink, CLEARTEXT_CREDENTIALS, basicDetail);
            }
        }
    }

    private void response(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (head.status() == UNAUTHORIZED && flow.exists() && credentialsSent.isMarked(flow)) {
            operations.between(packet, false).every(sink, LOGIN_FAILED, FAILED_DETAIL);
        }
        reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
        while (head.nextHeader()) {
            if (head.nameIs("server")) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, HttpAttributes.SERVER, value, MAX_SERVERS_PER_HOST,
                        HttpAttributes.STATED, ts);
            } else if (head.nameIs("www-authenticate")) {
                challenges(payload, mac, hi, lo, ts, sink);
            }
        }
    }

    /**
     * WWW-Authenticate = #challenge, challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ] (RFC 9110 §11.6.1):
     * a token not followed by "=" starts a new challenge and names its scheme; "realm=" gives its realm, a token
     * or a quoted-string (RFC 9110 §5.6.4).
     */
    private void challenges(Payload payload, long mac, long hi, long lo, long ts, ObservationSink sink) {
        int end = head.valueEnd();
        int at = head.valueStart();
        for (int items = 0; items < MAX_CHALLENGE_ITEMS; items++) {
            at = skipSeparators(payload, at, end);
            if (at >= end) return;
            int tokenEnd = at;
            while (tokenEnd < end && isTokenChar(payload.u8(tokenEnd))) tokenEnd++;
            if (tokenEnd == at) return;
            int after = skipSpace(payload, tokenEnd, end);
            if (payload.u8(after) == '=' && after < end) {
                int valueAt = skipSpace(payload, after + 1, end);
                boolean realm = tokenEnd - at == 5 && HttpHead.regionEqualsIgnoreCase(payload, at, "realm");
                value.clear();
                at = readParameterValue(payload, valueAt, end);
                if (realm) {
                    reported.attribute(sink, mac, hi, lo, HttpAttributes.AUTH_REALM, value, MAX_REALMS_PER_HOST,
                            HttpAttributes.STATED, ts);
                }
            } else {
                value.clear();
                HttpHead.appendText(payload, at, tokenEnd, value, MAX_VALUE_LENGTH, false);
                reported.attribute(sink, mac, hi, lo, HttpAttributes.AUTH_SCHEME, value, MAX_REALMS_PER_HOST,
                        HttpAttributes.STATED, ts);
                at = tokenEnd;
                // a token68 credential after the scheme ("Negotiate abc=="): skip to the next comma
                if (after < end && payload.u8(after) != ',' && isToken68(payload, after, end)) {
                    while (at < end && payload.u8(at) != ',') at++;
                }
            }
        }
    }

    /** Reads a token or quoted-string into {@link #value}; returns the offset after it. */
    private int readParameterValue(Payload payload, int at, int end) {
        if (payload.u8(at) == '"') {
            int i = at + 1;
            while (i < end) {
                int c = payload.u8(i);
                if (c == '"') return i + 1;
                if (c == '\\' && i + 1 < end) c = payload.u8(++i); // quoted-pair
                if (value.length() < MAX_VALUE_LENGTH) value.appendText(c);
                i++;
            }
            return end;
        }
        int i = at;
        while (i < end && payload.u8(i) != ',' && !HttpHead.isSpace(payload.u8(i))) {
            if (value.length() < MAX_VALUE_LENGTH) value.appendText(payload.u8(i));
            i++;
        }
        return i;
    }

    /** Appends the path of a request target: origin-form up to "?" or "#"; absolute-form without scheme and authority. */
    private void appendPath(Payload payload, int from, int to) {
        int at = from;
        int scheme = HttpHead.regionEqualsIgnoreCase(payload, from, "http://") ? 7
                : HttpHead.regionEqualsIgnoreCase(payload, from, "https://") ? 8 : 0;
        if (scheme > 0) {
            // absolute-form (RFC 9112 §3.2.2): the authority may carry userinfo, never reported
            at = from + scheme;
            while (at < to && payload.u8(at) != '/') at++;
            if (at == to) {
                value.append('/');
                return;
            }
        }
        int end = at;
        while (end < to && payload.u8(end) != '?' && payload.u8(end) != '#') end++;
        int written = 0;
        while (at < end && written < MAX_PATH_LENGTH) {
            int c = payload.u8(at);
            if (c == '/') {
                value.append('/');
                at++;
                written++;
                continue;
            }
            int segmentEnd = at;
            while (segmentEnd < end && payload.u8(segmentEnd) != '/') segmentEnd++;
            if (isOpaqueToken(payload, at, segmentEnd)) {
                // an API key or session id in the path (the Hue bridge's /api/<key>) is a secret: never stored
                value.appendText('{');
                for (char t : "token".toCharArray()) value.appendText(t);
                value.appendText('}');
                written += 7;
            } else {
                for (; at < segmentEnd && written < MAX_PATH_LENGTH; at++, written++) value.appendText(payload.u8(at));
            }
            at = segmentEnd;
        }
    }

    /** Shortest path segment taken for a key or token: 16 characters of letters and digits, with a digit among them. */
    static final int MIN_TOKEN_LENGTH = 16;

    /** A path segment that looks like a key, token or session id: long, all token characters, digits mixed in. */
    private static boolean isOpaqueToken(Payload payload, int from, int to) {
        if (to - from < MIN_TOKEN_LENGTH) return false;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            int c = payload.u8(i);
            boolean alnum = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!alnum && c != '-' && c != '_' && c != '=' && c != '.' && c != '~') return false;
            digit |= c >= '0' && c <= '9';
        }
        return digit;
    }

    private static boolean schemeIs(Payload payload, int at, int end, String lowerScheme) {
        int after = at + lowerScheme.length();
        return after <= end && HttpHead.regionEqualsIgnoreCase(payload, at, lowerScheme)
                && (after == end || HttpHead.isSpace(payload.u8(after)));
    }

    private static boolean isToken68(Payload payload, int at, int end) {
        int i = at;
        while (i < end && payload.u8(i) != ',' && !HttpHead.isSpace(payload.u8(i))) {
            if (payload.u8(i) == '=' && i + 1 < end && payload.u8(i + 1) != '=' && payload.u8(i + 1) != ','
                    && !HttpHead.isSpace(payload.u8(i + 1))) {
                return false; // "name=value": an auth-param
            }
            i++;
        }
        return true;
    }

    private static int skipSpace(Payload payload, int at, int end) {
        while (at < end && (HttpHead.isSpace(payload.u8(at)) || payload.u8(at) == '\r' || payload.u8(at) == '\n')) at++;
        return at;
    }

    private static int skipSeparators(Payload payload, int at, int end) {
        while (at < end && (payload.u8(at) == ',' || HttpHead.isSpace(payload.u8(at)) || payload.u8(at) == '\r'
                || payload.u8(at) == '\n')) {
            at++;
        }
        return at;
    }

    /** tchar (RFC 9110 §5.6.2). */
    private static boolean isTokenChar(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= 0 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
