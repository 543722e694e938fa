package io.osprey.vuln.kev;

import java.time.LocalDate;

/**
 * One entry of the CISA Known Exploited Vulnerabilities catalog. {@code knownRansomwareCampaignUse} is "Known"
 * or "Unknown" as CISA writes it.
 */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName,
                       LocalDate dateAdded, LocalDate dueDate, String knownRansomwareCampaignUse,
                       String requiredAction) {

    public boolean knownRansomwareUse() {
        return "Known".equalsIgnoreCase(knownRansomwareCampaignUse);
    }
}
