package io.osprey.vuln.nvd;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The parts of an NVD CVE API 2.0 {@code cve} object that Osprey keeps. {@code configurationsJson} is the
 * {@code configurations} array as NVD wrote it, so the full semantics can be evaluated again after an upgrade.
 * {@code cvssV2} is kept for records older than CVSS v3, which have no other score.
 * An empty configuration list means NVD has not analysed the record yet ("Awaiting Analysis", "Received"):
 * a coverage gap, not a statement that nothing is vulnerable.
 */
public record CveRecord(String id, LocalDateTime published, LocalDateTime lastModified, String status,
                        String description, CvssScore cvssV3, CvssScore cvssV4,
                        CvssScore cvssV2, List<String> cwes,
                        List<Reference> references, List<Configuration> configurations,
                        String configurationsJson, LocalDate cisaExploitAdd) {
    public CveRecord {
        cwes = List.copyOf(cwes);
        references = List.copyOf(references);
        configurations = List.copyOf(configurations);
    }

    public boolean hasConfigurations() {
        return !configurations.isEmpty();
    }
}
