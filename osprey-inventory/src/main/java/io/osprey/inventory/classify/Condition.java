package io.osprey.inventory.classify;

import io.osprey.inventory.Fact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test of a rule against a device's facts: which attributes it reads (names, prefixes ending in {@code *}
 * in the rules file, or an {@code @group} of them) and a case-insensitive regular expression a value must
 * contain ({@code attr~regex}) or that no value may contain ({@code attr!~regex}).
 *
 * @param name the attribute or group as written, for explanations
 */
record Condition(String name, List<String> attributes, List<String> prefixes, Pattern pattern, boolean negated) {

    /** True when it reads {@code attribute}. */
    boolean reads(String attribute) {
        if (attributes.contains(attribute)) return true;
        for (String p : prefixes) if (attribute.startsWith(p)) return true;
        return false;
    }

    /** The match of {@code f}'s value (whatever its attribute), or null when it does not match. */
    Matcher matchValue(Fact f) {
        Matcher m = pattern.matcher(f.value());
        return m.find() ? m : null;
    }

    /** True when only a single attribute name can satisfy it, so rules can be indexed by that name. */
    boolean singleAttribute() {
        return prefixes.isEmpty() && attributes.size() == 1;
    }

    @Override
    public String toString() {
        return name + (negated ? "!~" : "~") + pattern.pattern();
    }
}
