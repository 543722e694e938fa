package io.osprey.vuln.cpe;

/** Attribute and name comparison results of NISTIR 7696 §5.2 (Table 5-1) and §6.2. */
public enum Relation {
    /** The source value covers the target value and more. */
    SUPERSET,
    /** The source value is covered by the target value. */
    SUBSET,
    EQUAL,
    DISJOINT,
    /** The target holds a wildcard: NISTIR 7696 leaves the comparison undefined. */
    UNDEFINED
}
