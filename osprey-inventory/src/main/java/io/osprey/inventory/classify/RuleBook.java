package io.osprey.inventory.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The classification knowledge: rules read from versioned data files, one rule per line.
 *
 * <pre>
 * # id            when                                   set                                              confidence
 * dlink-camera    dhcp.hostname~^(DCS-\d{3,4}L)          vendor=D-Link; model=$1; deviceType=IP Camera     0.9
 * </pre>
 *
 * Columns are separated by tabs. {@code when} holds conditions joined by {@code " && "}: {@code attr~regex}
 * (the value contains a match, case-insensitively), {@code attr!~regex} (no value of attr matches) or
 * {@code attr=text} (the whole value, case-insensitively); an attribute ending in {@code *} names every attribute
 * with that prefix. {@code set} holds {@code field=template} pairs separated by {@code ;}. A file that breaks
 * these rules fails to load with its name and line, so a bad edit is caught by the tests, never at a user's.
 *
 * <p>A line {@code @group NAME<tab>attr, attr, prefix*} names a set of attributes; a condition on {@code @NAME}
 * reads any of them. Groups say once which attributes describe the device itself (its hostname, its model
 * field, its server string) as opposed to what it asked for (a DNS query, an SSDP search target).
 */
public final class RuleBook {
    private static final String INDEX = "rules.index";
    private static final Pattern GROUP_REF = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*\\*?");

    private final List<Rule> rules;
    private final Taxonomy taxonomy;

    RuleBook(List<Rule> rules, Taxonomy taxonomy) {
        this.rules = List.copyOf(rules);
        this.taxonomy = taxonomy;
    }

