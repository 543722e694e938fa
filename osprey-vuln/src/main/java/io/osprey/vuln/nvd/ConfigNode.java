package io.osprey.vuln.nvd;

import java.util.List;

/** A node of an NVD configuration: match criteria combined by an operator, possibly negated. */
public record ConfigNode(Operator operator, boolean negate, List<CpeMatchCriterion> criteria) {
    public ConfigNode {
        criteria = List.copyOf(criteria);
    }
}
