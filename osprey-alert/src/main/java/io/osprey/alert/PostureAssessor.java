package io.osprey.alert;

import io.osprey.inventory.Device;
import io.osprey.packet.decode.Addresses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Risk and exposure, per device and for the organisation.
 *
 * <p><b>Risk</b> is about what is happening: High when the device is part of a Critical alert or a threat-
 * intelligence (malware engine) alert, or of three or more Major ones; Medium for a Major alert; Low for a Minor
 * one; Informational when only warnings; None without alerts.
 *
 * <p><b>Exposure</b> is about what could happen, as a score from 0 to 100: a KEV-listed vulnerability 40, a
 * critical one (CVSS ≥ 9) 30, a high one (≥ 7) 20, an EPSS of 0.5 or more 20 (each counted once, half when the
 * match is only "possible"); recommendations 15 (High), 8 (Medium), 3 (Low) each, at most 30; talking to the internet
 * directly 15. The sum is weighed by criticality: the asset value a user set (Low ×0.7, High ×1.5), and controllers
 * (PLC, RTU, IED, DCS) are High unless set otherwise. High from 60, Medium from 30, Low below; "No data" for a device
 * Osprey could not classify and knows nothing against.
 *
 * <p>The organisation's exposure is the criticality-weighted mean of the device scores.
 */
public final class PostureAssessor {
    public static final List<String> ASSET_VALUES = List.of("Low", "Normal", "High");
    static final Set<String> CRITICAL_TYPES = Set.of("PLC", "RTU", "IED", "DCS Controller", "SCADA Server", "HMI", "Engineering Station");

    /** The recommendation counts of the whole network. */
    public record RecommendationSummary(String id, String title, String severity, String remediation, int unhealthy,
                                        int healthy, List<String> devices) {}

    /** The posture of every device, the organisation score and the recommendation counts. */
    public record Assessment(Map<String, Posture> devices, int organisationExposure, List<RecommendationSummary> recommendations) {}

    private final Recommendations recommendations;

