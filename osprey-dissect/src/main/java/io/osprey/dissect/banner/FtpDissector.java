package io.osprey.dissect.banner;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.FlowBits;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.Packet;

/**
 * FTP on TCP 21: the server greeting (RFC 959 §5.4: a connection is answered with 220 "Service ready for new user"),
 * reported as {@value BannerAttributes#FTP_BANNER} with an FTP {@link Observation.Service} about the server. A reply
 * is "220 text" on one line, or "220-text" followed by lines up to one starting "220 " (RFC 959 §4.2).
 *
 * <p>Login evidence, as {@link Observation.Operation}s from the client to the server:
 * <ul>
 *   <li>{@value LoginOperations#LOGIN_FAILED} "protocol=ftp" at every 530 reply ("Not logged in", RFC 959 §4.2.2: the
 *   answer to a PASS with a wrong password, or to a USER the server refuses);</li>
 *   <li>{@value LoginOperations#CLEARTEXT_CREDENTIALS} "protocol=ftp user-seen=true" (false when no USER command
 *   came first) once per connection, when the client sends PASS (RFC 959 §4.1.1): the password crosses the network
 *   in clear. Anonymous FTP (USER anonymous or ftp, RFC 1635) is left out, as its password is no secret. The user
 *   name and the password are never read beyond the check for anonymous.</li>
 * </ul>
 */
public final class FtpDissector implements Dissector {
    public static final String NAME = "ftp";
    public static final int PORT = 21;
    static final String GREETING_CODE = "220";
    /** RFC 959 §4.2.2: "530 Not logged in". */
    static final String NOT_LOGGED_IN = "530";
    /** Lines of a multi-line greeting read. */
    public static final int MAX_GREETING_LINES = 16;
    /**
     * Packets examined per connection: the greeting comes first, the logins after it; a server closes the control
     * connection after a few failed logins, and file data travels on other connections.
     */
    public static final int PAYLOAD_PACKETS = 256;
    private static final int USER_SEEN = 1, ANONYMOUS = 2, CREDENTIALS_REPORTED = 4;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final FlowBits login = new FlowBits();

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
        if (!packet.isTcp()) return;
        if (!Sides.fromServer(packet, flow, PORT)) {
            command(packet, payload, flow, sink);
        } else if (isReply(payload, NOT_LOGGED_IN)) {
            operations.between(packet, false).every(sink, LoginOperations.LOGIN_FAILED, LoginOperations.FTP);
        } else if (isReply(payload, GREETING_CODE)) {
            greeting(packet, payload, sink);
        }
    }

    /** RFC 959 §4.2: a reply starts with its three-digit code and a space, or a hyphen for a multi-line reply. */
    private static boolean isReply(Payload payload, String code) {
        int separator = payload.u8(code.length());
        return payload.startsWith(0, code) && (separator == ' ' || separator == '-');
    }

    /** RFC 959 §5.3.1: "USER SP username CRLF", "PASS SP password CRLF"; command names are case-insensitive. */
    private void command(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (isCommand(payload, "user")) {
            // RFC 1635 §2: anonymous FTP logs in as "anonymous" (or "ftp") with an e-mail address as password
            boolean anonymous = argumentIs(payload, "anonymous") || argumentIs(payload, "ftp");
            login.set(flow, USER_SEEN);
            if (anonymous) login.set(flow, ANONYMOUS);
            else login.clear(flow, ANONYMOUS);
        } else if (isCommand(payload, "pass")) {
            int state = login.get(flow);
            if ((state & (ANONYMOUS | CREDENTIALS_REPORTED)) != 0) return;
            login.set(flow, CREDENTIALS_REPORTED);
            operations.between(packet, true).every(sink, LoginOperations.CLEARTEXT_CREDENTIALS,
                    (state & USER_SEEN) != 0 ? LoginOperations.FTP_USER_SEEN : LoginOperations.FTP_NO_USER);
        }
    }

    private static boolean isCommand(Payload payload, String lowerName) {
        int after = payload.u8(lowerName.length());
        return HttpHead.regionEqualsIgnoreCase(payload, 0, lowerName)
                && (after == ' ' || after == '\r' || after == '\n');
    }

    /** True when the command's argument is {@code lower}, in any case, followed by the end of the line. */
    private static boolean argumentIs(Payload payload, String lower) {
        int at = 5;
        int end = payload.u8(at + lower.length());
        return HttpHead.regionEqualsIgnoreCase(payload, at, lower) && (end == '\r' || end == '\n' || end == -1);
    }

    private void greeting(Packet packet, Payload payload, ObservationSink sink) {
        value.clear();
        boolean multiLine = payload.u8(GREETING_CODE.length()) == '-';
        int at = 0;
        for (int n = 0; n < MAX_GREETING_LINES && payload.has(at, 1); n++) {
            int lf = payload.indexOf('\n', at);
            int end = lf < 0 ? payload.length() : lf;
            boolean last = !multiLine || n > 0 && payload.startsWith(at, "220 ");
            int text = at;
            if (payload.startsWith(at, GREETING_CODE) && (payload.u8(at + 3) == ' ' || payload.u8(at + 3) == '-')) {
                text = at + GREETING_CODE.length() + 1;
            }
            value.trimTrailing(' ');
            if (value.length() > 0 && value.length() < BannerAttributes.MAX_BANNER_LENGTH) value.append(' ');
            HttpHead.appendText(payload, text, end, value, BannerAttributes.MAX_BANNER_LENGTH - value.length(), false);
            if (last || lf < 0) break;
            at = lf + 1;
        }
        value.trimTrailing(' ');
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
        reported.attribute(sink, mac, hi, lo, BannerAttributes.FTP_BANNER, value, BannerAttributes.STATED, ts);
    }
}
