package io.osprey.vuln.cpe;

/**
 * CPE name matching, NISTIR 7696. The source is the pattern (an NVD match criterion), the target the name being
 * tested (a device's CPE). Attribute comparison follows Table 5-1 (§5.2) and the compare_strings wildcard
 * algorithm of §6.1.2; name comparison follows §6.2: a target matches when every attribute relation is
 * SUPERSET or EQUAL.
 */
public final class CpeNameMatcher {
    private CpeNameMatcher() {
    }

    /** Table 5-1 for one attribute; values in WFN form. */
    public static Relation compareAttribute(String source, String target) {
        if (isWildcardString(target)) {
            return Relation.UNDEFINED;
        }
        if (source.equals(target)) {
            return Relation.EQUAL;
        }
        if (source.equals(Cpe.ANY)) {
            return Relation.SUPERSET;
        }
        if (target.equals(Cpe.ANY)) {
            return Relation.SUBSET;
        }
        if (target.equals(Cpe.NA) || source.equals(Cpe.NA)) {
            return Relation.DISJOINT;
        }
        return compareStrings(source, target);
    }

    /** The eleven attribute relations of source against target (§6.2, compare_wfns). */
    public static Relation[] compareNames(Cpe source, Cpe target) {
        Relation[] relations = new Relation[Cpe.ATTRIBUTE_COUNT];
        for (int a = 0; a < Cpe.ATTRIBUTE_COUNT; a++) {
            relations[a] = compareAttribute(source.attribute(a), target.attribute(a));
        }
        return relations;
    }

    /** §6.2 CPE_DISJOINT: some attribute is disjoint. */
    public static boolean isDisjoint(Cpe source, Cpe target) {
        for (Relation r : compareNames(source, target)) {
            if (r == Relation.DISJOINT) {
                return true;
            }
        }
        return false;
    }

    /** §6.2 CPE_EQUAL: every attribute is equal. */
    public static boolean isEqual(Cpe source, Cpe target) {
        for (Relation r : compareNames(source, target)) {
            if (r != Relation.EQUAL) {
                return false;
            }
        }
        return true;
    }

    /** §6.2 CPE_SUBSET: every attribute of the source is a subset of, or equal to, the target's. */
    public static boolean isSubset(Cpe source, Cpe target) {
        for (Relation r : compareNames(source, target)) {
            if (r != Relation.SUBSET && r != Relation.EQUAL) {
                return false;
            }
        }
        return true;
    }

    /** §6.2 CPE_SUPERSET: the source covers the target; this is "the criterion matches the name". */
    public static boolean isSuperset(Cpe source, Cpe target) {
        for (Relation r : compareNames(source, target)) {
            if (r != Relation.SUPERSET && r != Relation.EQUAL) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isSuperset}: the usual question "does this criterion match this name?". */
    public static boolean matches(Cpe source, Cpe target) {
        return isSuperset(source, target);
    }

    /** §6.1.2 compare_strings: the source may hold wildcards at either end, the target none. */
    static Relation compareStrings(String source, String target) {
        int start = 0;
        int end = source.length();
        int begins = 0;
        int ends = 0;
        if (source.charAt(0) == '*') {
            start = 1;
            begins = -1;
        } else {
            while (start < source.length() && source.charAt(start) == '?') {
                start++;
                begins++;
            }
        }
        if (end > start && source.charAt(end - 1) == '*' && isUnquoted(source, end - 1)) {
            end--;
            ends = -1;
        } else {
            while (end > start && source.charAt(end - 1) == '?' && isUnquoted(source, end - 1)) {
                end--;
                ends++;
            }
        }
        String body = source.substring(start, end);
        int index = -1;
        int leftover = target.length();
        while (leftover > 0) {
            index = target.indexOf(body, index + 1);
            if (index == -1) {
                break;
            }
            // Positions count characters, not the backslashes that quote them (§6.1.2 count_escapes).
            int before = index - countEscapes(target, 0, index);
            if (index > 0 && begins != -1 && begins < before) {
                break;
            }
            int matchEnd = index + body.length();
            leftover = (target.length() - matchEnd) - countEscapes(target, matchEnd, target.length());
            if (leftover > 0 && ends != -1 && leftover > ends) {
                continue;
            }
            return Relation.SUPERSET;
        }
        return Relation.DISJOINT;
    }

    /** The number of quoting backslashes in target[from, to). */
    private static int countEscapes(String s, int from, int to) {
        int count = 0;
        boolean active = false;
        for (int i = 0; i < to && i < s.length(); i++) {
            active = !active && s.charAt(i) == '\\';
            if (active && i >= from) {
                count++;
            }
        }
        return count;
    }

    private static boolean isUnquoted(String s, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    private static boolean isWildcardString(String value) {
        if (value.equals(Cpe.ANY) || value.equals(Cpe.NA)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }
}
