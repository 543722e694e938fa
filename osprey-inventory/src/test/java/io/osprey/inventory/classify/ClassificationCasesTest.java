package io.osprey.inventory.classify;

import io.osprey.inventory.Fact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules against devices described by the facts they really send (cases.tsv): one row per device,
 * its facts and the fields the classification must (or must not) hold. Rows stand for models and situations
 * the test captures do not contain, so the rules are held to what they claim in general, and the negative rows
 * (a phone that controls a TV, a laptop named like a printer) to what they must not claim.
 *
 * <p>Expected fields: {@code field=value} (equal, ignoring case), {@code field=-} (must stay empty) or
 * {@code field!=value} (anything but that value, empty included).
 */
class ClassificationCasesTest {
    private static final String CASES = "cases.tsv";
    /** Confidence dissectors give what a host states about itself, where it is below 1 (their *Attributes.STATED). */
    private static final Map<String, Double> STATED = Map.of(
            "wsd", 0.9, "ubnt", 0.9, "ipp", 0.9, "mqtt", 0.9, "tplink", 0.9, "tuya", 0.9, "coap", 0.9, "rawprint", 0.9);

    private static Classifier classifier;

    @BeforeAll
    static void loadRules() {
        classifier = new Classifier(RuleBook.bundled());
    }

    record Case(String id, List<Fact> facts, String expected) {}

    static List<Case> readCases() {
        List<Case> out = new ArrayList<>();
        try (InputStream in = ClassificationCasesTest.class.getResourceAsStream(CASES)) {
            if (in == null) throw new IllegalStateException(CASES + " missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 3) throw new IllegalStateException(CASES + ":" + lineNo + ": want 3 tab-separated columns");
                out.add(new Case(cols[0].strip(), facts(cols[1], lineNo), cols[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Fact> facts(String column, int lineNo) {
        List<Fact> facts = new ArrayList<>();
        for (String item : column.split(" ;; ")) {
            int eq = item.indexOf('=');
            if (eq <= 0) throw new IllegalStateException(CASES + ":" + lineNo + ": bad fact '" + item + "'");
            String attribute = item.substring(0, eq).strip();
            int dot = attribute.indexOf('.');
            String source = dot < 0 ? attribute : attribute.substring(0, dot);
            facts.add(new Fact(attribute, item.substring(eq + 1).strip(), source, STATED.getOrDefault(source, 1.0), 0));
        }
        return facts;
    }

    static Stream<Arguments> cases() {
        return readCases().stream().map(c -> Arguments.of(c.id(), c.facts(), c.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesAsExpected(String id, List<Fact> facts, String expected) {
        Classification result = classifier.classify(facts);
        for (String pair : expected.split(";")) {
            pair = pair.strip();
            if (pair.isEmpty()) continue;
            boolean not = pair.contains("!=");
            int op = not ? pair.indexOf("!=") : pair.indexOf('=');
            DeviceField field = DeviceField.byName(pair.substring(0, op).strip());
            assertThat(field).as("%s: field in '%s'", id, pair).isNotNull();
            String want = pair.substring(op + (not ? 2 : 1)).strip();
            String got = result.value(field);
            String why = id + ": " + field.jsonName() + " was " + got + " " + explain(result, field);
            if (not) assertThat(got).as(why).isNotEqualToIgnoringCase(want);
            else if (want.equals("-")) assertThat(got).as(why).isNull();
            else assertThat(got).as(why).isEqualToIgnoringCase(want);
        }
    }

    private static String explain(Classification result, DeviceField field) {
        StringBuilder sb = new StringBuilder();
        Classification.Verdict v = result.verdicts().get(field);
        if (v != null) v.hits().forEach(h -> sb.append("\n  chosen ").append(v.value()).append(": ").append(h.describe()));
        for (Classification.Verdict o : result.overruled().getOrDefault(field, List.of()))
            o.hits().forEach(h -> sb.append("\n  overruled ").append(o.value()).append(": ").append(h.describe()));
        return sb.toString();
    }

    /** The table must keep covering the product families and the traps it was written for. */
    @Test
    void tableIsBroadAndHoldsNegativeCases() {
        List<Case> cases = readCases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(Case::id).distinct().count()).as("unique case ids").isEqualTo(cases.size());
        long negative = cases.stream().filter(c -> c.expected().matches(".*deviceType(=-|!=).*")).count();
        assertThat(negative).isGreaterThanOrEqualTo(15);
    }
}
