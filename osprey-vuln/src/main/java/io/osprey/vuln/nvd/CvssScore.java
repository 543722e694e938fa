package io.osprey.vuln.nvd;

/** One CVSS assessment: version ("3.1", "4.0"), base score, vector string and the qualitative severity. */
public record CvssScore(String version, double baseScore, String vector, String severity) {
}
