package io.osprey.packet.flow;

import io.osprey.packet.decode.Packet;

/**
 * Receives the flow events of a {@link FlowTable}, on the packet thread. Flow ids are reused after
 * {@link #onFlowEnd}, so a listener that keeps per-flow state indexes it by id and clears it there.
 */
public interface FlowListener {
    /** A new flow starts with {@code packet}, its first packet. */
    default void onFlowStart(FlowTable table, int flow, Packet packet) {}

    /** The flow ended: idle or hard timeout, eviction under memory pressure, a TCP close, or the end of input. */
    default void onFlowEnd(FlowTable table, int flow, FlowEndReason reason) {}

    /**
     * The server side of the flow became certain: a TCP SYN-ACK answered a SYN. UDP and mid-stream TCP
     * flows keep the side guessed at start ({@link FlowTable#serverIsA}) and never raise this.
     */
    default void onServerConfirmed(FlowTable table, int flow) {}

    FlowListener NONE = new FlowListener() {};
}
