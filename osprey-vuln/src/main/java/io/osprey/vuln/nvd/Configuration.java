package io.osprey.vuln.nvd;

import java.util.List;

/**
 * An NVD configuration: nodes combined by an operator (AND for "firmware running on hardware"), possibly negated.
 * A CVE is applicable when any of its configurations is.
 */
public record Configuration(Operator operator, boolean negate, List<ConfigNode> nodes) {
    public Configuration {
        nodes = List.copyOf(nodes);
    }
}
