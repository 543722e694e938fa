package io.osprey.inventory.oui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV listings the IEEE Registration Authority publishes (https://standards-oui.ieee.org/oui/oui.csv,
 * mam.csv, oui36.csv, iab.csv; Debian's ieee-data ships the same files): header
 * {@code Registry,Assignment,Organization Name,Organization Address}, RFC 4180 quoting (a quoted field may hold
 * commas, doubled quotes and line breaks, and some addresses do).
 *
 * <p>Build-time only. Malformed input is an error, not something to skip: a refresh must not silently lose rows.
 */
final class IeeeRegistryCsv {
    static final String HEADER = "Registry,Assignment,Organization Name,Organization Address";

    private IeeeRegistryCsv() {}

    /** True when {@code file} starts with the IEEE header (used to pick listings out of a folder). */
    static boolean isListing(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && stripBom(first).strip().equals(HEADER);
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return false;
        }
    }

    static List<IeeeRegistryRow> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param origin names the input in error messages
     * @throws IllegalArgumentException on a missing header, a row with fewer than three fields, an unknown
     *                                  registry, or an assignment that is not hex of the registry's length
     */
    static List<IeeeRegistryRow> parse(String text, String origin) {
        List<IeeeRegistryRow> rows = new ArrayList<>();
        var fields = new ArrayList<String>(4);
        var field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean header = true;
        text = stripBom(text);
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                }
                case '\r' -> { }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    boolean blank = fields.size() == 1 && fields.getFirst().isBlank();
                    if (header && !blank) {
                        if (!String.join(",", fields).strip().equals(HEADER)) {
                            throw new IllegalArgumentException(origin + ": not an IEEE registry listing (header "
                                    + String.join(",", fields) + ")");
                        }
                        header = false;
                    } else if (!blank) {
                        rows.add(row(fields, origin, rowLine));
                    }
                    fields.clear();
                    rowLine = ++line;
                }
                default -> field.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException(origin + ":" + rowLine + ": unterminated quoted field");
        if (header) throw new IllegalArgumentException(origin + ": empty, no IEEE registry header");
        return rows;
    }

    private static IeeeRegistryRow row(List<String> fields, String origin, int line) {
        if (fields.size() < 3) {
            throw new IllegalArgumentException(origin + ":" + line + ": expected 4 fields, found " + fields.size());
        }
        Registry registry = Registry.ofLabel(fields.get(0));
        if (registry == null) {
            throw new IllegalArgumentException(origin + ":" + line + ": unknown registry " + fields.get(0));
        }
        String assignment = fields.get(1).strip();
        if (assignment.length() * 4 != registry.prefixBits()) {
            throw new IllegalArgumentException(origin + ":" + line + ": " + registry.label() + " assignment "
                    + assignment + " is not " + registry.prefixBits() / 4 + " hex digits");
        }
        long prefix = 0;
        for (int i = 0; i < assignment.length(); i++) {
            int nibble = Character.digit(assignment.charAt(i), 16);
            if (nibble < 0) {
                throw new IllegalArgumentException(origin + ":" + line + ": assignment " + assignment + " is not hex");
            }
            prefix = prefix << 4 | nibble;
        }
        return new IeeeRegistryRow(registry, prefix, fields.get(2), line);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
