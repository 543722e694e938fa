package io.osprey.cli;

import io.osprey.inventory.Device;
import io.osprey.packet.capture.CaptureStats;

import java.util.List;
import java.util.Map;

/**
 * What one scan found: the captures read, the devices, and run statistics (packets, bytes, flows, timing,
 * malformed counts) in the order they are printed.
 */
record ScanResult(List<CaptureStats> captures, List<Device> devices, Map<String, Object> stats, boolean interrupted) {

    long packets() { return ((Number) stats.get("packets")).longValue(); }

    long bytes() { return ((Number) stats.get("bytes")).longValue(); }
}
