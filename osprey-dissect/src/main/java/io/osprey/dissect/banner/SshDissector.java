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
import io.osprey.dissect.http.FlowMarks;
import io.osprey.packet.decode.Packet;

/**
 * SSH identification strings (RFC 4253 §4.2): "SSH-protoversion-softwareversion SP comments CR LF", sent by both
 * sides first thing, on TCP 22 or on any port whose first payload starts with "SSH-". The server may send other
 * lines before its identification; those are skipped. Reports {@value BannerAttributes#SSH_SERVER} about the
 * server (and an SSH {@link Observation.Service}) and {@value BannerAttributes#SSH_CLIENT} about the client.
 *
 * <p>Each connection whose client sends anything is reported as a {@value LoginOperations#SESSION}
 * {@link Observation.Operation} from the client to the server, detail "port=22" (the server port), at its first
 * client payload: what is said inside is encrypted, so the alert engine finds password guessing from the rate of
 * new sessions.
 */
public final class SshDissector implements Dissector {
    public static final String NAME = "ssh";
    public static final int PORT = 22;
    static final String PREFIX = "SSH-";
    /** RFC 4253 §4.2: at most 255 characters including CR LF. */
    public static final int MAX_IDENTIFICATION_LENGTH = 255;
    /** Lines a server may send before its identification that are read past. */
    public static final int MAX_LINES_BEFORE_IDENTIFICATION = 16;
    /**
     * Packets examined per flow (the handshake counts): the identifications come first, key exchange follows; the
     * client's may come after the server's identification and the acknowledgements of both sides.
     */
    public static final int PAYLOAD_PACKETS = 10;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final FlowMarks sessions = new FlowMarks();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public boolean detect(Payload payload, FlowView flow) {
        return (!flow.exists() || flow.protocol() == io.osprey.packet.decode.IpProtocols.TCP)
                && payload.startsWith(0, PREFIX);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp()) return;
        boolean server = Sides.fromServer(packet, flow, PORT);
        if (!server && flow.exists() && payload.length() > 0 && sessions.mark(flow)) {
            operations.between(packet, true).every(sink, LoginOperations.SESSION, "port=" + flow.serverPort());
        }
        int at = 0;
        int lines = server ? MAX_LINES_BEFORE_IDENTIFICATION + 1 : 1;
        for (int n = 0; n < lines && payload.has(at, 1); n++) {
            int lf = payload.indexOf('\n', at);
            if (lf < 0) return; // not ended: truncated, or not a line at all
            if (payload.startsWith(at, PREFIX)) {
                int end = lf > at && payload.u8(lf - 1) == '\r' ? lf - 1 : lf;
                if (end - at > MAX_IDENTIFICATION_LENGTH) return;
                value.clear();
                for (int i = at; i < end; i++) value.appendText(payload.u8(i));
                long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
                if (server) {
                    reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
                    reported.attribute(sink, mac, hi, lo, BannerAttributes.SSH_SERVER, value, BannerAttributes.STATED, ts);
                } else {
                    reported.attribute(sink, mac, hi, lo, BannerAttributes.SSH_CLIENT, value, BannerAttributes.STATED, ts);
                }
                return;
            }
            if (payload.u8(at) < 0x20 && payload.u8(at) != '\r' && payload.u8(at) != '\n') return; // binary: key exchange
            at = lf + 1;
        }
    }
}
