package io.osprey.cli;

import io.osprey.alert.Alert;
import io.osprey.alert.AlertCatalogue;
import io.osprey.alert.AlertEngine;
import io.osprey.alert.AlertEvidence;
import io.osprey.alert.Baseline;
import io.osprey.alert.BaselineLearner;
import io.osprey.alert.Indicators;
import io.osprey.alert.OperationLog;
import io.osprey.alert.OtProfiles;
import io.osprey.inventory.Device;
import io.osprey.packet.capture.CaptureStats;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learning period in capture time: the baseline is learned from the traffic of the first part of a run, and the
 * rest is monitored against it. Alerts that need no baseline (a PLC stop, a scan) are raised over the whole run.
 */
final class LearningPeriod {
    /** How long a live sensor learns when no baseline is given, as the reference product does. */
    static final Duration LIVE_DEFAULT = Duration.ofDays(14);
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([dhms])");

    private LearningPeriod() {}

    /** "14d", "36h", "90m", "45s" or ISO-8601 ("P14D", "PT36H"). */
    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use 14d, 36h, 90m, 45s or ISO-8601 (P14D)");
        }
    }

    record Outcome(ScanResult result, Baseline baseline, long cutoffNanos, boolean stillLearning) {
        String describe() {
            return stillLearning
                    ? "still learning (the learning period ends at " + Format.time(cutoffNanos) + "); only alerts that need no baseline were raised"
                    : "learned the baseline until " + Format.time(cutoffNanos) + " (" + baseline.devices() + " devices), then monitored";
        }
    }

    /** Learns from the run's first {@code period} (into {@code base}, when given) and monitors the rest. */
    static Outcome apply(ScanResult r, Baseline base, Duration period, Indicators indicators) {
        long start = r.captures().stream().map(CaptureStats::firstNanos).filter(Objects::nonNull)
                .mapToLong(Long::longValue).min().orElse(0);
        long end = r.captures().stream().map(CaptureStats::lastNanos).filter(Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(start);
        long cutoff = start + Math.min(period.toNanos(), Long.MAX_VALUE - start);
        OperationLog[] parts = r.operations().split(cutoff);
        List<Device> early = r.devices().stream().filter(d -> d.firstSeenNanos() < cutoff).toList();
        Baseline baseline = BaselineLearner.learn(base == null ? new Baseline() : base, early, parts[0]);
        r.captures().forEach(c -> baseline.capture(c.path()));
        AlertEngine engine = new AlertEngine(AlertCatalogue.bundled());
        Map<String, Alert> alerts = new LinkedHashMap<>();
        // while learning, only what is wrong in itself; afterwards, deviations too. The same alert in both merges.
        for (Alert a : engine.evaluate(r.devices(), parts[0], null, indicators)) if (a.baselineKey() == null) alerts.put(a.alertId(), a);
        boolean stillLearning = end < cutoff;
        if (!stillLearning) {
            for (Alert a : engine.evaluate(r.devices(), parts[1], baseline, indicators)) alerts.merge(a.alertId(), a, LearningPeriod::merge);
        }
        List<Alert> sorted = new ArrayList<>(alerts.values());
        sorted.sort(Comparator.comparingLong(Alert::firstSeenNanos));
        r.stats().put("alerts", sorted.size());
        r.stats().put("baseline", "learning period until " + Format.time(cutoff));
        var profiles = new OtProfiles(AlertCatalogue.bundled()).build(r.devices(), r.operations());
        return new Outcome(r.monitored(sorted, profiles), baseline, cutoff, stillLearning);
    }

    private static Alert merge(Alert a, Alert b) {
        List<AlertEvidence> evidence = new ArrayList<>(a.evidence());
        for (AlertEvidence e : b.evidence()) if (evidence.size() < AlertEngine.MAX_EVIDENCE) evidence.add(e);
        return new Alert(a.alertId(), a.definitionId(), a.title(), a.engine(), a.severity(), a.category(),
                a.attackTechniques(), a.sourceDeviceId(), a.destinationDeviceId(),
                Math.min(a.firstSeenNanos(), b.firstSeenNanos()), Math.max(a.lastSeenNanos(), b.lastSeenNanos()),
                a.count() + b.count(), List.copyOf(evidence), a.remediation(), a.baselineKey(), a.status());
    }
}
