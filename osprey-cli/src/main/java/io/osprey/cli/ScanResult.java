package io.osprey.cli;

import io.osprey.alert.Alert;
import io.osprey.alert.OperationLog;
import io.osprey.alert.OtProfile;
import io.osprey.alert.PostureAssessor;
import io.osprey.inventory.Device;
import io.osprey.packet.capture.CaptureStats;
import io.osprey.vuln.match.VulnerabilityFinding;

import java.util.List;
import java.util.Map;

/**
 * What one scan found: the captures read, the devices, the industrial operations between them, the alerts and OT
 * profiles made from those (empty until {@link #monitored}), the vulnerabilities and posture (empty until
 * {@link #assessed}), and run statistics (packets, bytes, flows, timing,
 * malformed counts) in the order they are printed.
 */
record ScanResult(List<CaptureStats> captures, List<Device> devices, OperationLog operations, List<Alert> alerts,
                  Map<String, OtProfile> ot, Map<String, List<VulnerabilityFinding>> vulnerabilities,
                  PostureAssessor.Assessment posture, Map<String, Object> stats, boolean interrupted) {

    ScanResult(List<CaptureStats> captures, List<Device> devices, OperationLog operations, Map<String, Object> stats,
               boolean interrupted) {
        this(captures, devices, operations, List.of(), Map.of(), Map.of(), null, stats, interrupted);
    }

    /** The same scan with its alerts and OT profiles. */
    ScanResult monitored(List<Alert> alerts, Map<String, OtProfile> ot) {
        return new ScanResult(captures, devices, operations, List.copyOf(alerts), ot, vulnerabilities, posture, stats,
                interrupted);
    }

    /** The same scan with its vulnerabilities and the posture (risk, exposure, recommendations). */
    ScanResult assessed(Map<String, List<VulnerabilityFinding>> vulnerabilities, PostureAssessor.Assessment posture) {
        return new ScanResult(captures, devices, operations, alerts, ot, vulnerabilities, posture, stats, interrupted);
    }

    long packets() { return ((Number) stats.get("packets")).longValue(); }

    long bytes() { return ((Number) stats.get("bytes")).longValue(); }
}
