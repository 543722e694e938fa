package io.osprey.vuln.match;

/**
 * A record that seems to concern the device but that NVD has not analysed (no configurations): neither a match
 * nor a "not vulnerable", just something the data cannot decide yet.
 */
public record CoverageGap(String cveId, String nvdStatus, String reason) {
}
