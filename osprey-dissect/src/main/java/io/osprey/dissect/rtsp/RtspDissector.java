package io.osprey.dissect.rtsp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;

/**
 * RTSP 1.0 (RFC 2326) and 2.0 (RFC 7826) over TCP on port 554 (RFC 2326 §3.2, RFC 7826 §19.1) and 8554, the
 * common unprivileged alternative, and on any port whose first payload is an RTSP start line. From requests
 * it reports the client's {@value RtspAttributes#USER_AGENT}; from responses the server's
 * {@value RtspAttributes#SERVER} and an RTSP {@link Observation.Service} on the port it answers from. Interleaved
 * media ("$" frames, RFC 2326 §10.12) and message bodies are not heads and are skipped.
 */
public final class RtspDissector implements Dissector {
    public static final String NAME = "rtsp";
    public static final int[] PORTS = {554, 8554};
    static final String VERSION = "RTSP/";
    /** Methods of RFC 2326 §10 and RFC 7826 §13, for the heuristic. */
    static final String[] METHODS = {"OPTIONS ", "DESCRIBE ", "SETUP ", "PLAY ", "PAUSE ", "TEARDOWN ",
        "GET_PARAMETER ", "SET_PARAMETER ", "ANNOUNCE ", "RECORD ", "REDIRECT ", "PLAY_NOTIFY "};
    public static final int MAX_VALUE_LENGTH = 256;
    /**
     * Packets of a connection examined (the flow's count, handshake and acknowledgements included): the first
     * response comes after the client's OPTIONS or DESCRIBE, which follows the handshake and may be retransmitted
     * or captured twice; later packets may be interleaved media (RFC 2326 §10.12), not worth reading.
     */
    public static final int PAYLOAD_PACKETS = 64;
    public static final int MAX_USER_AGENTS_PER_HOST = 8;
    public static final int MAX_SERVERS_PER_HOST = 8;

    private final HttpHead head = new HttpHead(VERSION);
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private long notRtsp;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORTS).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public boolean detect(Payload payload, FlowView flow) {
        if (flow.exists() && flow.protocol() != IpProtocols.TCP) return false;
        if (payload.startsWith(0, "RTSP/1.0 ") || payload.startsWith(0, "RTSP/2.0 ")) return true;
        for (String method : METHODS) {
            if (payload.startsWith(0, method)) return payload.startsWith(method.length(), "rtsp://")
                    || payload.startsWith(method.length(), "rtsps://") || payload.startsWith(method.length(), "* RTSP/");
        }
        return false;
    }

    /** Segments seen that did not start with an RTSP head. */
    public long notRtsp() { return notRtsp; }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp()) return;
        if (!head.wrap(payload)) {
            notRtsp++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        boolean request = head.isRequest();
        if (!request) reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
        while (head.nextHeader()) {
            if (request && head.nameIs("user-agent")) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, RtspAttributes.USER_AGENT, value, MAX_USER_AGENTS_PER_HOST,
                        RtspAttributes.STATED, ts);
            } else if (!request && head.nameIs("server")) {
                head.appendValue(value.clear(), MAX_VALUE_LENGTH);
                reported.attribute(sink, mac, hi, lo, RtspAttributes.SERVER, value, MAX_SERVERS_PER_HOST,
                        RtspAttributes.STATED, ts);
            }
        }
    }
}
