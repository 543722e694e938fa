package io.osprey.vuln;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The kinds of intelligence file Osprey imports, told apart by their content rather than their name. */
public enum IntelKind {
    NVD,
    KEV,
    EPSS,
    CSAF;

    /** How much of a file (after decompression) {@link #detect} looks at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    /**
     * Detects the kind from the first bytes of a file: CSAF by {@code csaf_version}, KEV by {@code catalogVersion}
     * or {@code cveID}, NVD by its CVE API 2.0 fields, EPSS by its comment line or header. KEV and CSAF also hold a
     * {@code vulnerabilities} list, so they are recognised before NVD.
     */
    public static Optional<IntelKind> detect(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            if (text.contains("\"csaf_version\"")) {
                return Optional.of(CSAF);
            }
            if (text.contains("\"catalogVersion\"") || text.contains("\"cveID\"")) {
                return Optional.of(KEV);
            }
            if (text.contains("\"vulnStatus\"") || text.contains("\"sourceIdentifier\"") || text.contains("\"cve_items\"")
                    || text.contains("\"NVD_CVE\"") || (text.contains("\"vulnerabilities\"") && text.contains("\"cve\""))
                    || text.matches("(?s)\\s*\\{\\s*\"(cve|id)\"\\s*:.*")) {
                return Optional.of(NVD);
            }
            return Optional.empty();
        }
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("#model_version") || lower.startsWith("cve,epss,percentile")) {
            return Optional.of(EPSS);
        }
        return Optional.empty();
    }
}
