package io.osprey.vuln.csaf;

import java.util.List;

/** A remediation of an advisory for one CVE: vendor_fix, mitigation, workaround, ... with its link if any. */
public record CsafRemediation(String cveId, String category, String details, String url, List<String> productIds) {
    public CsafRemediation {
        productIds = List.copyOf(productIds);
    }
}
