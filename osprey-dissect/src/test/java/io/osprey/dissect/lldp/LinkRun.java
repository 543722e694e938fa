package io.osprey.dissect.lldp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

/**
 * Calls link-layer dissectors directly, outside a pipeline, so anything they throw reaches the test: each gets the
 * network-layer payload, as the pipeline's EtherType dispatch gives it (CDP ignores it and reads the packet).
 */
public final class LinkRun {
    private final PacketDecoder decoder = new PacketDecoder();
    private final Packet packet = new Packet();
    private final Payload payload = new Payload();
    private final FlowView noFlow = new FlowView();
    private final Dissector[] dissectors;
    public long observations;
    private final ObservationSink sink = this::count;

    public LinkRun(Dissector... dissectors) {
        this.dissectors = dissectors;
    }

    private void count(Observation o) {
        observations++;
    }

    public void dissect(byte[] frame, int length) {
        if (!decoder.decode(frame, length, frame.length, 1_700_000_000_000_000_000L, LinkType.ETHERNET, packet)) return;
        if (packet.l3Offset() >= 0) payload.wrap(packet.data(), packet.l3Offset(), packet.length() - packet.l3Offset());
        else payload.wrap(packet.data(), 0, 0);
        for (Dissector d : dissectors) d.dissect(packet, payload, noFlow, sink);
    }

    public void dissect(byte[] frame) {
        dissect(frame, frame.length);
    }
}
