package io.osprey.vuln.nvd;

/** How a configuration combines its nodes, or a node its match criteria (NVD CVE API 2.0 "operator"). */
public enum Operator {
    AND,
    OR;

    /** NVD omits the operator of a single-node configuration; OR is then the meaning. */
    public static Operator of(String text) {
        return "AND".equalsIgnoreCase(text) ? AND : OR;
    }
}
