package io.osprey.cli;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Model numbers in free text, and the comparison of Osprey's model with TRUTH.tsv's expected_model.
 *
 * <p>A model-like token is a word (split at spaces and {@code / , ; : ( ) [ ] = + "}) that mixes letters and
 * digits (DCS-935L, HS110, WS-C3560-24TS, 1756-ENBT, CP1L-EL20DR-D, R7000P) or joins digit groups with a
 * hyphen (315-2), compared without punctuation and case ("ws-c3560-24ts" = "WSC356024TS"). Not model-like:
 * quoted text (host, NetBIOS and display names: 'DJP95S0J', 'PLC_1'), words with a dot (versions, host
 * names, C37.118) or an underscore (names), and protocol or option names ({@link #NOT_MODELS}).
 */
final class ModelTokens {
    /** Protocol and option names that look like model numbers. */
    static final Set<String> NOT_MODELS = Set.of("dnp3", "iec104", "s7comm", "s7commplus", "snap7", "class1",
            "opt55", "ipv4", "ipv6", "h264", "h265", "md5", "sha1", "x86", "x64", "arm64", "utf8");

    /**
     * What makes a model source in the evidence column: the protocols and fields whose packets name the
     * model (S7 SZL, ENIP ListIdentity, Omron FINS Controller Data Read, CDP, LLDP, MELSOFT and Ubiquiti
     * payload strings, TiVoConnect beacons).
     */
    private static final Pattern MODEL_SOURCE = Pattern.compile(
            "szl|listidentity reply|controller data read|\\bcdp\\b|\\blldp|model string|payload strings|beacon",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words that say what kind of device something is, not which product: a model named only in these
     * ("Smart Plug", "Wi-Fi Camera") is not a model.
     */
    static final Set<String> GENERIC_WORDS = Set.of("smart", "wifi", "wireless", "hd", "ip", "lan", "indoor",
            "outdoor", "camera", "plug", "switch", "bridge", "gateway", "hub", "sensor", "light", "lighting", "home",
            "controller", "router", "printer", "phone", "device", "module", "cpu", "series", "family", "model");

    /** A short letter suffix after a model number is a region or hardware revision: HS100(EU), DCS-930LB, F7C029de. */
    private static final int MAX_SUFFIX = 2;
    private static final int MIN_TOKEN = 3;

    private ModelTokens() {}

    /** The model-like tokens of {@code text}, normalised (lower case, no punctuation), in order. */
    static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        String unquoted = text.replaceAll("'[^']*'", " ");
        for (String raw : unquoted.split("[\\s/,;:()\\[\\]=+\"]+")) {
            if (raw.indexOf('.') >= 0 || raw.indexOf('_') >= 0) continue;
            String t = raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            boolean letters = t.chars().anyMatch(Character::isLetter), digits = t.chars().anyMatch(Character::isDigit);
            boolean hyphenatedNumber = !letters && raw.matches("\\d+(-\\d+)+");
            if (t.length() < MIN_TOKEN || NOT_MODELS.contains(t) || !digits || !(letters || hyphenatedNumber)) continue;
            out.add(t);
        }
        return out;
    }

    /**
     * NOT_SCORED when the label carries no model number. RIGHT when Osprey's model shares a model-like token
     * with it, or names the product in words that occur together in it ("WeMo Insight Switch" in "Belkin
     * WeMo Insight Switch F7C029de", "SCALANCE X 200" in "SCALANCE X-200 family switch"): at least two words,
     * one of them not a {@link #GENERIC_WORDS generic} one.
     *
     * @param vendor the row's expected vendor, whose name is not a model number ("eQ-3 MAX! Cube")
     */
    static Verdict score(String expected, String vendor, String got) {
        Set<String> want = scorable(expected, vendor);
        if (want.isEmpty()) return Verdict.NOT_SCORED;
        if (got == null || got.isBlank()) return Verdict.EMPTY;
        for (String g : of(got)) {
            for (String w : want) if (same(w, g)) return Verdict.RIGHT;
        }
        return namesProduct(expected, got) ? Verdict.RIGHT : Verdict.WRONG;
    }

    /**
     * The expected model's tokens; none when the label says the device is unlabelled, or that the model is
     * of a device behind the one on IP ("Hue Light Switch PTM 215Z (seen via the Hue bridge)": TAXONOMY.md,
     * the IP device is the bridge).
     */
    static Set<String> scorable(String expected, String vendor) {
        if (expected == null) return Set.of();
        String e = expected.toLowerCase(Locale.ROOT);
        if (e.contains("unlabelled") || e.contains("not labelled") || e.contains("(via ") || e.contains("(seen via ")) {
            return Set.of();
        }
        Set<String> tokens = of(expected);
        if (vendor != null) VendorNames.alternatives(vendor).forEach(tokens::removeAll);
        return tokens;
    }

    private static boolean namesProduct(String expected, String got) {
        String[] words = got.toLowerCase(Locale.ROOT).replaceAll("[-.'!]", "").split("[^\\p{L}\\p{N}]+");
        long named = Arrays.stream(words).filter(w -> !w.isEmpty()).count();
        boolean specific = Arrays.stream(words).anyMatch(w -> !w.isEmpty() && !GENERIC_WORDS.contains(w));
        String squashed = String.join("", words);
        return named >= 2 && specific && squashed.length() >= 6 && squash(expected).contains(squashed);
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * True when the packets carry the model, so that the "model is correct wherever the packets carry it"
     * target applies: a token of the expected model appears in the evidence column (IoT Sentinel rows quote
     * the DHCP host names), or the evidence names a model-bearing source ({@link #MODEL_SOURCE}).
     */
    static boolean carriedByPackets(TruthRow row) {
        Set<String> want = scorable(row.expectedModel(), row.expectedVendor());
        if (want.isEmpty()) return false;
        Set<String> evidence = new LinkedHashSet<>();
        for (String raw : row.evidence().split("[\\s/,;:()\\[\\]=+\"']+")) {
            evidence.add(raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
        }
        for (String w : want) {
            for (String e : evidence) if (same(w, e)) return true;
        }
        return MODEL_SOURCE.matcher(row.evidence()).find();
    }

    /** Equal, or one is the other plus a short letter suffix (a region or revision). */
    static boolean same(String a, String b) {
        if (a.equals(b)) return true;
        String shorter = a.length() <= b.length() ? a : b, longer = shorter == a ? b : a;
        if (shorter.length() < MIN_TOKEN + 1 || !longer.startsWith(shorter)) return false;
        String suffix = longer.substring(shorter.length());
        return suffix.length() <= MAX_SUFFIX && suffix.chars().allMatch(Character::isLetter);
    }
}
