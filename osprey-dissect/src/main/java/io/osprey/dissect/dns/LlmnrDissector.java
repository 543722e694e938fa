package io.osprey.dissect.dns;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Packet;

/**
 * Link-Local Multicast Name Resolution (RFC 4795) on port 5355: queries go to 224.0.0.252 or FF02::1:3 over
 * UDP, responses come back unicast from port 5355 (§2.1); TCP carries the two-octet length prefix of DNS (§2.5).
 * Reports, about the frame's source (LLMNR does not leave the link):
 * <ul>
 *   <li>{@value DnsAttributes#LLMNR_QUERY}: the names it asks about (at most {@link #MAX_QUERY_NAMES_PER_HOST});</li>
 *   <li>{@value DnsAttributes#LLMNR_HOSTNAME}: the names it answers for — responders answer only for their own
 *   names (§2.3) — from A/AAAA owner names and reverse-mapping PTR targets;</li>
 *   <li>a {@link Observation.Binding} of its MAC to every address of a name proven its own ({@link SelfNames}),
 *   and an LLMNR {@link Observation.Service} when it responds from port 5355.</li>
 * </ul>
 */
public final class LlmnrDissector implements Dissector {
    public static final int PORT = 5355;
    /** Distinct names reported per host as {@value DnsAttributes#LLMNR_QUERY}. */
    public static final int MAX_QUERY_NAMES_PER_HOST = 64;
    /** RFC 4795 §2.1.1: a query carries one question; more are read only up to this. */
    public static final int MAX_QUESTIONS = 4;

    private final DnsMessage message = new DnsMessage();
    private final DnsName name = new DnsName();
    private final ValueBuffer value = new ValueBuffer();
    private final SelfNames self = new SelfNames();
    private final ReportedFacts reported = new ReportedFacts("llmnr", true);

    @Override
    public String name() {
        return "llmnr";
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).andTcpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.isUdp()) {
            if (message.wrap(payload, 0, payload.length())) examine(packet, Observation.Transport.UDP, sink);
        } else if (packet.isTcp()) {
            if (flow.exists() && flow.packets() > DnsDissector.TCP_PAYLOAD_PACKETS) return;
            if (!payload.has(0, DnsDissector.TCP_LENGTH_PREFIX)) return;
            if (message.wrap(payload, DnsDissector.TCP_LENGTH_PREFIX, payload.u16(0))) {
                examine(packet, Observation.Transport.TCP, sink);
            }
        }
    }

    private void examine(Packet packet, Observation.Transport transport, ObservationSink sink) {
        if (message.opcode() != DnsMessage.OPCODE_QUERY) return;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (!message.isResponse()) {
            if (packet.dstPort() != PORT) return;
            for (int q = 0; q < MAX_QUESTIONS && message.next() && message.section() == DnsMessage.QUESTION; q++) {
                if (name.read(message, message.nameOffset()) < 0 || name.isRoot()) continue;
                reported.attribute(sink, mac, hi, lo, DnsAttributes.LLMNR_QUERY, value.clear().appendName(name, false),
                        MAX_QUERY_NAMES_PER_HOST, DnsAttributes.STATED, ts);
            }
            return;
        }
        if (packet.srcPort() != PORT || message.rcode() != 0) return;
        reported.service(sink, mac, hi, lo, PORT, transport, "llmnr", ts);
        self.collect(message, name, hi, lo);
        while (message.next()) {
            if (message.section() != DnsMessage.ANSWER) continue;
            if (message.readAddress()) {
                if (name.read(message, message.nameOffset()) < 0 || name.isRoot()) continue;
                reported.attribute(sink, mac, hi, lo, DnsAttributes.LLMNR_HOSTNAME, value.clear().appendName(name, false),
                        DnsAttributes.STATED, ts);
                if (self.contains(name.hash())) {
                    reported.binding(sink, mac, message.addressHi(), message.addressLo(), ts);
                }
            } else if (message.type() == DnsMessage.TYPE_PTR) {
                if (name.read(message, message.nameOffset()) < 0) continue;
                if (!name.endsWith("in-addr.arpa") && !name.endsWith("ip6.arpa")) continue;
                if (name.read(message, message.rdataOffset()) < 0 || name.isRoot()) continue;
                reported.attribute(sink, mac, hi, lo, DnsAttributes.LLMNR_HOSTNAME, value.clear().appendName(name, false),
                        DnsAttributes.STATED, ts);
            }
        }
    }
}
