package io.osprey.vuln.csaf;

import io.osprey.vuln.cpe.FirmwareVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as CSAF advisories write them: the vers syntax of {@code product_version_range}
 * ({@code vers:generic/>=1.0|<2.3}, https://github.com/package-url/purl-spec/blob/main/VERSION-RANGE-SPEC.rst)
 * and the free text ICS advisories use instead ({@code <= V3.2}, {@code V2.0 and prior}, {@code All versions},
 * {@code versions prior to 4.1}, {@code >= V3.0 and < V4.1}). Text that cannot be read is kept as unreadable:
 * it never says a version is outside the range, only that it cannot tell.
 */
public final class VersionRange {
    /** Range texts longer than this are not ranges; it bounds the parsing work. */
    public static final int MAX_LENGTH = 512;

    /** Whether a version lies in the range. */
    public enum Containment { INSIDE, OUTSIDE, UNKNOWN }

    enum Comparator2 { LT, LE, GT, GE, EQ, NE }

    record Constraint(Comparator2 comparator, String version) {
    }

    private static final Pattern ALL = Pattern.compile("^(all|any)(\\s+(bios\\s+)?versions?)?$|^\\*$|^vers:[a-z0-9.+-]+/\\*$");
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|!=|=<|=>|<|>|=)\\s*");
    private static final Pattern AND_PRIOR = Pattern.compile(
            "^(?:versions?\\s+)?(.+?)\\s+and\\s+(?:all\\s+)?(prior|earlier|older|before|below|lower)(\\s+versions?)?$");
    private static final Pattern PRIOR_TO = Pattern.compile(
            "^(?:all\\s+)?(?:versions?\\s+)?(?:prior\\s+to|before|earlier\\s+than|older\\s+than|lower\\s+than|below)\\s+(?:versions?\\s+)?(.+)$");
    private static final Pattern AND_LATER = Pattern.compile(
            "^(?:versions?\\s+)?(.+?)\\s+and\\s+(later|newer|above|higher|up)(\\s+versions?)?$");

    private static final Pattern VERSION_START = Pattern.compile("^[a-z]{0,3}\\s?\\d");

    private final String text;
    private final boolean all;
    private final List<Constraint> constraints;

    private VersionRange(String text, boolean all, List<Constraint> constraints) {
        this.text = text;
        this.all = all;
        this.constraints = constraints;
    }

    /** Never fails: text that is not a range gives a range of {@link Containment#UNKNOWN}. */
    public static VersionRange parse(String rangeText) {
        String original = rangeText == null ? "" : rangeText;
        if (original.length() > MAX_LENGTH) {
            return new VersionRange(original.substring(0, MAX_LENGTH), false, List.of());
        }
        String t = original.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (ALL.matcher(t).matches()) {
            return new VersionRange(original, true, List.of());
        }
        if (t.startsWith("vers:")) {
            int slash = t.indexOf('/');
            if (slash < 0) {
                return new VersionRange(original, false, List.of());
            }
            return new VersionRange(original, false, constraints(t.substring(slash + 1).replace('|', ' ')));
        }
        t = t.replaceFirst("^all (bios )?versions?:?\\s*", "").replaceFirst("^versions?:?\\s+", "");
        Matcher m = AND_PRIOR.matcher(t);
        if (m.matches() && looksLikeVersion(m.group(1))) {
            return new VersionRange(original, false, List.of(new Constraint(Comparator2.LE, m.group(1).strip())));
        }
        m = PRIOR_TO.matcher(t);
        if (m.matches() && looksLikeVersion(m.group(1))) {
            return new VersionRange(original, false, List.of(new Constraint(Comparator2.LT, m.group(1).strip())));
        }
        m = AND_LATER.matcher(t);
        if (m.matches() && looksLikeVersion(m.group(1))) {
            return new VersionRange(original, false, List.of(new Constraint(Comparator2.GE, m.group(1).strip())));
        }
        return new VersionRange(original, false, constraints(t.replace('|', ' ').replace(" and ", " ")
                .replace(',', ' ')));
    }

    /** Comparator-version pairs, in any order, separated by spaces; text before the first comparator is a label. */
    private static List<Constraint> constraints(String t) {
        Matcher m = COMPARATOR.matcher(t);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            // A bare version ("1.2.3" or "vers:generic/1.2.3") is an equality.
            String v = t.strip();
            return looksLikeVersion(v) && !v.contains(" ") ? List.of(new Constraint(Comparator2.EQ, v)) : List.of();
        }
        List<Constraint> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : t.length();
            String op = t.substring(spans.get(i)[0], spans.get(i)[1]).strip();
            String version = t.substring(spans.get(i)[1], end).strip();
            if (!looksLikeVersion(version)) {
                return List.of();
            }
            Comparator2 c = switch (op) {
                case "<" -> Comparator2.LT;
                case "<=", "=<" -> Comparator2.LE;
                case ">" -> Comparator2.GT;
                case ">=", "=>" -> Comparator2.GE;
                case "!=" -> Comparator2.NE;
                default -> Comparator2.EQ;
            };
            out.add(new Constraint(c, version));
        }
        return List.copyOf(out);
    }

    private static boolean looksLikeVersion(String v) {
        // A digit first, or a short prefix such as "V", "SV" or "r" before one ("the 5 first digits" is not).
        return !v.isBlank() && v.length() <= 64 && VERSION_START.matcher(v).find();
    }

    public boolean isAll() {
        return all;
    }

    /** False when the text could not be read as a range. */
    public boolean isReadable() {
        return all || !constraints.isEmpty();
    }

    /**
     * The vers containment algorithm: equalities and exclusions first, then the sorted comparators read as
     * intervals (a lower bound opens one, the next upper bound closes it; an upper bound with nothing open starts
     * from the lowest version, a lower bound left open runs to the highest).
     */
    public Containment contains(String version) {
        if (all) {
            return Containment.INSIDE;
        }
        if (constraints.isEmpty() || version == null || !FirmwareVersion.parse(version).hasNumber()) {
            return Containment.UNKNOWN;
        }
        FirmwareVersion v = FirmwareVersion.parse(version);
        for (Constraint c : constraints) {
            FirmwareVersion bound = FirmwareVersion.parse(c.version());
            if (c.comparator() == Comparator2.NE && v.compareTo(bound) == 0) {
                return Containment.OUTSIDE;
            }
            if (c.comparator() == Comparator2.EQ && v.compareTo(bound) == 0) {
                return Containment.INSIDE;
            }
        }
        List<Constraint> sorted = constraints.stream()
                .filter(c -> c.comparator() != Comparator2.EQ && c.comparator() != Comparator2.NE)
                .sorted(Comparator.comparing(c -> FirmwareVersion.parse(c.version())))
                .toList();
        Constraint open = null;
        for (Constraint c : sorted) {
            boolean lower = c.comparator() == Comparator2.GT || c.comparator() == Comparator2.GE;
            if (lower) {
                open = c;
                continue;
            }
            if ((open == null || above(v, open)) && below(v, c)) {
                return Containment.INSIDE;
            }
            open = null;
        }
        if (open != null && above(v, open)) {
            return Containment.INSIDE;
        }
        return Containment.OUTSIDE;
    }

    private static boolean above(FirmwareVersion v, Constraint lower) {
        int c = v.compareTo(FirmwareVersion.parse(lower.version()));
        return lower.comparator() == Comparator2.GE ? c >= 0 : c > 0;
    }

    private static boolean below(FirmwareVersion v, Constraint upper) {
        int c = v.compareTo(FirmwareVersion.parse(upper.version()));
        return upper.comparator() == Comparator2.LE ? c <= 0 : c < 0;
    }

    /** The range in vers-like notation, for evidence: "all", "<=16.00", ">=v3.0|<v4.1", or "unreadable: ...". */
    public String describe() {
        if (all) {
            return "all versions";
        }
        if (constraints.isEmpty()) {
            return "unreadable range '" + text + "'";
        }
        StringBuilder out = new StringBuilder();
        for (Constraint c : constraints) {
            if (!out.isEmpty()) {
                out.append('|');
            }
            out.append(switch (c.comparator()) {
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
                case EQ -> "=";
                case NE -> "!=";
            }).append(c.version());
        }
        return out.toString();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return describe();
    }
}
