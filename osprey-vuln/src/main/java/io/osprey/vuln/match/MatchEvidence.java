package io.osprey.vuln.match;

/**
 * Why one criterion of a match holds: which of the device's CPEs satisfied which criterion, whether the criterion
 * names the vulnerable product or a platform it runs on, and why the version is in range.
 */
public record MatchEvidence(String deviceCpe, String criterion, boolean vulnerableCriterion, String versionReason) {
}
