package io.osprey.dissect.banner;

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
 * The FTP server greeting (RFC 959 §5.4: a connection is answered with 220 "Service ready for new user") on TCP
 * 21. A reply is "220 text" on one line, or "220-text" followed by lines up to one starting "220 " (RFC 959 §4.2).
 * Reports {@value BannerAttributes#FTP_BANNER} and an FTP {@link Observation.Service} about the server.
 */
public final class FtpDissector implements Dissector {
    public static final String NAME = "ftp";
    public static final int PORT = 21;
    static final String GREETING_CODE = "220";
    /** Lines of a multi-line greeting read. */
    public static final int MAX_GREETING_LINES = 16;
    /** The greeting is the server's first reply. */
    public static final int PAYLOAD_PACKETS = 4;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);

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
        if (!packet.isTcp() || !Sides.fromServer(packet, flow, PORT) || !payload.startsWith(0, GREETING_CODE)) return;
        int separator = payload.u8(GREETING_CODE.length());
        if (separator != ' ' && separator != '-') return;
        value.clear();
        boolean multiLine = separator == '-';
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
