package io.osprey.dissect.dns;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Host;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Packet;

/**
 * Unicast DNS (RFC 1035) on port 53, over UDP and over TCP with its two-octet length prefix (RFC 1035 §4.2.2,
 * RFC 7766 §8). Reports:
 * <ul>
 *   <li>{@value DnsAttributes#DNS_QUERY}: each name a host asks about in a standard query, about the querying
 *   host (the frame's source, which is the router for hosts beyond one), at most
 *   {@link #MAX_QUERY_NAMES_PER_HOST} names per host;</li>
 *   <li>a DNS {@link Observation.Service} for a host that answers from port 53;</li>
 *   <li>a {@value #QUERY} {@link Observation.Operation} from the querying host to the resolver asked, the name as
 *   detail, once per host and name (whichever resolver it asks), at most {@link #MAX_OPERATION_NAMES_PER_HOST}
 *   names per host: the alert engine matches them against threat-intelligence domains, so the cap is much higher
 *   than the attribute's.</li>
 * </ul>
 */
public final class DnsDissector implements Dissector {
    public static final int PORT = 53;
    /**
     * Distinct names reported per host. The first names a device looks up (its cloud, NTP and update servers)
     * identify it; a workstation browsing the web would otherwise report without end.
     */
    public static final int MAX_QUERY_NAMES_PER_HOST = 128;
    /** Distinct names reported per host as {@value #QUERY} operations, after which its queries are not reported. */
    public static final int MAX_OPERATION_NAMES_PER_HOST = 4096;
    /** (host, name) pairs remembered before the set starts over: 64 Ki use about 5 MB. */
    public static final int MAX_QUERIED_NAMES = 1 << 16;
    /** The operation reported for a name a host asks its resolver about. */
    public static final String QUERY = "query";
    /** Questions read per query; a query has one in practice (RFC 9619), the rest is noise or attack. */
    public static final int MAX_QUESTIONS = 4;
    /** TCP segments examined per connection: the first queries are enough, zone transfers are bulk. */
    public static final int TCP_PAYLOAD_PACKETS = 10;
    /** Messages read from one TCP segment (RFC 7766 §6.2.1 lets clients pipeline several). */
    public static final int MAX_MESSAGES_PER_SEGMENT = 8;
    /** The two-octet length that precedes each message over TCP. */
    public static final int TCP_LENGTH_PREFIX = 2;

    private final DnsMessage message = new DnsMessage();
    private final DnsName name = new DnsName();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("dns", false);
    /** (host, name hash) of the names reported as operations, and per host how many. */
    private final ActivityTable queried = new ActivityTable(256, MAX_QUERIED_NAMES);
    private final ActivityTable namesPerHost = new ActivityTable(64, MAX_QUERIED_NAMES);

    @Override
    public String name() {
        return "dns";
    }

    /**
     * Packets examined per flow. Most stub resolvers pick a new source port per query (RFC 5452 §9.2), so a flow is
     * one exchange; a client that queries from one fixed port keeps one flow for all its queries, and this still
     * covers far more than {@link #MAX_QUERY_NAMES_PER_HOST} of them.
     */
    public static final int PAYLOAD_PACKETS_PER_FLOW = 1024;

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).andTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS_PER_FLOW);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.isUdp()) {
            if (message.wrap(payload, 0, payload.length())) examine(packet, Observation.Transport.UDP, sink);
        } else if (packet.isTcp()) {
            if (flow.exists() && flow.packets() > TCP_PAYLOAD_PACKETS) return;
            int at = 0;
            for (int n = 0; n < MAX_MESSAGES_PER_SEGMENT && payload.has(at, TCP_LENGTH_PREFIX); n++) {
                int length = payload.u16(at);
                if (message.wrap(payload, at + TCP_LENGTH_PREFIX, length)) examine(packet, Observation.Transport.TCP, sink);
                at += TCP_LENGTH_PREFIX + length;
            }
        }
    }

    private void examine(Packet packet, Observation.Transport transport, ObservationSink sink) {
        long ts = packet.timestampNanos();
        if (message.isResponse()) {
            if (packet.srcPort() == PORT) {
                reported.service(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), PORT, transport, "dns", ts);
            }
            return;
        }
        if (message.opcode() != DnsMessage.OPCODE_QUERY || packet.dstPort() != PORT) return;
        for (int q = 0; q < MAX_QUESTIONS && message.next() && message.section() == DnsMessage.QUESTION; q++) {
            if (name.read(message, message.nameOffset()) < 0 || name.isRoot()) continue;
            value.clear().appendName(name, true);
            reported.attribute(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), DnsAttributes.DNS_QUERY,
                    value, MAX_QUERY_NAMES_PER_HOST, DnsAttributes.STATED, ts);
            queryOperation(packet, sink);
        }
    }

    /** Reports the name in {@link #value} as a query from the packet's source to its destination, if new. */
    private void queryOperation(Packet packet, ObservationSink sink) {
        long mac = packet.srcMac(), host = packet.srcIpHi() * 0x9E3779B97F4A7C15L ^ packet.srcIpLo();
        queried.add(mac, host, value.hash());
        if (!queried.lastWasNew()) return;
        if (queried.full()) queried.clear();
        int id = namesPerHost.add(mac, host, 0);
        if (namesPerHost.packets(id) >= MAX_OPERATION_NAMES_PER_HOST) return;
        namesPerHost.countId(id, packet.timestampNanos(), 0);
        if (namesPerHost.full()) namesPerHost.clear();
        sink.accept(new Observation.Operation(new Host(mac, packet.srcIpHi(), packet.srcIpLo()),
                new Host(packet.dstMac(), packet.dstIpHi(), packet.dstIpLo()), name(), QUERY, value.text(),
                packet.timestampNanos()));
    }
}
