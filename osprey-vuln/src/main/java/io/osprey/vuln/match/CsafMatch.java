package io.osprey.vuln.match;

import java.util.List;

/** A CSAF advisory product that matches a device for one CVE, with the advisory's links. */
public record CsafMatch(String advisoryId, String cveId, Confidence confidence, MatchEvidence evidence,
                        List<String> fixLinks, String advisoryUrl) {
    public CsafMatch {
        fixLinks = List.copyOf(fixLinks);
    }
}
