package io.osprey.dissect.banner;

import io.osprey.dissect.FlowView;
import io.osprey.packet.decode.Packet;

/** Which side of a connection sent a packet. */
final class Sides {
    private Sides() {}

    /**
     * True when the packet comes from the server: as the flow table decided (from the handshake), or, for a packet
     * in no flow, when it comes from the well-known port.
     */
    static boolean fromServer(Packet packet, FlowView flow, int wellKnownPort) {
        if (flow.exists()) return !flow.fromClient();
        return packet.srcPort() == wellKnownPort && packet.dstPort() != wellKnownPort;
    }
}
