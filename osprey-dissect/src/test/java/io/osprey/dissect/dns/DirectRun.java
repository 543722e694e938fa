package io.osprey.dissect.dns;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calls dissectors directly, outside a pipeline, so that anything they throw reaches the test instead of being
 * counted and swallowed; every dissector sees every packet whatever its ports. The flow view is the one of a
 * packet in no flow.
 */
public final class DirectRun {
    private final PacketDecoder decoder = new PacketDecoder();
    private final Packet packet = new Packet();
    private final Payload payload = new Payload();
    private final FlowView noFlow = new FlowView();
    private final Dissector[] dissectors;
    public long observations;
    private final ObservationSink sink = this::count;

    public DirectRun(Dissector... dissectors) {
        this.dissectors = dissectors;
    }

    private void count(Observation o) {
        observations++;
    }

    /** Decodes {@code length} captured bytes of an Ethernet frame of {@code frame.length} and dissects them. */
    public void dissect(byte[] frame, int length) {
        if (!decoder.decode(frame, length, frame.length, 1_700_000_000_000_000_000L, LinkType.ETHERNET, packet)) return;
        if (packet.payloadOffset() < 0) return;
        payload.wrap(packet.data(), packet.payloadOffset(), packet.payloadLength());
        for (Dissector d : dissectors) d.dissect(packet, payload, noFlow, sink);
    }

    public void dissect(byte[] frame) {
        dissect(frame, frame.length);
    }

    /** The frames of an Ethernet capture, copied. */
    public static List<byte[]> frames(Path file) {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureSource source = Captures.open(file)) {
            while (source.read(f -> frames.add(Arrays.copyOf(f.data(), f.length())), 1024) >= 0) {
                // read to the end
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }
}
