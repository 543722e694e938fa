package io.osprey.vuln.nvd;

import io.osprey.vuln.cpe.Cpe;

/**
 * One {@code cpeMatch} entry of an NVD configuration node: the criterion name, whether it names the vulnerable
 * product ({@code vulnerable=false} names a platform the product must run on), and the version range bounds as NVD
 * writes them (formatted-string escaped, e.g. {@code 15.1\(3\)svs}); {@code null} when absent. {@code criteria} is
 * {@code null} when the name could not be parsed: such a criterion never matches.
 */
public record CpeMatchCriterion(boolean vulnerable, String criteriaText, Cpe criteria,
                                String versionStartIncluding, String versionStartExcluding,
                                String versionEndIncluding, String versionEndExcluding) {

    /** True when some bound carries a version; NVD sometimes writes "-" as a bound, which bounds nothing. */
    public boolean hasRange() {
        return usable(versionStartIncluding) || usable(versionStartExcluding)
                || usable(versionEndIncluding) || usable(versionEndExcluding);
    }

    static boolean usable(String bound) {
        return bound != null && !bound.isBlank() && !bound.equals("-") && !bound.equals("*");
    }
}
