package io.osprey.vuln.match;

import io.osprey.vuln.cpe.Cpe;

/**
 * A CPE name the device probably has, with how likely (0..1) and on what basis ("model", "alias: ...",
 * "suffix rule: ..."). The version is ANY when the device's version is unknown.
 */
public record CpeCandidate(Cpe cpe, double likelihood, String basis) {
}
