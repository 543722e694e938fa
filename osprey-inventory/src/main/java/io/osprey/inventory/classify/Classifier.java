package io.osprey.inventory.classify;

import io.osprey.inventory.Fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Applies a {@link RuleBook} to a device's facts. Every rule whose conditions hold proposes values for fields;
 * proposals for the same value (compared case-insensitively) combine as independent evidence,
 * {@code 1 - Π(1 - c)}, where a hit's confidence is the rule's times that of the fact it matched first (a
 * dissector's own doubt carries through); the strongest value wins and the others are kept as overruled, so a conflict is
 * recorded rather than hidden. A value below {@link #MIN_CONFIDENCE} is left out: unknown beats wrong.
 *
 * <p>Not thread-safe: one classifier serves one inventory.
 */
public final class Classifier {
    /** The least combined confidence a value needs to be reported. */
    public static final double MIN_CONFIDENCE = 0.5;
    /** Longest value a rule may produce; captured strings beyond it are cut. */
    static final int MAX_VALUE_LENGTH = 128;
    /** Hits kept per rule and device: enough to see competing values, bounded for devices with many facts. */
    private static final int MAX_HITS_PER_RULE = 8;

    /** Distinct fact lists remembered; past it the memo starts over (bounded memory, never a wrong answer). */
    private static final int MEMO_ENTRIES = 16_384;

    private final RuleBook book;
    private final Map<String, Classification> memo = new HashMap<>();
    /** Rules by an attribute their first condition reads, and those whose first condition reads a prefix. */
    private final Map<String, List<Rule>> byAttribute = new HashMap<>();
    private final List<Rule> byPrefix = new ArrayList<>();

    public Classifier(RuleBook book) {
        this.book = book;
        for (Rule r : book.rules()) {
            Condition first = r.conditions().getFirst();
            for (String a : first.attributes()) byAttribute.computeIfAbsent(a, k -> new ArrayList<>()).add(r);
            if (!first.prefixes().isEmpty()) byPrefix.add(r);
        }
    }

    public Taxonomy taxonomy() { return book.taxonomy(); }

    /**
     * Classifies {@code facts}, reusing the answer for a fact list seen before: fleets of one model, and hosts
     * known only by the same few facts, are classified once.
     */
    public Classification classify(Collection<Fact> facts) {
        StringBuilder key = new StringBuilder();
        for (Fact f : facts) key.append(f.attribute()).append('\0').append(f.value()).append('\0').append(f.confidence()).append('\n');
        String k = key.toString();
        Classification known = memo.get(k);
        if (known != null) return known;
        Classification c = classifyAnew(facts);
        if (memo.size() >= MEMO_ENTRIES) memo.clear();
        memo.put(k, c);
        return c;
    }

    private Classification classifyAnew(Collection<Fact> facts) {
        Map<String, List<Fact>> byName = new LinkedHashMap<>();
        for (Fact f : facts) byName.computeIfAbsent(f.attribute(), k -> new ArrayList<>(2)).add(f);
        Set<Rule> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String attribute : byName.keySet()) {
            List<Rule> rules = byAttribute.get(attribute);
            if (rules != null) candidates.addAll(rules);
        }
        for (Rule r : byPrefix) {
            for (String attribute : byName.keySet()) {
                if (r.conditions().getFirst().reads(attribute)) {
                    candidates.add(r);
                    break;
                }
            }
        }

        Map<DeviceField, Map<String, Proposal>> proposals = new EnumMap<>(DeviceField.class);
        int order = 0;
        for (Rule r : book.rules()) {
            order++;
            if (!candidates.contains(r)) continue;
            for (Firing firing : fire(r, byName)) {
                double confidence = r.confidence() * Math.min(1.0, firing.facts.getFirst().confidence());
                Classification.Hit hit = new Classification.Hit(r.id(), r.origin(), confidence, firing.facts);
                for (Map.Entry<DeviceField, String> a : r.assignments().entrySet()) {
                    String value = expand(a.getValue(), firing.matchers);
                    if (value.isEmpty()) continue;
                    proposals.computeIfAbsent(a.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> new Proposal(value))
                            .add(hit, order);
                }
            }
        }

        Map<DeviceField, Classification.Verdict> verdicts = new EnumMap<>(DeviceField.class);
        Map<DeviceField, List<Classification.Verdict>> overruled = new EnumMap<>(DeviceField.class);
        proposals.forEach((field, byValue) -> {
            List<Proposal> ranked = new ArrayList<>(byValue.values());
            ranked.sort(Comparator.comparingDouble(Proposal::score).reversed().thenComparingInt(p -> p.firstOrder));
            Proposal best = ranked.getFirst();
            if (best.score() >= MIN_CONFIDENCE) {
                verdicts.put(field, best.verdict());
                List<Classification.Verdict> losers = ranked.subList(1, ranked.size()).stream().map(Proposal::verdict).toList();
                if (!losers.isEmpty()) overruled.put(field, losers);
            } else {
                overruled.put(field, ranked.stream().map(Proposal::verdict).toList());
            }
        });
        return new Classification(verdicts, overruled);
    }

    private record Firing(List<Fact> facts, List<Matcher> matchers) {}

    /** The facts {@code c} reads, by attribute name. */
    private static List<Fact> read(Condition c, Map<String, List<Fact>> byName) {
        if (c.singleAttribute()) return byName.getOrDefault(c.attributes().getFirst(), List.of());
        List<Fact> out = new ArrayList<>();
        byName.forEach((attribute, facts) -> {
            if (c.reads(attribute)) out.addAll(facts);
        });
        return out;
    }

    /** Every way {@code r} holds: one firing per fact matching its first condition (bounded). */
    private static List<Firing> fire(Rule r, Map<String, List<Fact>> byName) {
        List<Condition> conditions = r.conditions();
        for (Condition c : conditions) {
            if (!c.negated()) continue;
            for (Fact f : read(c, byName)) if (c.matchValue(f) != null) return List.of();
        }
        List<Fact> rest = new ArrayList<>();
        List<Matcher> restMatchers = new ArrayList<>();
        for (int i = 1; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            if (c.negated()) continue;
            Matcher found = null;
            for (Fact f : read(c, byName)) {
                found = c.matchValue(f);
                if (found != null) {
                    rest.add(f);
                    break;
                }
            }
            if (found == null) return List.of();
            restMatchers.add(found);
        }
        List<Firing> out = new ArrayList<>();
        Condition first = conditions.getFirst();
        for (Fact f : read(first, byName)) {
            Matcher m = first.matchValue(f);
            if (m == null) continue;
            List<Fact> used = new ArrayList<>(rest.size() + 1);
            used.add(f);
            used.addAll(rest);
            List<Matcher> matchers = new ArrayList<>(restMatchers.size() + 1);
            matchers.add(m);
            matchers.addAll(restMatchers);
            out.add(new Firing(List.copyOf(used), matchers));
            if (out.size() == MAX_HITS_PER_RULE) break;
        }
        return out;
    }

    /** Fills {@code $n} from the first condition's match and {@code ${name}} from any condition's. */
    static String expand(String template, List<Matcher> matchers) {
        if (template.indexOf('$') < 0) return template;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                sb.append(c);
                continue;
            }
            char n = template.charAt(i + 1);
            if (Character.isDigit(n)) {
                String g = matchers.getFirst().group(n - '0');
                if (g != null) sb.append(g);
                i++;
            } else if (n == '{') {
                int end = template.indexOf('}', i);
                String name = template.substring(i + 2, end);
                for (Matcher m : matchers) {
                    if (!m.pattern().namedGroups().containsKey(name)) continue;
                    String g = m.group(name);
                    if (g != null) {
                        sb.append(g);
                        break;
                    }
                }
                i = end;
            } else {
                sb.append(c);
            }
        }
        String v = sb.toString().strip().replaceAll("\\s+", " ");
        return v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v;
    }

    /** The hits proposing one value for one field. */
    private static final class Proposal {
        final String display;
        final List<Classification.Hit> hits = new ArrayList<>();
        final Map<String, Double> byRule = new LinkedHashMap<>();
        int firstOrder = Integer.MAX_VALUE;

        Proposal(String display) { this.display = display; }

        void add(Classification.Hit hit, int order) {
            hits.add(hit);
            byRule.merge(hit.ruleId(), hit.confidence(), Math::max);
            firstOrder = Math.min(firstOrder, order);
        }

        /** Independent rules agreeing make a value surer; one rule firing twice counts once. */
        double score() {
            double miss = 1;
            for (double c : byRule.values()) miss *= 1 - c;
            return 1 - miss;
        }

        Classification.Verdict verdict() {
            return new Classification.Verdict(display, Math.round(score() * 1000) / 1000.0, List.copyOf(hits));
        }
    }
}
