package io.osprey.vuln.cpe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ordering of the version strings seen in device firmware and in NVD ranges: {@code V2.6.3}, {@code 4.1.0.20},
 * {@code 1.0.0_b12}, {@code r1234}, {@code 12.2(15)zj3}, {@code 4.10u10}, {@code 01.00}.
 *
 * <p>A version is split into runs of digits and runs of letters; everything else ({@code . _ - ( ) space +})
 * separates runs. A leading {@code v} before a digit is dropped ("V2.6" is "2.6"). Runs compare pairwise: numbers
 * by value (so "01.00" equals "1.0" and "4.10" is after "4.9"), letters case-insensitively, and a number is after
 * letters at the same position. When one version runs out, a missing number counts as 0 ("2.12" equals "2.12.0")
 * and a remaining letter run makes the longer version the later one ("1.0.0_b12" after "1.0.0").
 */
public final class FirmwareVersion implements Comparable<FirmwareVersion> {
    /** Versions longer than this are cut: no real firmware version is, and it bounds the work per comparison. */
    public static final int MAX_LENGTH = 256;
    public static final Comparator<String> ORDER = (a, b) -> parse(a).compareTo(parse(b));

    private final String text;
    private final List<Object> runs;

    private FirmwareVersion(String text, List<Object> runs) {
        this.text = text;
        this.runs = runs;
    }

    /** Never fails: any string is a version, possibly of no runs. */
    public static FirmwareVersion parse(String version) {
        String text = version.length() > MAX_LENGTH ? version.substring(0, MAX_LENGTH) : version;
        String lower = text.trim().toLowerCase(Locale.ROOT);
        List<Object> runs = new ArrayList<>();
        int i = 0;
        if (lower.length() > 1 && lower.charAt(0) == 'v' && Character.isDigit(lower.charAt(1))) {
            i = 1;
        }
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (isDigit(c)) {
                int start = i;
                while (i < lower.length() && isDigit(lower.charAt(i))) {
                    i++;
                }
                runs.add(numberRun(lower.substring(start, i)));
            } else if (isLetter(c)) {
                int start = i;
                while (i < lower.length() && isLetter(lower.charAt(i))) {
                    i++;
                }
                runs.add(lower.substring(start, i));
            } else {
                i++;
            }
        }
        return new FirmwareVersion(text, List.copyOf(runs));
    }

    /** A number as its digits without leading zeros, so that numbers of any length compare by value. */
    private static String numberRun(String digits) {
        int nonZero = 0;
        while (nonZero < digits.length() - 1 && digits.charAt(nonZero) == '0') {
            nonZero++;
        }
        return "#" + digits.substring(nonZero);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** True when the version has at least one digit: "all versions" or "-" are not versions. */
    public boolean hasNumber() {
        for (Object run : runs) {
            if (((String) run).startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(FirmwareVersion other) {
        int n = Math.max(runs.size(), other.runs.size());
        for (int i = 0; i < n; i++) {
            String a = i < runs.size() ? (String) runs.get(i) : null;
            String b = i < other.runs.size() ? (String) other.runs.get(i) : null;
            int c = compareRuns(a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareRuns(String a, String b) {
        if (a == null) {
            return b.startsWith("#") ? compareRuns("#0", b) : -1;
        }
        if (b == null) {
            return a.startsWith("#") ? compareRuns(a, "#0") : 1;
        }
        boolean aNumber = a.startsWith("#");
        boolean bNumber = b.startsWith("#");
        if (aNumber && bNumber) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumber != bNumber) {
            return aNumber ? 1 : -1;
        }
        return a.compareTo(b);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FirmwareVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        // Equal versions may differ in text ("1.0" and "01.00.0"): hash the significant runs only.
        int end = runs.size();
        while (end > 0 && runs.get(end - 1).equals("#0")) {
            end--;
        }
        return runs.subList(0, end).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
