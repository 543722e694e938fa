package io.osprey.dissect.banner;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.FlowMarks;
import io.osprey.packet.decode.Packet;

/**
 * Telnet (RFC 854) on TCP 23. A server that sends anything proves a Telnet {@link Observation.Service}; the first
 * printable text it sends after option negotiation (its login banner or prompt) is reported once per session as
 * {@value BannerAttributes#TELNET_BANNER}. What the client sends (user names, passwords) is never read.
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
    /** Server packets examined: negotiation takes a few round trips before the banner. */
    public static final int PAYLOAD_PACKETS = 16;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final FlowMarks bannerRead = new FlowMarks();

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
        if (!packet.isTcp() || payload.length() == 0 || !Sides.fromServer(packet, flow, PORT)) return;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
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

    /** Offset after the "IAC SE" that ends a subnegotiation begun before {@code from}, or the payload's end. */
    private static int subnegotiationEnd(Payload payload, int from) {
        for (int i = from; i < payload.length() - 1; i++) {
            if (payload.u8(i) == IAC && payload.u8(i + 1) == SE) return i + 2;
        }
        return payload.length();
    }
}