    public PostureAssessor(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    public Assessment assess(List<Device> devices, List<Alert> alerts, Map<String, List<Weakness>> weaknesses,
                             Map<String, String> assetValues, OperationLog log, Map<String, OtProfile> ot) {
        return assess(devices, alerts, weaknesses, assetValues, Map.of(), log, ot);
    }

    /**
     * As above, with the accepted recommendations: "device|recommendation" → why and until when. An accepted
     * recommendation is listed with status "exception" and weighs nothing on exposure.
     */
    public Assessment assess(List<Device> devices, List<Alert> alerts, Map<String, List<Weakness>> weaknesses,
                             Map<String, String> assetValues, Map<String, String> exceptions, OperationLog log,
                             Map<String, OtProfile> ot) {
        Map<String, List<Alert>> alertsOf = new HashMap<>();
        for (Alert a : alerts) {
            if (a.sourceDeviceId() != null) alertsOf.computeIfAbsent(a.sourceDeviceId(), k -> new ArrayList<>()).add(a);
            if (a.destinationDeviceId() != null && !a.destinationDeviceId().equals(a.sourceDeviceId())) {
                alertsOf.computeIfAbsent(a.destinationDeviceId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, Set<String>> internet = internetPeers(devices, log);
        Map<String, Posture> out = new LinkedHashMap<>();
        double weighted = 0, weights = 0;
        Map<String, List<String>> unhealthy = new LinkedHashMap<>();
        for (Recommendations.Entry e : recommendations.entries()) unhealthy.put(e.id(), new ArrayList<>());
        for (Device d : devices) {
            List<Alert> own = alertsOf.getOrDefault(d.deviceId(), List.of());
            List<Weakness> vulns = weaknesses.getOrDefault(d.deviceId(), List.of());
            OtProfile profile = ot.get(d.deviceId());
            Set<String> peers = internet.getOrDefault(d.deviceId(), Set.of());
            List<RecommendationFinding> recs = new ArrayList<>();
            for (RecommendationFinding r : recommendations.applicable(d, new Recommendations.Context(own, vulns, peers,
                    profile == null ? null : profile.plcMode()))) {
                String accepted = exceptions.get(d.deviceId() + "|" + r.id());
                if (accepted == null) {
                    recs.add(r);
                    unhealthy.get(r.id()).add(d.deviceId());
                } else {
                    List<String> evidence = new ArrayList<>(r.evidence());
                    evidence.add("exception: " + accepted);
                    recs.add(new RecommendationFinding(r.id(), r.title(), r.severity(), r.remediation(), "exception", List.copyOf(evidence)));
                }
            }
            List<String> riskFactors = new ArrayList<>();
            String risk = risk(own, riskFactors);
            String value = assetValues.getOrDefault(d.deviceId(),
                    d.deviceType() != null && CRITICAL_TYPES.contains(d.deviceType()) ? "High" : "Normal");
            List<String> exposureFactors = new ArrayList<>();
            int score = exposure(vulns, recs, peers, value, exposureFactors);
            boolean unknown = d.deviceType() == null && d.vendor() == null && vulns.isEmpty() && recs.isEmpty();
            String level = unknown ? "No data" : score >= 60 ? "High" : score >= 30 ? "Medium" : "Low";
            out.put(d.deviceId(), new Posture(risk, List.copyOf(riskFactors), level, score, List.copyOf(exposureFactors),
                    List.copyOf(recs), value));
            double w = weight(value);
            weighted += w * score;
            weights += w;
        }
        List<RecommendationSummary> summary = new ArrayList<>();
        for (Recommendations.Entry e : recommendations.entries()) {
            List<String> ids = unhealthy.get(e.id());
            summary.add(new RecommendationSummary(e.id(), e.title(), e.severity(), e.remediation(), ids.size(),
                    devices.size() - ids.size(), List.copyOf(ids)));
        }
        int organisation = weights == 0 ? 0 : (int) Math.round(weighted / weights);
        return new Assessment(out, organisation, summary);
    }

    private static String risk(List<Alert> alerts, List<String> factors) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        boolean malware = false;
        for (Alert a : alerts) {
            bySeverity.merge(a.severity(), 1, Integer::sum);
            malware |= a.engine().equals("Malware");
            factors.add(a.severity() + " alert " + a.alertId() + ": " + a.title() + (a.count() > 1 ? " (" + a.count() + " times)" : ""));
        }
        int critical = bySeverity.getOrDefault("Critical", 0), major = bySeverity.getOrDefault("Major", 0);
        if (critical > 0 || malware || major >= 3) return "High";
        if (major > 0) return "Medium";
        if (bySeverity.getOrDefault("Minor", 0) > 0) return "Low";
        if (!alerts.isEmpty()) return "Informational";
        return "None";
    }

    private static int exposure(List<Weakness> vulns, List<RecommendationFinding> recs, Set<String> peers, String value,
                                List<String> factors) {
        double score = 0;
        boolean kev = false, critical = false, high = false, epss = false;
        for (Weakness w : vulns) {
            double k = w.confidence().equals("possible") ? 0.5 : 1.0;
            if (w.kev() && !kev) { kev = true; score += 40 * k; factors.add(w.cveId() + " is in CISA KEV (" + w.confidence() + ")"); }
            double cvss = w.cvssScore() == null ? 0 : w.cvssScore();
            if (cvss >= 9 && !critical) { critical = true; score += 30 * k; factors.add(w.cveId() + " CVSS " + cvss + " (" + w.confidence() + ")"); }
            else if (cvss >= 7 && cvss < 9 && !high) { high = true; score += 20 * k; factors.add(w.cveId() + " CVSS " + cvss + " (" + w.confidence() + ")"); }
            if (w.epss() != null && w.epss() >= 0.5 && !epss) {
                epss = true;
                score += 20 * k;
                factors.add(w.cveId() + String.format(Locale.ROOT, " EPSS %.2f", w.epss()));
            }
        }
        if (!vulns.isEmpty()) factors.add(vulns.size() + " known vulnerabilit" + (vulns.size() == 1 ? "y" : "ies"));
        double fromRecs = 0;
        for (RecommendationFinding r : recs) {
            if (!r.status().equals("active")) continue;
            fromRecs += switch (r.severity()) {
                case "High" -> 15;
                case "Medium" -> 8;
                default -> 3;
            };
            factors.add("recommendation: " + r.title());
        }
        score += Math.min(30, fromRecs);
        if (!peers.isEmpty()) {
            score += 15;
            factors.add("talks to the internet directly (" + peers.size() + " address" + (peers.size() == 1 ? ")" : "es)"));
        }
        double w = weight(value);
        if (w != 1.0 && score > 0) factors.add("asset value " + value + " (x" + w + ")");
        return (int) Math.min(100, Math.round(score * w));
    }

    private static double weight(String value) {
        return switch (value) {
            case "High" -> 1.5;
            case "Low" -> 0.7;
            default -> 1.0;
        };
    }

    /** The internet addresses each device exchanged traffic with, either way. */
    private static Map<String, Set<String>> internetPeers(List<Device> devices, OperationLog log) {
        DeviceDirectory directory = new DeviceDirectory(devices);
        Map<String, Set<String>> out = new HashMap<>();
        for (LoggedOperation o : log.entries()) {
            if (!AlertEngine.TRANSPORT_SOURCES.contains(o.source()) || !o.operation().equals(AlertEngine.CONNECT)) continue;
            String client = directory.deviceId(o.client()), server = directory.deviceId(o.server());
            if (client != null && server == null && o.server().hasIp() && Addresses.isGlobalUnicast(o.server().ipHi(), o.server().ipLo())) {
                out.computeIfAbsent(client, k -> new TreeSet<>()).add(Addresses.ip(o.server().ipHi(), o.server().ipLo()));
            } else if (server != null && client == null && o.client().hasIp() && Addresses.isGlobalUnicast(o.client().ipHi(), o.client().ipLo())) {
                out.computeIfAbsent(server, k -> new TreeSet<>()).add(Addresses.ip(o.client().ipHi(), o.client().ipLo()));
            }
        }
        return out;
    }
}
