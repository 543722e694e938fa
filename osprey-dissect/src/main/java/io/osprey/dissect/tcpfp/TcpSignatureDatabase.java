package io.osprey.dissect.tcpfp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Osprey's own TCP signature database, tcp-signatures.tsv beside this class: knowledge is data, not code. Rows
 * are {@code direction TAB pattern TAB osPlatform TAB osVersion TAB label TAB confidence TAB evidence}, "#" starts a
 * comment, and a {@code # version: N} line names the file's version. Patterns are {@link SignaturePattern}s; a
 * signature takes the first row, in file order, whose direction and pattern match, so the file lists the most
 * specific rows first.
 */
public final class TcpSignatureDatabase {
    static final String RESOURCE = "tcp-signatures.tsv";
    static final int COLUMNS = 7;
    /** "-" in the osPlatform or osVersion column: the row makes no such claim. */
    static final String NONE = "-";
    private static final String VERSION_PREFIX = "# version:";
    private static final TcpSignatureDatabase STANDARD = load();

    /** One row. {@code osPlatform} and {@code osVersion} are null when the row does not name them. */
    public record Entry(boolean synAck, String patternText, SignaturePattern pattern, String osPlatform,
                        String osVersion, String label, double confidence, String evidence, int line) {}

    private final Entry[] synEntries;
    private final Entry[] synAckEntries;
    private final int version;

    private TcpSignatureDatabase(List<Entry> entries, int version) {
        this.synEntries = entries.stream().filter(e -> !e.synAck()).toArray(Entry[]::new);
        this.synAckEntries = entries.stream().filter(Entry::synAck).toArray(Entry[]::new);
        this.version = version;
    }

    /** The database shipped with Osprey, loaded once. */
    public static TcpSignatureDatabase standard() {
        return STANDARD;
    }

    /** The first row matching the signature, or null. Allocates nothing. */
    public Entry match(SynSignature signature) {
        for (Entry e : signature.synAck ? synAckEntries : synEntries) {
            if (e.pattern().matches(signature)) return e;
        }
        return null;
    }

    public int size() { return synEntries.length + synAckEntries.length; }

    public int version() { return version; }

    /** All rows, SYN rows first, each group in file order. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>(List.of(synEntries));
        all.addAll(List.of(synAckEntries));
        return all;
    }

    /**
     * Parses a database; a row that does not parse, or that repeats another row's direction and pattern, is an
     * {@link IOException} naming its line.
     */
    static TcpSignatureDatabase parse(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int version = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNumber++;
                if (line.startsWith(VERSION_PREFIX)) {
                    version = Integer.parseInt(line.substring(VERSION_PREFIX.length()).trim());
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) continue;
                Entry e = row(line, lineNumber);
                if (!seen.add((e.synAck() ? "synack " : "syn ") + e.patternText())) {
                    throw new IOException("line " + lineNumber + ": same direction and pattern as an earlier row");
                }
                entries.add(e);
            }
        }
        if (version <= 0) throw new IOException("no '" + VERSION_PREFIX + " N' line");
        return new TcpSignatureDatabase(entries, version);
    }

    private static Entry row(String line, int lineNumber) throws IOException {
        String[] c = line.split("\t", -1);
        if (c.length != COLUMNS) {
            throw new IOException("line " + lineNumber + ": " + COLUMNS + " tab-separated columns expected, got "
                    + c.length);
        }
        boolean synAck = switch (c[0]) {
            case "syn" -> false;
            case "synack" -> true;
            default -> throw new IOException("line " + lineNumber + ": direction must be syn or synack: " + c[0]);
        };
        SignaturePattern pattern;
        try {
            pattern = SignaturePattern.parse(c[1]);
        } catch (IllegalArgumentException e) {
            throw new IOException("line " + lineNumber + ": " + e.getMessage(), e);
        }
        double confidence;
        try {
            confidence = Double.parseDouble(c[5]);
        } catch (NumberFormatException e) {
            throw new IOException("line " + lineNumber + ": confidence is not a number: " + c[5], e);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IOException("line " + lineNumber + ": confidence must be in (0, 1]: " + c[5]);
        }
        String label = c[4].trim();
        if (label.isEmpty() || c[2].isBlank() || c[3].isBlank() || c[6].isBlank()) {
            throw new IOException("line " + lineNumber + ": empty column (write - for none)");
        }
        return new Entry(synAck, c[1], pattern, claim(c[2]), claim(c[3]), label, confidence, c[6].trim(), lineNumber);
    }

    private static String claim(String column) {
        String v = column.trim();
        return v.equals(NONE) ? null : v;
    }

    private static TcpSignatureDatabase load() {
        try (InputStream in = TcpSignatureDatabase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
