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
import io.osprey.dissect.http.FlowMarks;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.Packet;

/**
 * Telnet (RFC 854) on TCP 23. A server that sends anything proves a Telnet {@link Observation.Service}; the first
 * printable text it sends after option negotiation (its login banner or prompt) is reported once per session as
 * {@value BannerAttributes#TELNET_BANNER}. What the client sends (user names, passwords) is never read.
 *
 * <p>Login evidence, as {@link Observation.Operation}s from the client to the server, detail "protocol=telnet":
 * <ul>
 *   <li>{@value LoginOperations#CLEARTEXT_CREDENTIALS}, once per connection, when the server's text ends with a
 *   login or password prompt ({@link #PROMPTS}) and the client then sends data: its answer crosses the network in
 *   clear (RFC 854 has no encryption);</li>
 *   <li>{@value LoginOperations#LOGIN_FAILED} for every server packet that says a login failed ({@link #FAILURES},
 *   the messages of login(1), PAM and network devices).</li>
 * </ul>
 *
 * <p>Removed from the text: commands "IAC x" (RFC 854, "TELNET COMMAND STRUCTURE"), option negotiation "IAC
 * WILL/WONT/DO/DONT option", subnegotiation "IAC SB ... IAC SE" (RFC 855), and ANSI/ECMA-48 control sequences
 * "ESC [ ... final" that clear the screen or set colours. Other control characters count as white space.
 */
public final class TelnetDissector implements Dissector {
    public static final String NAME = "telnet";
    public static final int PORT = 23;
    static final int IAC = 255;
    static final int DONT = 254;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;
    static final int ESC = 0x1b;
    /**
     * Packets examined per connection (both sides, acknowledgements included): negotiation takes a few round trips
     * before the banner, and a client in character mode sends each keystroke of a login in its own segment, which
     * the server echoes; a server drops the connection after a few failed logins.
     */
    public static final int PAYLOAD_PACKETS = 256;
    /** Text ending a server packet that asks for a user name or a password, before the colon (lower case). */
    static final String[] PROMPTS = {"login", "username", "user name", "user", "password", "passcode"};
    /** Text in a server packet that says a login failed (lower case). */
    static final String[] FAILURES = {"login incorrect", "login invalid", "login failed", "authentication failed"};
    private static final int PROMPT_SENT = 1, CREDENTIALS_REPORTED = 2;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final FlowMarks bannerRead = new FlowMarks();
    private final FlowBits login = new FlowBits();
    private final ReportedOperations operations = new ReportedOperations(NAME);

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
        if (!Sides.fromServer(packet, flow, PORT)) {
            if (login.get(flow) == PROMPT_SENT && carriesData(payload)) {
                login.set(flow, CREDENTIALS_REPORTED);
                operations.between(packet, true).every(sink, LoginOperations.CLEARTEXT_CREDENTIALS,
                        LoginOperations.TELNET);
            }
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
        if (saysLoginFailed(payload)) {
            operations.between(packet, false).every(sink, LoginOperations.LOGIN_FAILED, LoginOperations.TELNET);
        }
        if (endsWithPrompt(payload)) login.set(flow, PROMPT_SENT);
        if (flow.exists() && bannerRead.isMarked(flow)) return;
        printableText(payload);
        if (value.isEmpty()) return; // negotiation only: the text comes later
        if (flow.exists()) bannerRead.mark(flow);
        reported.attribute(sink, mac, hi, lo, BannerAttributes.TELNET_BANNER, value, BannerAttributes.STATED, ts);
    }

    /** Writes the printable text of the payload into {@link #value}, white space runs as one space, trimmed. */
    private void printableText(Payload payload) {
        value.clear();
        boolean pendingSpace = false;
        int n = payload.length();
        int i = 0;
        while (i < n && value.length() < BannerAttributes.MAX_BANNER_LENGTH) {
            int c = payload.u8(i);
            if (c == IAC) {
                int command = payload.u8(i + 1);
                if (command == IAC) {
                    i += 2; // a data octet 255: not printable text
                } else if (command >= WILL && command <= DONT) {
                    i += 3;
                } else if (command == SB) {
                    i = subnegotiationEnd(payload, i + 2);
                } else {
                    i += 2;
                }
                continue;
            }
            if (c == ESC && payload.u8(i + 1) == '[') {
                // CSI: parameter and intermediate octets 0x20-0x3f, then a final octet 0x40-0x7e (ECMA-48 §5.4)
                i += 2;
                while (i < n && payload.u8(i) >= 0x20 && payload.u8(i) <= 0x3f) i++;
                i++;
                continue;
            }
            if (c > 0x20 && c < 0x7f) {
                if (pendingSpace && !value.isEmpty()) value.append(' ');
                pendingSpace = false;
                value.append(c);
            } else {
                pendingSpace = true;
            }
            i++;
        }
    }

    private static boolean saysLoginFailed(Payload payload) {
        for (int i = 0; i < payload.length(); i++) {
            int c = payload.u8(i) | 0x20; // the failures start with a letter: fold its case
            if (c != 'l' && c != 'a') continue;
            for (String failure : FAILURES) {
                if (HttpHead.regionEqualsIgnoreCase(payload, i, failure)) return true;
            }
        }
        return false;
    }

    /**
     * True when the text ends with a prompt: one of {@link #PROMPTS}, a colon, then only white space, NULs and
     * option negotiation ("IAC WILL ECHO" often follows a password prompt, RFC 857), as a server waiting for input
     * leaves it.
     */
    static boolean endsWithPrompt(Payload payload) {
        int i = payload.length() - 1;
        while (i >= 0) {
            int c = payload.u8(i);
            if (i >= 2 && payload.u8(i - 2) == IAC && payload.u8(i - 1) >= WILL && payload.u8(i - 1) <= DONT) {
                i -= 3;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0) {
                i--;
            } else {
                break;
            }
        }
        if (i < 0 || payload.u8(i) != ':') return false;
        i--;
        while (i >= 0 && payload.u8(i) == ' ') i--;
        for (String prompt : PROMPTS) {
            int at = i + 1 - prompt.length();
            if (at >= 0 && HttpHead.regionEqualsIgnoreCase(payload, at, prompt)) return true;
        }
        return false;
    }

    /** True when the client's payload holds an octet of data, not only Telnet commands and negotiation (RFC 854). */
    private static boolean carriesData(Payload payload) {
        int i = 0, n = payload.length();
        while (i < n) {
            if (payload.u8(i) != IAC) return true;
            int command = payload.u8(i + 1);
            if (command == IAC) return true;
            if (command >= WILL && command <= DONT) i += 3;
            else if (command == SB) i = subnegotiationEnd(payload, i + 2);
            else i += 2;
        }
        return false;
    }

    /** Offset after the "IAC SE" that ends a subnegotiation begun before {@code from}, or the payload's end. */
    private static int subnegotiationEnd(Payload payload, int from) {
        for (int i = from; i < payload.length() - 1; i++) {
            if (payload.u8(i) == IAC && payload.u8(i + 1) == SE) return i + 2;
        }
        return payload.length();
    }
}
