package io.osprey.alert;

/**
 * A known vulnerability of a device, as the posture needs it (the vulnerability matcher's findings reduced to what
 * weighs on exposure and recommendations).
 *
 * @param confidence confirmed, likely or possible
 * @param fixAvailable the advisory or NVD names a fix (a patch or an update)
 */
public record Weakness(String cveId, String confidence, Double cvssScore, Double epss, boolean kev, boolean fixAvailable) {}
