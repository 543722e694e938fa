package io.osprey.dissect.dhcp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Bytes a dissector allocates on this thread while it reads packets it has already reported, measured with
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}; not a timing measurement.
 */
public final class AllocationMeter {
    private AllocationMeter() {}

    /** Feeds every frame once (to learn what is new), then {@code rounds} more times, counting only those. */
    public static long allocatedWhileRepeating(Dissector dissector, List<byte[]> frames, int rounds) {
        Packet[] packets = new Packet[frames.size()];
        PacketDecoder decoder = new PacketDecoder();
        for (int i = 0; i < packets.length; i++) {
            packets[i] = new Packet();
            byte[] f = frames.get(i);
            decoder.decode(f, f.length, f.length, 1_000_000_000L, LinkType.ETHERNET, packets[i]);
        }
        Payload payload = new Payload();
        FlowView flow = new FlowView();
        long[] observed = new long[1];
        ObservationSink sink = o -> observed[0]++;
        for (int warmUp = 0; warmUp < 2000; warmUp++) feed(dissector, packets, payload, flow, sink);
        long reported = observed[0];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < rounds; round++) feed(dissector, packets, payload, flow, sink);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        if (observed[0] != reported) throw new AssertionError("repeated packets were reported again");
        if (reported == 0) throw new AssertionError("the frames taught the dissector nothing");
        return allocated;
    }

    private static void feed(Dissector d, Packet[] packets, Payload payload, FlowView flow, ObservationSink sink) {
        for (Packet p : packets) {
            payload.wrap(p.data(), p.payloadOffset(), p.payloadLength());
            d.dissect(p, payload, flow, sink);
        }
    }
}
