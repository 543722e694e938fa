package io.osprey.vuln.match;

import io.osprey.vuln.cpe.Cpe;
import io.osprey.vuln.cpe.CpeNameMatcher;
import io.osprey.vuln.cpe.FirmwareVersion;
import io.osprey.vuln.cpe.Relation;
import io.osprey.vuln.nvd.ConfigNode;
import io.osprey.vuln.nvd.Configuration;
import io.osprey.vuln.nvd.CpeMatchCriterion;
import io.osprey.vuln.nvd.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates NVD configurations against a device's candidate CPEs with their full semantics:
 * a configuration holds when its nodes hold under its operator (AND: firmware on hardware, application on an OS),
 * a node when its criteria hold under its operator, {@code negate} inverts either; a criterion holds when some
 * device CPE is matched by its name (NISTIR 7696: the criterion is the source, every attribute SUPERSET or EQUAL,
 * the version aside) and the device's version satisfies its version or range.
 *
 * <p>The outcome is three-valued in effect: no match, or a match with a {@link Confidence}. An AND is as sure as
 * its least sure part, an OR as its surest. A configuration only matches when a {@code vulnerable=true}
 * criterion took part: platforms alone ({@code vulnerable=false}) never make a device vulnerable.
 */
public final class ConfigurationEvaluator {
    private ConfigurationEvaluator() {
    }

    /** The result of a configuration, node or criterion that holds. */
    public record Outcome(Confidence confidence, boolean vulnerableTookPart, List<MatchEvidence> evidence) {
        public Outcome {
            evidence = List.copyOf(evidence);
        }
    }

    /** The surest matching configuration of a record, if any. */
    public static Optional<Outcome> evaluate(List<Configuration> configurations, List<CpeCandidate> device) {
        Outcome best = null;
        for (Configuration c : configurations) {
            Outcome o = configuration(c, device);
            if (o != null && o.vulnerableTookPart() && (best == null || o.confidence().strongerThan(best.confidence()))) {
                best = o;
            }
        }
        return Optional.ofNullable(best);
    }

    static Outcome configuration(Configuration c, List<CpeCandidate> device) {
        List<Outcome> parts = new ArrayList<>();
        for (ConfigNode n : c.nodes()) {
            parts.add(node(n, device));
        }
        return negate(combine(c.operator(), parts), c.negate(), "configuration");
    }

    static Outcome node(ConfigNode n, List<CpeCandidate> device) {
        List<Outcome> parts = new ArrayList<>();
        for (CpeMatchCriterion m : n.criteria()) {
            parts.add(criterion(m, device));
        }
        return negate(combine(n.operator(), parts), n.negate(), "node");
    }

    private static Outcome combine(Operator operator, List<Outcome> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (operator == Operator.AND) {
            Confidence confidence = Confidence.CONFIRMED;
            boolean vulnerable = false;
            List<MatchEvidence> evidence = new ArrayList<>();
            for (Outcome o : parts) {
                if (o == null) {
                    return null;
                }
                confidence = confidence.weaker(o.confidence());
                vulnerable |= o.vulnerableTookPart();
                evidence.addAll(o.evidence());
            }
            return new Outcome(confidence, vulnerable, evidence);
        }
        // OR: the surest part that involves a vulnerable criterion, else the surest part.
        Outcome best = null;
        for (Outcome o : parts) {
            if (o == null) {
                continue;
            }
            if (best == null || (o.vulnerableTookPart() && !best.vulnerableTookPart())
                    || (o.vulnerableTookPart() == best.vulnerableTookPart()
                        && o.confidence().strongerThan(best.confidence()))) {
                best = o;
            }
        }
        return best;
    }

    /**
     * NVD's negate: the node holds when its content does not. A content that holds for sure makes it fail; one
     * that fails makes it hold (no vulnerable criterion can take part through a negation); one that holds only
     * likely or possibly leaves the negation possible.
     */
    private static Outcome negate(Outcome o, boolean negate, String what) {
        if (!negate) {
            return o;
        }
        if (o == null) {
            return new Outcome(Confidence.CONFIRMED, false,
                    List.of(new MatchEvidence(null, "negated " + what, false, "the device matches none of it")));
        }
        if (o.confidence() == Confidence.CONFIRMED) {
            return null;
        }
        return new Outcome(Confidence.POSSIBLE, false,
                List.of(new MatchEvidence(null, "negated " + what, false, "the device may or may not match it")));
    }

    /** The surest device CPE satisfying one criterion, or null. */
    static Outcome criterion(CpeMatchCriterion m, List<CpeCandidate> device) {
        if (m.criteria() == null) {
            return null;
        }
        Outcome best = null;
        for (CpeCandidate candidate : device) {
            Outcome o = criterion(m, candidate.cpe());
            if (o != null && (best == null || o.confidence().strongerThan(best.confidence()))) {
                best = o;
            }
        }
        return best;
    }

    static Outcome criterion(CpeMatchCriterion m, Cpe device) {
        Cpe source = m.criteria();
        boolean uncertainName = false;
        for (int a = 0; a < Cpe.ATTRIBUTE_COUNT; a++) {
            if (a == Cpe.VERSION) {
                continue;
            }
            Relation r = CpeNameMatcher.compareAttribute(source.attribute(a), device.attribute(a));
            if (r == Relation.SUBSET && a > Cpe.PRODUCT) {
                // The criterion names an update/edition/platform the device's CPE leaves open: maybe.
                uncertainName = true;
            } else if (r != Relation.SUPERSET && r != Relation.EQUAL) {
                return null;
            }
        }
        VersionVerdict v = version(m, device.version());
        if (v == null) {
            return null;
        }
        Confidence confidence = v.confidence();
        if (uncertainName) {
            confidence = confidence.weaker(Confidence.POSSIBLE);
        }
        return new Outcome(confidence, m.vulnerable(),
                List.of(new MatchEvidence(device.toFormattedString(), describe(m), m.vulnerable(), v.reason())));
    }

