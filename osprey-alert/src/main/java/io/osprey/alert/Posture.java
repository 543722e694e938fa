package io.osprey.alert;

import java.util.List;

/**
 * A device's security posture: its risk level (from the alerts it is part of), its exposure level (from its
 * vulnerabilities, recommendations, criticality and internet exposure), each with the factors behind it, and the
 * recommendations that apply to it.
 *
 * @param riskLevel High, Medium, Low, Informational or None
 * @param exposureLevel High, Medium, Low, or "No data" when nothing about the device can be judged
 * @param exposureScore 0–100, before the level is cut from it
 * @param assetValue Low, Normal (the default) or High, as the user set it
 */
public record Posture(String riskLevel, List<String> riskFactors, String exposureLevel, int exposureScore,
                      List<String> exposureFactors, List<RecommendationFinding> recommendations, String assetValue) {}
