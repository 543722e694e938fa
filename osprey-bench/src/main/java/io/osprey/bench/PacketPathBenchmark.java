package io.osprey.bench;

import io.osprey.dissect.PacketPipeline;
import io.osprey.inventory.DeviceInventory;
import io.osprey.inventory.oui.OuiRegistry;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.PacketDecoder;
import io.osprey.packet.flow.FlowTable;
import io.osprey.packet.flow.FlowTableConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the packet path over real frames held in memory, in packets per second: an invocation handles
 * the next {@value #BATCH} frames of the set (wrapping around), and counts as {@value #BATCH} operations. Fresh
 * tables per iteration keep the tracking cases honest: flows and hosts are created, not only found.
 *
 * <pre>java -jar osprey-bench/target/benchmarks.jar -p frames=1000000 -Dosprey.bench.capture=bench/bench.pcap</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PacketPathBenchmark {
    /** Frames taken from the start of the capture. */
    @Param("1000000")
    int frames;

    static final int BATCH = 10_000;

    private CapturedFrames captured;
    private int next;
    private final PacketDecoder decoder = new PacketDecoder();
    private final Packet packet = new Packet();
    private FlowTable flows;
    private PacketPipeline pipeline;

    @Setup(Level.Trial)
    public void load() throws IOException {
        captured = CapturedFrames.load(CapturedFrames.defaultCapture(), frames);
        if (captured.count == 0) throw new IllegalStateException("no frames");
    }

    @Setup(Level.Iteration)
    public void freshTables() {
        flows = new FlowTable(FlowTableConfig.DEFAULT, null);
        pipeline = new PacketPipeline(PacketPipeline.discoverDissectors(), new FlowTable(FlowTableConfig.DEFAULT, null),
                new DeviceInventory(OuiRegistry.bundled()::vendor));
    }

    private void advance() {
        next = (int) ((next + (long) BATCH) % captured.count);
    }

    /** Decoding alone: link, network and transport headers, TCP options located. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decode(Blackhole bh) {
        CapturedFrames c = captured;
        for (int k = 0, i = next; k < BATCH; k++, i = i + 1 == c.count ? 0 : i + 1) {
            decoder.decode(c.data[i], c.length[i], c.length[i], c.nanos[i], c.linkType[i], packet);
            bh.consume(packet.payloadOffset());
        }
        advance();
    }

    /** Decoding plus bidirectional flow tracking. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decodeAndTrack(Blackhole bh) {
        CapturedFrames c = captured;
        for (int k = 0, i = next; k < BATCH; k++, i = i + 1 == c.count ? 0 : i + 1) {
            decoder.decode(c.data[i], c.length[i], c.length[i], c.nanos[i], c.linkType[i], packet);
            bh.consume(flows.track(packet));
        }
        advance();
    }

    /** The whole sensor path: decode, track, every discovered dissector, observations into the inventory. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pipeline(Blackhole bh) {
        CapturedFrames c = captured;
        for (int k = 0, i = next; k < BATCH; k++, i = i + 1 == c.count ? 0 : i + 1) {
            decoder.decode(c.data[i], c.length[i], c.length[i], c.nanos[i], c.linkType[i], packet);
            pipeline.process(packet);
        }
        advance();
        bh.consume(pipeline.malformed());
    }
}
