package io.osprey.alert;

import java.util.List;

/**
 * An alert, as written to the scan output's top-level {@code alerts} array.
 *
 * @param alertId stable for the same behaviour between the same devices, so a later run finds the same alert
 *     (to mute it, or to merge repeats into one with a count)
 * @param definitionId the row of alerts.tsv
 * @param sourceDeviceId the device that acted, or its address when it is no device (an internet host); may be null
 * @param destinationDeviceId the device acted upon, or its address; null when the alert is about one device
 * @param count occurrences merged into this alert
 * @param baselineKey what learning this alert adds to the baseline, or null when it cannot be learned (it is raised
 *     whatever the baseline says; mute it instead)
 * @param status New when first raised; Active when an earlier run (recorded in the store) raised it too
 */
public record Alert(String alertId, String definitionId, String title, String engine, String severity, String category,
                    List<String> attackTechniques, String sourceDeviceId, String destinationDeviceId,
                    long firstSeenNanos, long lastSeenNanos, long count, List<AlertEvidence> evidence,
                    String remediation, String baselineKey, String status) {

    /** The same alert in another lifecycle state. */
    public Alert withStatus(String newStatus) {
        return new Alert(alertId, definitionId, title, engine, severity, category, attackTechniques, sourceDeviceId,
                destinationDeviceId, firstSeenNanos, lastSeenNanos, count, evidence, remediation, baselineKey, newStatus);
    }
}
