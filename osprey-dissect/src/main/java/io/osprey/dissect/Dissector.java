package io.osprey.dissect;

import io.osprey.packet.decode.Packet;

/**
 * The dissector SPI. A dissector declares what it wants ({@link #interest()}), is handed only that, and
 * turns it into {@link Observation}s. It never sees the raw frame buffer for writing, never blocks and never
 * keeps references to the packet, payload or flow past the call: all three are reused.
 *
 * <p>Dissectors are found with {@link java.util.ServiceLoader} (META-INF/services/io.osprey.dissect.Dissector)
 * or passed to the {@link PacketPipeline} directly. One instance serves one pipeline (one thread), so a
 * dissector may keep state, bounded in size.
 *
 * <p>Robustness contract: malformed input is the dissector's to handle (count and return); the pipeline
 * still catches anything thrown, counts it against the dissector and goes on, so no exception ever leaves
 * the packet loop.
 */
public interface Dissector {

    /** Short protocol name, used as the observations' source ("arp", "dhcp", "ssdp"). */
    String name();

    Interest interest();

    /**
     * Heuristic detection for {@link Interest#heuristic()} dissectors: does this flow's first payload look
     * like my protocol? Cheap and allocation-free. Called only for flows no port claimed.
     */
    default boolean detect(Payload payload, FlowView flow) {
        return false;
    }

    /**
     * Examines one packet. {@code payload} is the application payload for port and heuristic dispatch, the
     * network-layer payload (from {@link Packet#l3Offset()}) for EtherType dispatch, and empty for
     * {@link Interest#everyPacket()} dissectors, which read headers from {@code packet}.
     */
    void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink);

    /** Called at the end of the input (and periodically on live captures): emit what was held back. */
    default void flush(long nowNanos, ObservationSink sink) {}
}
