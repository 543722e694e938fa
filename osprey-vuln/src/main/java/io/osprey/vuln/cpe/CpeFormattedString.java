package io.osprey.vuln.cpe;

import java.util.Locale;

/**
 * The CPE 2.3 formatted string binding, NISTIR 7695 §6.2: {@code cpe:2.3:} followed by eleven colon-separated
 * components. In a component, {@code *} alone is ANY, {@code -} alone is NA, a backslash quotes the next character,
 * an unquoted {@code *} (one, at either end) or run of {@code ?} (at either end) is a wildcard, and {@code .},
 * {@code -} and {@code ~} may appear unquoted (§6.2.3, unbind_value_fs).
 */
public final class CpeFormattedString {
    private static final String PREFIX = "cpe:2.3:";
    /** Longest formatted string accepted; real names are under 300 characters. */
    public static final int MAX_LENGTH = 2048;

    private CpeFormattedString() {
    }

    public static Cpe parse(String fs) {
        if (fs == null) {
            throw new CpeParseException("null CPE");
        }
        if (fs.length() > MAX_LENGTH) {
            throw new CpeParseException("CPE longer than " + MAX_LENGTH + " characters");
        }
        if (!fs.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new CpeParseException("not a CPE 2.3 formatted string: " + abbreviate(fs));
        }
        String[] values = new String[Cpe.ATTRIBUTE_COUNT];
        int index = 0;
        int start = PREFIX.length();
        for (int i = start; i <= fs.length(); i++) {
            boolean end = i == fs.length();
            char c = end ? ':' : fs.charAt(i);
            if (c == '\\' && !end) {
                i++;
                continue;
            }
            if (c == ':') {
                if (index == Cpe.ATTRIBUTE_COUNT) {
                    throw new CpeParseException("more than 11 components: " + abbreviate(fs));
                }
                values[index++] = unbindValue(fs, start, i);
                start = i + 1;
            }
        }
        if (index != Cpe.ATTRIBUTE_COUNT) {
            throw new CpeParseException("expected 11 components, found " + index + ": " + abbreviate(fs));
        }
        return Cpe.fromValidated(values);
    }

    /** NISTIR 7695 §6.2.3.2 unbind_value_fs, lenient in one way: any unquoted punctuation is quoted. */
    private static String unbindValue(String fs, int from, int to) {
        int length = to - from;
        if (length == 0 || (length == 1 && fs.charAt(from) == '*')) {
            return Cpe.ANY;
        }
        if (length == 1 && fs.charAt(from) == '-') {
            return Cpe.NA;
        }
        StringBuilder out = new StringBuilder(length + 4);
        int i = appendWildcards(fs, from, to, out);
        boolean sawLiteral = false;
        while (i < to) {
            char c = Character.toLowerCase(fs.charAt(i));
            if (c == '*' || c == '?') {
                break;
            }
            checkPrintable(c, fs);
            if (c == '\\') {
                if (i + 1 >= to) {
                    throw new CpeParseException("backslash at the end of a component: " + abbreviate(fs));
                }
                c = Character.toLowerCase(fs.charAt(++i));
                checkPrintable(c, fs);
            }
            if (!Cpe.isWordChar(c)) {
                out.append('\\');
            }
            out.append(c);
            sawLiteral = true;
            i++;
        }
        if (i < to) {
            if (!sawLiteral) {
                throw new CpeParseException("a component of wildcards only: " + abbreviate(fs));
            }
            i = appendWildcards(fs, i, to, out);
            if (i < to) {
                throw new CpeParseException("wildcard inside a component: " + abbreviate(fs));
            }
        }
        return out.toString();
    }

    /** One unquoted asterisk, or a run of unquoted question marks, at one end of a value. */
    private static int appendWildcards(String fs, int i, int to, StringBuilder out) {
        if (fs.charAt(i) == '*') {
            out.append('*');
            return i + 1;
        }
        while (i < to && fs.charAt(i) == '?') {
            out.append('?');
            i++;
        }
        return i;
    }

    private static void checkPrintable(char c, String fs) {
        if (c < 0x21 || c > 0x7e) {
            throw new CpeParseException("a CPE holds printable ASCII only: " + abbreviate(fs));
        }
    }

    /** NISTIR 7695 §6.2.2.2 bind_to_fs: {@code .}, {@code -} and {@code _} are written unquoted. */
    public static String format(Cpe cpe) {
        StringBuilder out = new StringBuilder(64).append(PREFIX);
        for (int a = 0; a < Cpe.ATTRIBUTE_COUNT; a++) {
            if (a > 0) {
                out.append(':');
            }
            String value = cpe.attribute(a);
            if (value.equals(Cpe.ANY) || value.equals(Cpe.NA)) {
                out.append(value);
                continue;
            }
            if (value.equals("\\-")) {
                // A lone literal hyphen stays quoted, or it would read back as NA.
                out.append("\\-");
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    char quoted = value.charAt(++i);
                    if (quoted != '.' && quoted != '-' && quoted != '_') {
                        out.append('\\');
                    }
                    out.append(quoted);
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 120 ? s.substring(0, 120) + "..." : s;
        return shown.toLowerCase(Locale.ROOT);
    }
}
