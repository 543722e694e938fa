package io.osprey.dissect.dhcp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.PacketPipeline;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.capture.Frame;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.flow.FlowTable;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline over the given dissectors only, and what it observed, rendered one line per observation so
 * tests can compare whole outcomes:
 * <pre>
 * b8:27:eb:b8:53:c8 dhcp.hostname=raspberrypi        an attribute (" @0.9" appended below confidence 1)
 * binding b8:27:eb:b8:53:c8 62.12.173.123            a binding
 * service 62.12.173.114 udp/67 dhcp                  a service
 * </pre>
 */
public final class ObservationLog implements ObservationSink {
    public final List<Observation> all = new ArrayList<>();
    public final PacketPipeline pipeline;
    private final Frame frame = new Frame();

    public ObservationLog(Dissector... dissectors) {
        pipeline = new PacketPipeline(List.of(dissectors), new FlowTable(), this);
    }

    @Override
    public void accept(Observation o) {
        all.add(o);
    }

    public ObservationLog feed(SyntheticFrame f, byte[] bytes) {
        pipeline.onFrame(f.frame(bytes, frame));
        return this;
    }

    public ObservationLog read(Path capture) throws IOException {
        try (CaptureSource source = Captures.open(capture)) {
            while (source.read(pipeline, 1024) >= 0) {
                // read to the end
            }
        }
        return this;
    }

    public List<String> lines() {
        return all.stream().map(ObservationLog::line).toList();
    }

    /** The values of one attribute, in the order observed. */
    public List<String> values(String attribute) {
        return all.stream().filter(o -> o instanceof Observation.Attribute a && a.attribute().equals(attribute))
                .map(o -> ((Observation.Attribute) o).value()).toList();
    }

    public static String line(Observation o) {
        return switch (o) {
            case Observation.Attribute a -> a.host() + " " + a.attribute() + "=" + a.value()
                    + (a.confidence() < 1.0 ? " @" + a.confidence() : "");
            case Observation.Binding b -> "binding " + Addresses.mac(b.mac()) + " " + Addresses.ip(b.ipHi(), b.ipLo());
            case Observation.Service s -> "service " + s.server() + " " + s.transport().label() + "/" + s.port() + " "
                    + s.protocol();
            case Observation.Activity a -> "activity " + a.host();
            case Observation.Operation op -> "operation " + op.client() + " > " + op.server() + " " + op.source() + ":"
                    + op.operation() + (op.detail().isEmpty() ? "" : " " + op.detail());
        };
    }
}