    /** The rules shipped with Osprey, in the order of {@code rules.index}. */
    public static RuleBook bundled() {
        Taxonomy taxonomy = Taxonomy.bundled();
        List<Rule> rules = new ArrayList<>();
        Map<String, List<String>> groups = new HashMap<>();
        try (BufferedReader index = resource(INDEX)) {
            for (String file; (file = index.readLine()) != null; ) {
                file = file.strip();
                if (file.isEmpty() || file.startsWith("#")) continue;
                try (BufferedReader r = resource(file)) {
                    rules.addAll(parse(file, r, taxonomy, groups));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkUniqueIds(rules);
        return new RuleBook(rules, taxonomy);
    }

    private static BufferedReader resource(String name) {
        InputStream in = RuleBook.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("classification resource missing: " + name);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public List<Rule> rules() { return rules; }

    public Taxonomy taxonomy() { return taxonomy; }

    static List<Rule> parse(String file, Reader in, Taxonomy taxonomy) throws IOException {
        return parse(file, in, taxonomy, new HashMap<>());
    }

    /** Parses one rules file; {@code groups} holds the groups defined so far and gains this file's. */
    static List<Rule> parse(String file, Reader in, Taxonomy taxonomy, Map<String, List<String>> groups) throws IOException {
        List<Rule> out = new ArrayList<>();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            String origin = file + ":" + lineNo;
            try {
                if (line.startsWith("@group")) {
                    defineGroup(line, groups);
                    continue;
                }
                out.add(parseLine(line, origin, taxonomy, groups));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static void defineGroup(String line, Map<String, List<String>> groups) {
        String[] cols = line.split("\t+");
        String[] head = cols[0].split(" +");
        if (cols.length != 2 || head.length != 2) throw new IllegalArgumentException("want '@group NAME<tab>attr, attr, ...'");
        List<String> members = new ArrayList<>();
        for (String a : cols[1].split(",")) {
            a = a.strip();
            if (!ATTRIBUTE.matcher(a).matches()) throw new IllegalArgumentException("bad attribute name '" + a + "'");
            members.add(a);
        }
        if (groups.putIfAbsent(head[1], List.copyOf(members)) != null) throw new IllegalArgumentException("group " + head[1] + " defined twice");
    }

    private static Rule parseLine(String line, String origin, Taxonomy taxonomy, Map<String, List<String>> groups) {
        String[] cols = line.split("\t+");
        if (cols.length != 4) throw new IllegalArgumentException("expected 4 tab-separated columns (id, when, set, confidence), got " + cols.length);
        String id = cols[0].strip();
        List<Condition> conditions = new ArrayList<>();
        for (String c : cols[1].split(" && ")) conditions.add(condition(c.strip(), groups));
        if (conditions.stream().allMatch(Condition::negated)) throw new IllegalArgumentException("a rule needs a positive condition");
        if (conditions.getFirst().negated()) throw new IllegalArgumentException("the first condition must be positive");
        double confidence;
        try {
            confidence = Double.parseDouble(cols[3].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad confidence '" + cols[3].strip() + "'");
        }
        if (!(confidence > 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in (0, 1]");
        Map<DeviceField, String> set = new EnumMap<>(DeviceField.class);
        for (String pair : cols[2].split(";")) {
            pair = pair.strip();
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("bad assignment '" + pair + "'");
            DeviceField field = DeviceField.byName(pair.substring(0, eq).strip());
            if (field == null) throw new IllegalArgumentException("unknown field '" + pair.substring(0, eq).strip() + "'");
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty()) throw new IllegalArgumentException("empty value for " + field.jsonName());
            checkReferences(value, conditions);
            if (field == DeviceField.DEVICE_TYPE && !taxonomy.isType(value))
                throw new IllegalArgumentException("'" + value + "' is not a deviceType of the taxonomy");
            if (set.put(field, value) != null) throw new IllegalArgumentException(field.jsonName() + " set twice");
        }
        if (set.isEmpty()) throw new IllegalArgumentException("a rule must set a field");
        return new Rule(id, List.copyOf(conditions), set, confidence, origin);
    }

    private static Condition condition(String text, Map<String, List<String>> groups) {
        int op = -1, opLen = 0;
        boolean negated = false, exact = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '~') { op = i; opLen = 1; break; }
            if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '~') { op = i; opLen = 2; negated = true; break; }
            if (c == '=') { op = i; opLen = 1; exact = true; break; }
        }
        if (op <= 0) throw new IllegalArgumentException("bad condition '" + text + "' (want attr~regex, attr!~regex or attr=text)");
        String name = text.substring(0, op);
        List<String> members;
        if (name.startsWith("@")) {
            members = groups.get(name.substring(1));
            if (members == null) throw new IllegalArgumentException("unknown group '" + name + "' (define it with @group before use)");
        } else {
            if (!ATTRIBUTE.matcher(name).matches()) throw new IllegalArgumentException("bad attribute name '" + name + "'");
            members = List.of(name);
        }
        List<String> attributes = new ArrayList<>(), prefixes = new ArrayList<>();
        for (String m : members) {
            if (m.endsWith("*")) prefixes.add(m.substring(0, m.length() - 1));
            else attributes.add(m);
        }
        String expr = text.substring(op + opLen);
        if (expr.isEmpty()) throw new IllegalArgumentException("empty pattern in '" + text + "'");
        String regex = exact ? "^" + Pattern.quote(expr) + "$" : expr;
        try {
            return new Condition(name, List.copyOf(attributes), List.copyOf(prefixes),
                    Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), negated);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex '" + expr + "': " + e.getDescription());
        }
    }

    private static void checkReferences(String template, List<Condition> conditions) {
        Matcher m = GROUP_REF.matcher(template);
        while (m.find()) {
            if (m.group(1) != null) {
                int n = Integer.parseInt(m.group(1));
                int groups = conditions.getFirst().pattern().matcher("").groupCount();
                if (n == 0 || n > groups) throw new IllegalArgumentException("$" + n + " but the first condition has " + groups + " groups");
            } else if (conditions.stream().noneMatch(c -> !c.negated() && c.pattern().namedGroups().containsKey(m.group(2)))) {
                throw new IllegalArgumentException("${" + m.group(2) + "} names no group");
            }
        }
    }

    private static void checkUniqueIds(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) if (!ids.add(r.id())) throw new IllegalArgumentException(r.origin() + ": duplicate rule id " + r.id());
    }
}
