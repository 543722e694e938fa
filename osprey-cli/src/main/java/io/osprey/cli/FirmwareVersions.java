package io.osprey.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firmware versions named in TRUTH.tsv's expected_model and evidence columns, and the comparison with
 * Osprey's firmwareVersion. Kept deliberately simple: a version is only expected where the label says
 * "firmware V", "revision N (=V)" (a CIP revision code and its major.minor reading: either is right),
 * "controller version V" or "IOS ... V" (12.x: any 12.*).
 */
final class FirmwareVersions {
    /**
     * Each group is one expected version. The version must follow its keyword directly, so that "CP1L
     * firmware < 1.10" (a CVE's range) expects nothing.
     */
    private static final Pattern LABEL = Pattern.compile("(?i)\\bfirmware\\s+v?(\\d+(?:\\.\\d+)+)"
            + "|\\brevision\\s+(\\d+)(?:\\s*\\(=\\s*(\\d+(?:\\.\\d+)+)\\))?"
            + "|\\bcontroller version\\s+(\\d+(?:\\.\\d+)+)"
            + "|\\bIOS\\b[^,;]*?\\s(\\d+(?:\\.(?:\\d+|x))+)");
    /** The version in Osprey's firmwareVersion: the first number or dotted number, after an optional 'v'. */
    private static final Pattern VERSION = Pattern.compile("(?i)(?<![\\w.])v?(\\d+(?:\\.(?:\\d+|x))*)(?![\\w.])");
    /** Below this many components a version is compared whole ("4.3" is not "4.3.33.4936086"). */
    private static final int MIN_PREFIX = 3;

    private FirmwareVersions() {}

    /** The versions the label expects; empty when it names none. */
    static List<String> expected(TruthRow row) {
        List<String> out = new ArrayList<>();
        for (String text : new String[] {row.expectedModel(), row.evidence()}) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null && !out.contains(m.group(g))) out.add(m.group(g));
                }
            }
        }
        return out;
    }

    static Verdict score(TruthRow row, String got) {
        List<String> want = expected(row);
        if (want.isEmpty()) return Verdict.NOT_SCORED;
        if (got == null || got.isBlank()) return Verdict.EMPTY;
        Matcher v = VERSION.matcher(got);
        if (!v.find()) return Verdict.WRONG;
        String[] have = v.group(1).split("\\.");
        for (String w : want) if (same(w.split("\\."), have)) return Verdict.RIGHT;
        return Verdict.WRONG;
    }

    /**
     * Component by component, as numbers (01.00 = 1.0, 4.003 = 4.3); an 'x' matches the rest; a version
     * matches a longer one it begins when it has at least {@link #MIN_PREFIX} components (a build number
     * left off).
     */
    static boolean same(String[] want, String[] have) {
        int n = Math.min(want.length, have.length);
        for (int i = 0; i < n; i++) {
            if (want[i].equals("x")) return true;
            if (!sameNumber(want[i], have[i])) return false;
        }
        if (want.length == have.length) return true;
        if (want.length == n + 1 && want[n].equals("x")) return true;
        return n >= MIN_PREFIX;
    }

    private static boolean sameNumber(String a, String b) {
        String x = a.replaceFirst("^0+(?=\\d)", ""), y = b.replaceFirst("^0+(?=\\d)", "");
        return x.equals(y);
    }
}
