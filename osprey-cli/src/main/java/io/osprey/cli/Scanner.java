package io.osprey.cli;

import io.osprey.alert.OperationLog;
import io.osprey.dissect.Observation;

import io.osprey.dissect.PacketPipeline;
import io.osprey.inventory.DeviceInventory;
import io.osprey.inventory.VendorLookup;
import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.CaptureStats;
import io.osprey.packet.flow.FlowTable;
import io.osprey.packet.flow.FlowTableConfig;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a capture source through the sensor pipeline (decode → track → dissect → inventory) to its end, or
 * until stopped, and collects the result. Independent of how the result is printed.
 */
final class Scanner {
    /** Frames handed over per read call: large enough to amortise the call, small enough for a smooth bar. */
    private static final int BATCH = 4096;

    private final FlowTableConfig flowConfig;
    private final VendorLookup vendors;

    Scanner(FlowTableConfig flowConfig, VendorLookup vendors) {
        this.flowConfig = flowConfig;
        this.vendors = vendors;
    }

    /**
     * Reads {@code source} until it ends or {@code stop} says so.
     *
     * @param progress called after every batch with (bytes consumed, frames read); may be null
     */
    ScanResult run(CaptureSource source, BooleanSupplier stop, ProgressBar progress) throws IOException {
        long start = System.nanoTime();
        DeviceInventory inventory = new DeviceInventory(vendors);
        OperationLog operations = new OperationLog();
        FlowTable flows = new FlowTable(flowConfig, null);
        PacketPipeline pipeline = new PacketPipeline(PacketPipeline.discoverDissectors(), flows, o -> {
            if (o instanceof Observation.Operation op) operations.add(op);
            else inventory.accept(o);
        });
        boolean interrupted = false;
        while (true) {
            if (stop.getAsBoolean()) {
                interrupted = true;
                break;
            }
            int n = source.read(pipeline, BATCH);
            if (n < 0) break;
            if (progress != null) progress.update(source.position(), pipeline.frames());
        }
        interrupted |= stop.getAsBoolean();
        pipeline.finish();
        if (progress != null) progress.clear();
        var devices = inventory.snapshot();
        double seconds = (System.nanoTime() - start) / 1e9;

        long packets = 0, bytes = 0;
        for (CaptureStats c : source.stats()) {
            packets += c.packets();
            bytes += c.bytes();
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("packets", packets);
        stats.put("bytes", bytes);
        stats.put("devices", devices.size());
        stats.put("flows", flows.flowsStarted());
        stats.put("peakFlows", flows.peakFlows());
        stats.put("flowsEvicted", flows.flowsEvicted());
        stats.put("malformedPackets", pipeline.malformed());
        stats.put("undecodableFrames", pipeline.undecodable());
        stats.put("repeatedDatagrams", pipeline.repeatedDatagrams());
        stats.put("observations", inventory.observations());
        stats.put("operations", operations.size());
        if (operations.dropped() > 0) stats.put("operationsDropped", operations.dropped());
        Map<String, Long> failures = pipeline.dissectorFailures();
        if (!failures.isEmpty()) stats.put("dissectorFailures", failures);
        stats.put("seconds", Math.round(seconds * 1000) / 1000.0);
        stats.put("packetsPerSecond", seconds > 0 ? Math.round(packets / seconds) : 0);
        return new ScanResult(source.stats(), devices, operations, stats, interrupted);
    }
}
