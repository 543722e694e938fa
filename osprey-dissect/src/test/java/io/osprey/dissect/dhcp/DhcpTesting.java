package io.osprey.dissect.dhcp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Observation;
import io.osprey.dissect.Payload;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.capture.LinkType;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs dissectors on single packets, bypassing the pipeline so that exceptions reach the test. */
public final class DhcpTesting {
    private DhcpTesting() {}

    /** One payload as a UDP datagram between the given ports, straight into the dissector. */
    public static List<Observation> dissect(Dissector dissector, SyntheticFrame from, int srcPort, int dstPort,
                                            byte[] message) {
        byte[] frame = from.udp(srcPort, dstPort, message);
        return dissectCut(dissector, frame, frame.length);
    }

    /** Decodes the first {@code length} bytes of an Ethernet frame and hands its payload to the dissector. */
    public static List<Observation> dissectCut(Dissector dissector, byte[] frame, int length) {
        Packet packet = new Packet();
        new PacketDecoder().decode(frame, length, frame.length, 1_000_000_000L, LinkType.ETHERNET, packet);
        List<Observation> out = new ArrayList<>();
        if (packet.payloadOffset() < 0) return out;
        Payload payload = new Payload().wrap(packet.data(), packet.payloadOffset(), packet.payloadLength());
        dissector.dissect(packet, payload, new FlowView(), out::add);
        return out;
    }

    /** What every observation must be, whatever the input. */
    public static void wellFormed(Observation o) {
        assertThat(o.source()).isNotEmpty();
        if (o instanceof Observation.Attribute a) {
            assertThat(a.value()).isNotNull().isNotEmpty();
            assertThat(a.attribute()).isNotEmpty();
            assertThat(a.host().hasMac() || a.host().hasIp()).isTrue();
            assertThat(a.confidence()).isBetween(0.0, 1.0);
        }
    }

    /** The frames of a capture, copied. */
    public static List<byte[]> frames(Path capture) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureSource source = Captures.open(capture)) {
            while (source.read(f -> frames.add(Arrays.copyOf(f.data(), f.length())), 1024) >= 0) {
                // read to the end
            }
        }
        return frames;
    }
}
