package io.osprey.alert;

import java.time.Duration;
import java.util.List;

/**
 * One row of the alert catalogue (alerts.tsv): what an alert is called and how it is raised.
 *
 * @param threshold occurrences needed within {@code window} before the alert is raised
 * @param window the span the threshold counts over; {@link Duration#ZERO} for the whole observation
 */
public record AlertDefinition(String id, String title, String engine, String severity, String category,
                              List<String> techniques, int threshold, Duration window, String remediation) {

    /** Engines of the reference product. */
    public static final List<String> ENGINES =
            List.of("Policy Violation", "Protocol Violation", "Anomaly", "Operational", "Malware");
    public static final List<String> SEVERITIES = List.of("Critical", "Major", "Minor", "Warning");

    /**
     * Whether {@code times} (capture nanoseconds, any order) hold {@link #threshold} occurrences within one window;
     * {@code total} is the full count, which may exceed the times kept.
     */
    public boolean reached(long[] times, long total) {
        if (total < threshold) return false;
        if (window.isZero() || threshold <= 1) return true;
        long[] t = times.clone();
        java.util.Arrays.sort(t);
        long span = window.toNanos();
        for (int i = 0; i + threshold - 1 < t.length; i++) {
            if (t[i + threshold - 1] - t[i] <= span) return true;
        }
        return false;
    }
}
