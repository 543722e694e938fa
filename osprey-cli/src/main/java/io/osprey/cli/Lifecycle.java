package io.osprey.cli;

import io.osprey.alert.Alert;
import io.osprey.alert.Posture;
import io.osprey.alert.PostureAssessor;
import io.osprey.alert.RecommendationFinding;
import io.osprey.alert.Recommendations;
import io.osprey.packet.capture.CaptureStats;
import io.osprey.vuln.match.VulnerabilityFinding;
import io.osprey.vuln.store.PostureState;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store remembers between scans, applied to one: asset values and accepted recommendations weigh on the
 * posture; alerts become New or Active (and quiet ones close); recommendations whose evidence stopped are resolved.
 * "Now" is the capture's last packet, so replayed captures age by their own clock.
 */
final class Lifecycle {
    private Lifecycle() {}

    static ScanResult apply(ScanResult r, Map<String, List<VulnerabilityFinding>> vulns, PostureState state) throws IOException {
        long now = r.captures().stream().map(CaptureStats::lastNanos).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(System.currentTimeMillis() * 1_000_000L);
        LocalDate today = Instant.ofEpochSecond(0, now).atOffset(ZoneOffset.UTC).toLocalDate();
        Map<String, String> exceptions = new HashMap<>();
        state.exceptions(today).forEach((k, e) -> exceptions.put(k, e.justification() + " (until " + e.expires() + ")"));
        List<PostureState.RaisedAlert> raised = new ArrayList<>();
        for (Alert a : r.alerts()) {
            raised.add(new PostureState.RaisedAlert(a.alertId(), a.definitionId(), a.title(), a.severity(),
                    a.sourceDeviceId(), a.destinationDeviceId(), a.firstSeenNanos(), a.lastSeenNanos(), a.count()));
        }
        Map<String, String> statuses = state.recordAlerts(raised, now);
        List<Alert> alerts = new ArrayList<>();
        for (Alert a : r.alerts()) alerts.add(a.withStatus(statuses.getOrDefault(a.alertId(), a.status())));
        ScanResult withStatus = r.monitored(alerts, r.ot());
        PostureAssessor.Assessment posture = new PostureAssessor(Recommendations.bundled()).assess(r.devices(), alerts,
                Vulnerabilities.weaknesses(vulns), state.assetValues(), exceptions, r.operations(), r.ot());
        Map<String, String> seen = new LinkedHashMap<>();
        posture.devices().forEach((id, p) -> {
            for (RecommendationFinding f : p.recommendations()) seen.put(id + "|" + f.id(), f.status());
        });
        List<String> resolved = state.recordRecommendations(seen, now);
        Map<String, Posture> devices = new LinkedHashMap<>(posture.devices());
        Map<String, Recommendations.Entry> catalogue = new HashMap<>();
        for (Recommendations.Entry e : Recommendations.bundled().entries()) catalogue.put(e.id(), e);
        for (String key : resolved) {
            String[] k = key.split("\\|", 2);
            Posture p = devices.get(k[0]);
            Recommendations.Entry e = catalogue.get(k[1]);
            if (p == null || e == null) continue;
            List<RecommendationFinding> recs = new ArrayList<>(p.recommendations());
            recs.add(new RecommendationFinding(e.id(), e.title(), e.severity(), e.remediation(), "resolved",
                    List.of("its evidence is no longer seen")));
            devices.put(k[0], new Posture(p.riskLevel(), p.riskFactors(), p.exposureLevel(), p.exposureScore(),
                    p.exposureFactors(), List.copyOf(recs), p.assetValue()));
        }
        return ScanCommand.finish(withStatus, vulns, new PostureAssessor.Assessment(devices, posture.organisationExposure(),
                posture.recommendations()));
    }
}
