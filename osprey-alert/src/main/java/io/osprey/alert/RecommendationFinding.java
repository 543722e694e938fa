package io.osprey.alert;

import java.util.List;

/**
 * A recommendation that applies to a device, with the evidence that makes it apply.
 *
 * @param status active; exception (accepted, with a justification, until it expires); resolved (its evidence
 *     stopped) — the last two need the store's history
 */
public record RecommendationFinding(String id, String title, String severity, String remediation, String status,
                                    List<String> evidence) {}
