package io.osprey.dissect.dns;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.Observation;
import io.osprey.dissect.PacketPipeline;
import io.osprey.dissect.ReportedOperations;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.Captures;
import io.osprey.packet.capture.Frame;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.flow.FlowTable;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs frames or a capture through a pipeline of the given dissectors and keeps what they observed. */
public final class Observed {
    public final List<Observation> all = new ArrayList<>();
    public final PacketPipeline pipeline;
    private final Frame frame = new Frame();

    public Observed(Dissector... dissectors) {
        pipeline = new PacketPipeline(List.of(dissectors), new FlowTable(), all::add);
    }

    public Observed feed(SyntheticFrame f, byte[] bytes) {
        pipeline.onFrame(f.frame(bytes, frame));
        return this;
    }

    public Observed capture(Path file) {
        try (CaptureSource source = Captures.open(file)) {
            while (source.read(pipeline, 1024) >= 0) {
                // read to the end
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pipeline.finish();
        return this;
    }

    public List<Observation.Attribute> attributes() {
        return all.stream().filter(Observation.Attribute.class::isInstance).map(Observation.Attribute.class::cast).toList();
    }

    public List<Observation.Attribute> attributes(String name) {
        return attributes().stream().filter(a -> a.attribute().equals(name)).toList();
    }

    /** The values of an attribute, sorted. */
    public Set<String> values(String name) {
        return new TreeSet<>(attributes(name).stream().map(Observation.Attribute::value).toList());
    }

    /** Every attribute as "mac ip attribute=value", sorted: the whole picture in one comparable set. */
    public Set<String> facts() {
        Set<String> s = new TreeSet<>();
        for (Observation.Attribute a : attributes()) s.add(a.host() + " " + a.attribute() + "=" + a.value());
        return s;
    }

    /**
     * Operations as "client > server source:operation detail", in the order reported, without the polling summaries
     * a capture's end adds ({@link #polling()}).
     */
    public List<String> operations() {
        return operations(false);
    }

    /** The polling summaries reported at the end of the input, formatted as {@link #operations()}. */
    public List<String> polling() {
        return operations(true);
    }

    private List<String> operations(boolean polling) {
        List<String> s = new ArrayList<>();
        for (Observation o : all) {
            if (o instanceof Observation.Operation op && op.operation().equals(ReportedOperations.POLLING) == polling) {
                s.add(op.client() + " > " + op.server() + " " + op.source() + ":" + op.operation()
                        + (op.detail().isEmpty() ? "" : " " + op.detail()));
            }
        }
        return s;
    }

    /** Bindings as "mac ip", sorted. */
    public Set<String> bindings() {
        Set<String> s = new TreeSet<>();
        for (Observation o : all) {
            if (o instanceof Observation.Binding b) s.add(Addresses.mac(b.mac()) + " " + Addresses.ip(b.ipHi(), b.ipLo()));
        }
        return s;
    }

    /** Services as "ip port/transport protocol", sorted. */
    public Set<String> services() {
        Set<String> s = new TreeSet<>();
        for (Observation o : all) {
            if (o instanceof Observation.Service v) {
                s.add(Addresses.ip(v.server().ipHi(), v.server().ipLo()) + " " + v.port() + "/" + v.transport().label()
                        + " " + v.protocol());
            }
        }
        return s;
    }
}
