package io.osprey.vuln.csaf;

import java.time.LocalDateTime;
import java.util.List;

/** The parts of a CSAF 2.0 advisory Osprey keeps: tracking, product tree leaves, product status, remediations. */
public record CsafAdvisory(String id, String title, String publisher, LocalDateTime initialRelease,
                           LocalDateTime currentRelease, String trackingVersion, String sourceUrl,
                           List<CsafProduct> products, List<CsafProductStatus> statuses,
                           List<CsafRemediation> remediations) {
    public CsafAdvisory {
        products = List.copyOf(products);
        statuses = List.copyOf(statuses);
        remediations = List.copyOf(remediations);
    }
}