    record VersionVerdict(Confidence confidence, String reason) {
    }

    /** The version part of a criterion against the device's version (WFN); null when it rules the device out. */
    static VersionVerdict version(CpeMatchCriterion m, String deviceWfn) {
        String criterionVersion = m.criteria().version();
        boolean deviceKnown = !deviceWfn.equals(Cpe.ANY) && !deviceWfn.equals(Cpe.NA)
                && FirmwareVersion.parse(Cpe.unquote(deviceWfn)).hasNumber();
        String device = Cpe.unquote(deviceWfn);
        if (m.hasRange()) {
            if (!deviceKnown) {
                return new VersionVerdict(Confidence.POSSIBLE, "device version unknown; vulnerable range " + range(m));
            }
            String foreign = foreignScheme(m, device);
            if (foreign != null) {
                return new VersionVerdict(Confidence.POSSIBLE, "version " + device + " and the range " + range(m)
                        + " are numbered differently (" + foreign + "): cannot compare");
            }
            String outside = outsideRange(m, device);
            return outside != null ? null
                    : new VersionVerdict(Confidence.CONFIRMED, "version " + device + " is within " + range(m));
        }
        if (criterionVersion.equals(Cpe.ANY) || criterionVersion.equals(Cpe.NA)) {
            // NVD writes hardware as version "-" and "all versions" as "*": the product alone decides.
            return new VersionVerdict(m.vulnerable() ? Confidence.LIKELY : Confidence.CONFIRMED,
                    criterionVersion.equals(Cpe.ANY) ? "criterion covers every version (*)"
                            : "criterion has no version (-)");
        }
        if (!deviceKnown) {
            return new VersionVerdict(Confidence.POSSIBLE,
                    "device version unknown; criterion names version " + Cpe.unquote(criterionVersion));
        }
        if (dotted(device) != dotted(Cpe.unquote(criterionVersion))) {
            return new VersionVerdict(Confidence.POSSIBLE, "version " + device + " and the criterion's "
                    + Cpe.unquote(criterionVersion) + " are numbered differently: cannot compare");
        }
        boolean equal = FirmwareVersion.parse(device).equals(FirmwareVersion.parse(Cpe.unquote(criterionVersion)))
                || CpeNameMatcher.compareAttribute(criterionVersion, deviceWfn) == Relation.SUPERSET;
        return equal ? new VersionVerdict(Confidence.CONFIRMED, "version " + device + " equals the criterion's "
                + Cpe.unquote(criterionVersion)) : null;
    }

    /**
     * A bound numbered in another scheme than the device's version, or null. A dotted version ("1.9.0", an API or
     * marketing version) and a bare build number ("1935144020") both parse, but comparing them means nothing.
     */
    private static String foreignScheme(CpeMatchCriterion m, String device) {
        for (String b : new String[] {m.versionStartIncluding(), m.versionStartExcluding(), m.versionEndIncluding(),
                m.versionEndExcluding()}) {
            if (usable(b) && dotted(device) != dotted(Cpe.unquote(b))) return Cpe.unquote(b);
        }
        return null;
    }

    private static boolean dotted(String version) {
        return version.matches(".*\\d[._-]\\d.*");
    }

    /** Why a known version is outside the range, or null when it is inside. */
    private static String outsideRange(CpeMatchCriterion m, String device) {
        FirmwareVersion v = FirmwareVersion.parse(device);
        if (usable(m.versionStartIncluding()) && v.compareTo(bound(m.versionStartIncluding())) < 0) {
            return "below " + m.versionStartIncluding();
        }
        if (usable(m.versionStartExcluding()) && v.compareTo(bound(m.versionStartExcluding())) <= 0) {
            return "not above " + m.versionStartExcluding();
        }
        if (usable(m.versionEndIncluding()) && v.compareTo(bound(m.versionEndIncluding())) > 0) {
            return "above " + m.versionEndIncluding();
        }
        if (usable(m.versionEndExcluding()) && v.compareTo(bound(m.versionEndExcluding())) >= 0) {
            return "not below " + m.versionEndExcluding();
        }
        return null;
    }

    private static boolean usable(String bound) {
        return bound != null && !bound.isBlank() && !bound.equals("-") && !bound.equals("*");
    }

    /** NVD writes bounds in formatted-string escaping ("12.2\(15\)zj3"). */
    private static FirmwareVersion bound(String text) {
        return FirmwareVersion.parse(Cpe.unquote(text));
    }

    static String range(CpeMatchCriterion m) {
        StringBuilder out = new StringBuilder();
        append(out, ">=", m.versionStartIncluding());
        append(out, ">", m.versionStartExcluding());
        append(out, "<=", m.versionEndIncluding());
        append(out, "<", m.versionEndExcluding());
        return out.toString();
    }

    private static void append(StringBuilder out, String op, String bound) {
        if (usable(bound)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(op).append(Cpe.unquote(bound));
        }
    }

    static String describe(CpeMatchCriterion m) {
        String range = range(m);
        return range.isEmpty() ? m.criteriaText() : m.criteriaText() + " " + range;
    }
}
