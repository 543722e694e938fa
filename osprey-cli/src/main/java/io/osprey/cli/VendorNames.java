package io.osprey.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a vendor Osprey reported with the free-text expected_vendor of TRUTH.tsv ("OUI: D-Link
 * International", "Rockwell Automation / Allen-Bradley (CIP vendor 1)", "Siemens (per file name; MACs
 * anonymised)").
 *
 * <p>Both sides are normalised the same way: lower case; parenthesised notes dropped; "OUI:" dropped; '/'
 * separates alternatives; hyphens, dots and apostrophes join ("D-Link" → "dlink", "B.V." → "bv"); other
 * punctuation separates words; corporate suffixes and filler words ({@link #FILLER}) dropped. The answer is
 * right when the first significant word of one side occurs among the words of the other, for any pair of
 * alternatives: "D-Link" vs "OUI: D-Link International", "TP-Link" vs "TP-LINK TECHNOLOGIES CO.,LTD.".
 * Synonyms from {@code eval-vendor-synonyms.tsv} add alternatives on both sides.
 */
final class VendorNames {
    /**
     * Words that never tell one vendor from another: legal forms, the generic words IEEE registrations and
     * the labels add ("Technologies", "International", "NIC", "VM"), and the place names registrations start
     * with ("Shenzhen ... Co., Ltd"), so that the company's own name is the first significant word.
     */
    static final Set<String> FILLER = Set.of(
            "inc", "incorporated", "ltd", "limited", "co", "company", "corp", "corporation", "gmbh", "ag", "bv",
            "nv", "sa", "srl", "spa", "sas", "llc", "lp", "kg", "oy", "ab", "as", "pty", "pte", "kk", "plc",
            "technologies", "technology", "tech", "international", "intl", "electronics", "electronic",
            "oui", "nic", "vm", "vms", "pc", "per", "the", "and", "of",
            "shenzhen", "shanghai", "beijing", "guangzhou", "hangzhou", "zhejiang", "jiangsu", "dongguan",
            "xiamen", "suzhou", "nanjing", "chengdu", "wuhan", "qingdao", "zhuhai", "fujian", "guangdong");

    private static final String SYNONYMS_RESOURCE = "eval-vendor-synonyms.tsv";

    private final List<List<List<String>>> synonymGroups;

    VendorNames(List<List<List<String>>> synonymGroups) {
        this.synonymGroups = List.copyOf(synonymGroups);
    }

    /** With the bundled synonyms. */
    static VendorNames bundled() {
        try (InputStream in = VendorNames.class.getResourceAsStream(SYNONYMS_RESOURCE)) {
            if (in == null) throw new IllegalStateException(SYNONYMS_RESOURCE + " is missing from the jar");
            return new VendorNames(parseSynonyms(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines "A = B [= C ...]"; '#' starts a comment line. Each name becomes its normalised word list. */
    static List<List<List<String>>> parseSynonyms(List<String> lines) {
        List<List<List<String>>> groups = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            List<List<String>> group = new ArrayList<>();
            for (String name : line.split("=")) {
                List<String> words = words(name);
                if (!words.isEmpty()) group.add(words);
            }
            if (group.size() >= 2) groups.add(group);
        }
        return groups;
    }

    /** NOT_SCORED when the label names no vendor ('-', empty, or only notes like "(random MAC)"). */
    Verdict score(String expected, String got) {
        List<List<String>> want = expand(alternatives(expected));
        if (want.isEmpty()) return Verdict.NOT_SCORED;
        List<List<String>> have = expand(alternatives(got));
        if (have.isEmpty()) return Verdict.EMPTY;
        for (List<String> w : want) {
            for (List<String> h : have) {
                if (w.contains(h.getFirst()) || h.contains(w.getFirst())) return Verdict.RIGHT;
            }
        }
        return Verdict.WRONG;
    }

    /** True when the label names a vendor that can be scored. */
    static boolean names(String expected) {
        return !alternatives(expected).isEmpty();
    }

    /** The alternatives a text names ('/'-separated), each as its significant words; empty for none. */
    static List<List<String>> alternatives(String text) {
        if (text == null) return List.of();
        String s = text.toLowerCase(Locale.ROOT);
        String previous;
        do { // nested notes: "(IEEE MA-S block (x))"
            previous = s;
            s = s.replaceAll("\\([^()]*\\)", " ");
        } while (!s.equals(previous));
        s = s.replaceAll("[()]", " ");
        List<List<String>> out = new ArrayList<>();
        for (String alt : s.split("/")) {
            List<String> w = words(alt);
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** One name's significant words. */
    static List<String> words(String name) {
        String joined = name.toLowerCase(Locale.ROOT).replaceAll("[-.'’]", "");
        List<String> words = new ArrayList<>(Arrays.asList(joined.split("[^\\p{L}\\p{N}]+")));
        words.removeIf(w -> w.isEmpty() || FILLER.contains(w));
        return Collections.unmodifiableList(words);
    }

    /** Adds each synonym of an alternative (a synonym's words appearing in order inside it) as an alternative. */
    private List<List<String>> expand(List<List<String>> alternatives) {
        List<List<String>> out = new ArrayList<>(alternatives);
        for (List<String> alt : alternatives) {
            for (List<List<String>> group : synonymGroups) {
                if (group.stream().anyMatch(name -> Collections.indexOfSubList(alt, name) >= 0)) {
                    for (List<String> name : group) if (!out.contains(name)) out.add(name);
                }
            }
        }
        return out;
    }
}
