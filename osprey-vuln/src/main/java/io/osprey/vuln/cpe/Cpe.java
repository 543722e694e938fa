package io.osprey.vuln.cpe;

import java.util.Arrays;
import java.util.Locale;

/**
 * A CPE 2.3 well-formed name (WFN, NISTIR 7695 §5). Each of the eleven attributes is kept in WFN form:
 * {@link #ANY} ({@code *} alone), {@link #NA} ({@code -} alone), or a value in which every character other than
 * a letter, a digit or {@code _} is quoted with a backslash, and an unquoted {@code *} or {@code ?} at either end is
 * a wildcard (§5.3.2). Values are lower-cased: NVD names are lower case and matching is case-insensitive.
 */
public final class Cpe {
    /** The logical value ANY (NISTIR 7695 §5.3.1), written as an unquoted asterisk. */
    public static final String ANY = "*";
    /** The logical value NOT APPLICABLE (NISTIR 7695 §5.3.1), written as an unquoted hyphen. */
    public static final String NA = "-";

    public static final int PART = 0;
    public static final int VENDOR = 1;
    public static final int PRODUCT = 2;
    public static final int VERSION = 3;
    public static final int UPDATE = 4;
    public static final int EDITION = 5;
    public static final int LANGUAGE = 6;
    public static final int SW_EDITION = 7;
    public static final int TARGET_SW = 8;
    public static final int TARGET_HW = 9;
    public static final int OTHER = 10;
    public static final int ATTRIBUTE_COUNT = 11;

    private final String[] attributes;

    private Cpe(String[] attributes) {
        this.attributes = attributes;
    }

    /** Parses a formatted string ({@code cpe:2.3:part:vendor:...}); see {@link CpeFormattedString#parse}. */
    public static Cpe parse(String formattedString) {
        return CpeFormattedString.parse(formattedString);
    }

    /** A name from WFN values; {@code null} stands for ANY, and omitted trailing attributes are ANY. */
    public static Cpe ofWfn(String... wfnValues) {
        if (wfnValues.length > ATTRIBUTE_COUNT) {
            throw new CpeParseException("a CPE has " + ATTRIBUTE_COUNT + " attributes, got " + wfnValues.length);
        }
        String[] values = new String[ATTRIBUTE_COUNT];
        Arrays.fill(values, ANY);
        for (int i = 0; i < wfnValues.length; i++) {
            values[i] = wfnValues[i] == null ? ANY : wfnValues[i].toLowerCase(Locale.ROOT);
        }
        checkPart(values[PART]);
        return new Cpe(values);
    }

    /**
     * A name from plain (unquoted) vendor, product and version text: every special character is quoted, so
     * nothing in the text acts as a wildcard. {@code null} or blank version means ANY.
     */
    public static Cpe of(char part, String vendor, String product, String version) {
        return ofWfn(String.valueOf(part), quote(vendor), quote(product),
                version == null || version.isBlank() ? ANY : quote(version));
    }

    static Cpe fromValidated(String[] values) {
        checkPart(values[PART]);
        return new Cpe(values);
    }

    private static void checkPart(String part) {
        if (!part.equals(ANY) && !part.equals("a") && !part.equals("o") && !part.equals("h")) {
            throw new CpeParseException("part must be a, o, h or *: " + part);
        }
    }

    /** Quotes every character that is not a letter, a digit or {@code _} (NISTIR 7695 §5.3.2). */
    public static String quote(String plain) {
        if (plain == null || plain.isEmpty()) {
            return ANY;
        }
        StringBuilder out = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            char c = Character.toLowerCase(plain.charAt(i));
            if (!isWordChar(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The plain text of a WFN value: quoting backslashes removed. ANY and NA are returned as they are. */
    public static String unquote(String wfn) {
        if (wfn.indexOf('\\') < 0) {
            return wfn;
        }
        StringBuilder out = new StringBuilder(wfn.length());
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\' && i + 1 < wfn.length()) {
                c = wfn.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    public String attribute(int index) {
        return attributes[index];
    }

    public String part() {
        return attributes[PART];
    }

    public String vendor() {
        return attributes[VENDOR];
    }

    public String product() {
        return attributes[PRODUCT];
    }

    public String version() {
        return attributes[VERSION];
    }

    /** This name with another version (a WFN value). */
    public Cpe withVersion(String wfnVersion) {
        String[] copy = attributes.clone();
        copy[VERSION] = wfnVersion == null ? ANY : wfnVersion.toLowerCase(Locale.ROOT);
        return new Cpe(copy);
    }

    /** The formatted string binding (NISTIR 7695 §6.2). */
    public String toFormattedString() {
        return CpeFormattedString.format(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cpe cpe && Arrays.equals(attributes, cpe.attributes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(attributes);
    }

    @Override
    public String toString() {
        return toFormattedString();
    }
}
