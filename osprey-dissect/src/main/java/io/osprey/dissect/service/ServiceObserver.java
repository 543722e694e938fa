package io.osprey.dissect.service;

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
 * TCP and UDP server ports, from the server's answers:
 * <ul>
 *   <li>TCP: the SYN-ACK (RFC 9293 §3.5): its sender listens on its source port. A flow picked up mid-stream
 *   proves nothing and is not reported.</li>
 *   <li>UDP: the first reply of a flow whose first packet went to the server's port (the pipeline's guess of
 *   the server side): a request answered from the port it was sent to.</li>
 * </ul>
 * Each (server IP, port, transport) is reported once.
 */
public final class ServiceObserver implements Dissector {
    private static final int TCP_SYN_ACK = 0x12;
    private static final int MAX_SERVICES = 1 << 20;
    private final ActivityTable seen = new ActivityTable(256, MAX_SERVICES);

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Interest interest() {
        return Interest.forAllPackets();
    }

    @Override
    public void dissect(Packet p, Payload payload, FlowView flow, ObservationSink sink) {
        if (!flow.exists() || flow.fromClient()) return;
        Observation.Transport transport;
        if (p.isTcp()) {
            if ((p.tcpFlags() & TCP_SYN_ACK) != TCP_SYN_ACK || !flow.serverConfirmed()) return;
            transport = Observation.Transport.TCP;
        } else if (p.isUdp()) {
            if (flow.packetsFromServer() != 1 || flow.packetsFromClient() < 1) return;
            transport = Observation.Transport.UDP;
        } else {
            return;
        }
        int port = p.srcPort();
        seen.add(p.srcIpHi(), p.srcIpLo(), (long) port << 8 | p.ipProtocol());
        if (!seen.lastWasNew()) return;
        if (seen.full()) seen.clear();
        Host server = new Host(p.srcMac(), p.srcIpHi(), p.srcIpLo());
        sink.accept(new Observation.Service(server, port, transport, null, transport == Observation.Transport.TCP
                ? "tcp" : "udp", p.timestampNanos()));
    }
}
