package io.osprey.dissect;

import io.osprey.packet.capture.Frame;
import io.osprey.packet.capture.FrameHandler;
import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;
import io.osprey.packet.flow.FlowListener;
import io.osprey.packet.flow.FlowTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Frames in, observations out: decode → track → dissect. One pipeline runs on one thread.
 *
 * <p>Dispatch is by table: EtherType and port are array indexes, so a packet no dissector wants costs
 * three array reads. Application payload is offered only for the first packets of a flow
 * ({@link Interest#payloadPackets()}), and a UDP datagram repeated word for word by its sender is dissected once
 * ({@link RepeatedDatagrams}). A dissector that throws is counted and the packet loop goes on.
 */
public final class PacketPipeline implements FrameHandler {
    /**
     * Activity summaries and other held-back observations are flushed every 30 s of capture time: last-seen
     * times stay fresh enough for an inventory, and a busy network does not flood it with summaries.
     */
    private static final long FLUSH_INTERVAL_NANOS = 30_000_000_000L;
    private static final Registered[] NONE = new Registered[0];

    /**
     * A dissector with what the packet loop needs of it, read once: its {@link Interest} is built per call by some
     * dissectors, and its failure counter is found by index, not by searching.
     */
    private record Registered(Dissector dissector, int index, int payloadPackets) {}

    private final PacketDecoder decoder = new PacketDecoder();
    private final Packet packet = new Packet();
    private final Payload payload = new Payload();
    private final Payload empty = new Payload();
    private final FlowView flowView = new FlowView();
    private final FlowTable flows;
    private final ObservationSink sink;

    private final List<Dissector> dissectors;
    private final Registered[] everyPacket;
    private final Registered[] heuristics;
    private final Registered[][] byEtherType = new Registered[1 << 16][];
    private final Registered[][] byTcpPort = new Registered[1 << 16][];
    private final Registered[][] byUdpPort = new Registered[1 << 16][];
    private final int maxPayloadPackets;
    /** Per flow id: 0 undecided, -1 no heuristic dissector, k+1 = heuristics[k] owns the flow; reset at flow start. */
    private int[] heuristicOwner = new int[0];
    private final long[] failures;

    private final RepeatedDatagrams repeats = new RepeatedDatagrams();
    private long repeatedDatagrams;
    private long frames;
    private long undecodable;
    private long malformed;
    private long nextFlushNanos = Long.MIN_VALUE;

    /**
     * A pipeline over {@code flows}. When a dissector is heuristic, the pipeline becomes the flow table's
     * listener (to forget a reused flow id's owner), replacing any listener set before.
     */
    public PacketPipeline(List<Dissector> dissectors, FlowTable flows, ObservationSink sink) {
        this.dissectors = List.copyOf(dissectors);
        this.flows = flows;
        this.sink = sink;
        this.failures = new long[dissectors.size()];
        List<Registered> every = new ArrayList<>();
        List<Registered> heur = new ArrayList<>();
        int maxPackets = 1;
        for (int i = 0; i < this.dissectors.size(); i++) {
            Interest in = this.dissectors.get(i).interest();
            Registered d = new Registered(this.dissectors.get(i), i, in.payloadPackets());
            if (in.everyPacket()) every.add(d);
            if (in.heuristic()) heur.add(d);
            for (int e : in.etherTypes()) byEtherType[e] = append(byEtherType[e], d);
            for (int p : in.tcpPorts()) byTcpPort[p] = append(byTcpPort[p], d);
            for (int p : in.udpPorts()) byUdpPort[p] = append(byUdpPort[p], d);
            maxPackets = Math.max(maxPackets, in.payloadPackets());
        }
        this.everyPacket = every.toArray(NONE);
        this.heuristics = heur.toArray(NONE);
        this.maxPayloadPackets = maxPackets;
        if (!heur.isEmpty()) {
            // a flow id is reused after its flow ends: a new flow is undecided again
            flows.listener(new FlowListener() {
                @Override
                public void onFlowStart(FlowTable table, int flow, Packet packet) {
                    if (flow < heuristicOwner.length) heuristicOwner[flow] = 0;
                }
            });
        }
    }

    /** The dissectors registered through {@link ServiceLoader}, in a stable order (by name). */
    public static List<Dissector> discoverDissectors() {
        List<Dissector> found = new ArrayList<>();
        ServiceLoader.load(Dissector.class).forEach(found::add);
        found.sort(java.util.Comparator.comparing(Dissector::name));
        return found;
    }

    private static Registered[] append(Registered[] list, Registered d) {
        if (list == null) return new Registered[] {d};
        for (Registered x : list) if (x == d) return list;
        Registered[] r = Arrays.copyOf(list, list.length + 1);
        r[list.length] = d;
        return r;
    }

    @Override
    public void onFrame(Frame frame) {
        frames++;
        if (!decoder.decode(frame, packet)) {
            undecodable++;
            return;
        }
        process(packet);
    }

    /** Runs an already decoded packet through tracking and dissection (benchmarks and tests use it directly). */
    public void process(Packet p) {
        if (p.isMalformed()) malformed++;
        long now = p.timestampNanos();
        if (now >= nextFlushNanos) {
            if (nextFlushNanos != Long.MIN_VALUE) flush(now);
            nextFlushNanos = now + FLUSH_INTERVAL_NANOS;
        }
        int flow = flows.track(p);
        flowView.position(flows, flow);
        for (Registered d : everyPacket) run(d, p, empty.wrap(p.data(), 0, 0));

        int et = p.etherType();
        // pseudo EtherTypes above 0xffff (non-Ethernet SNAP, plain LLC) have no table entry
        Registered[] byEt = et >= 0 && et <= 0xffff ? byEtherType[et] : null;
        if (byEt != null && p.l3Offset() >= 0) {
            for (Registered d : byEt) run(d, p, payload.wrap(p.data(), p.l3Offset(), p.length() - p.l3Offset()));
        }
        if (flow < 0 || p.payloadLength() <= 0 || flows.packets(flow) > maxPayloadPackets) return;
        int proto = p.ipProtocol();
        Registered[][] byPort = proto == IpProtocols.TCP ? byTcpPort : proto == IpProtocols.UDP ? byUdpPort : null;
        if (byPort == null || p.srcPort() < 0) return;
        if (proto == IpProtocols.UDP && repeats.seenBefore(p)) {
            repeatedDatagrams++;
            return;
        }
        payload.wrap(p.data(), p.payloadOffset(), p.payloadLength());
        Registered[] atDst = byPort[p.dstPort()];
        Registered[] atSrc = byPort[p.srcPort()];
        boolean claimed = false;
        if (atDst != null) {
            claimed = true;
            dispatch(atDst, null, p, flow);
        }
        if (atSrc != null && atSrc != atDst) {
            claimed = true;
            dispatch(atSrc, atDst, p, flow);
        }
        if (!claimed && heuristics.length > 0) dispatchHeuristic(p, flow);
    }

    private void dispatch(Registered[] list, Registered[] skip, Packet p, int flow) {
        long n = flows.packets(flow);
        for (Registered d : list) {
            if (n <= d.payloadPackets() && !contains(skip, d)) run(d, p, payload);
        }
    }

    private static boolean contains(Registered[] list, Registered d) {
        if (list == null) return false;
        for (Registered x : list) if (x == d) return true;
        return false;
    }

    private void dispatchHeuristic(Packet p, int flow) {
        if (flow >= heuristicOwner.length) {
            heuristicOwner = Arrays.copyOf(heuristicOwner, Math.max(flows.capacity(), flow + 1));
        }
        // decided on the flow's first packet with payload (a TCP handshake carries none)
        if (heuristicOwner[flow] == 0) {
            heuristicOwner[flow] = -1;
            for (int k = 0; k < heuristics.length; k++) {
                if (detect(heuristics[k], p, flow)) {
                    heuristicOwner[flow] = k + 1;
                    break;
                }
            }
        }
        int owner = heuristicOwner[flow];
        if (owner > 0) {
            Registered d = heuristics[owner - 1];
            if (flows.packets(flow) <= d.payloadPackets()) run(d, p, payload);
        }
    }

    private boolean detect(Registered d, Packet p, int flow) {
        try {
            return d.dissector().detect(payload, flowView);
        } catch (RuntimeException | StackOverflowError e) {
            failed(d);
            return false;
        }
    }

    private void run(Registered d, Packet p, Payload pl) {
        try {
            d.dissector().dissect(p, pl, flowView, sink);
        } catch (RuntimeException | StackOverflowError e) {
            failed(d);
        }
    }

    private void failed(Registered d) {
        failures[d.index()]++;
    }

    /** Emits held-back observations (activity summaries) of every dissector. */
    public void flush(long nowNanos) {
        for (int i = 0; i < dissectors.size(); i++) {
            try {
                dissectors.get(i).flush(nowNanos, sink);
            } catch (RuntimeException e) {
                failures[i]++;
            }
        }
    }

    /** End of input: flush everything and end all flows. */
    public void finish() {
        flows.endAll();
        flush(Long.MAX_VALUE);
    }

    public long frames() { return frames; }
    /** UDP datagrams not dissected because the same sender had sent the same bytes on the same ports before. */
    public long repeatedDatagrams() { return repeatedDatagrams; }
    /** Frames whose link layer could not be decoded at all. */
    public long undecodable() { return undecodable; }
    /** Packets with a truncated or malformed layer (decoded as far as possible). */
    public long malformed() { return malformed; }
    public FlowTable flows() { return flows; }

    /** Exceptions caught per dissector name; all zero in a healthy run. */
    public Map<String, Long> dissectorFailures() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < dissectors.size(); i++) {
            if (failures[i] > 0) m.put(dissectors.get(i).name(), failures[i]);
        }
        return m;
    }
}
