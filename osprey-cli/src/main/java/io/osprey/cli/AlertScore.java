package io.osprey.cli;

import io.osprey.alert.Alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts one capture raised against those it should raise (alert-expectations.tsv): right ones, missed ones and
 * unexpected ones, by alert id.
 */
record AlertScore(String capture, Set<String> expected, Set<String> raised, String why) {

    /** What a capture should raise: its alert ids and why, by capture path. */
    record Expectation(Set<String> alerts, String why) {}

    static AlertScore of(String capture, List<Alert> alerts, Map<String, Expectation> expectations) {
        Expectation e = expectations.getOrDefault(capture, new Expectation(Set.of(), "not listed: benign traffic"));
        Set<String> raised = new TreeSet<>();
        for (Alert a : alerts) raised.add(a.definitionId());
        return new AlertScore(capture, new TreeSet<>(e.alerts()), raised, e.why());
    }

    Set<String> right() { return intersect(expected, raised); }

    Set<String> missed() { return minus(expected, raised); }

    Set<String> unexpected() { return minus(raised, expected); }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.retainAll(b);
        return s;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.removeAll(b);
        return s;
    }

    static Map<String, Expectation> bundledExpectations() {
        Map<String, Expectation> out = new HashMap<>();
        try (var in = AlertScore.class.getResourceAsStream("alert-expectations.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 3) throw new IllegalStateException("alert-expectations.tsv:" + n + ": 3 columns expected");
                Set<String> ids = f[1].equals("-") ? Set.of() : Set.of(f[1].split(","));
                out.put(f[0], new Expectation(ids, f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
