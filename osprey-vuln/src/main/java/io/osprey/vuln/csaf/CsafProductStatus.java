package io.osprey.vuln.csaf;

/** A product's status for one CVE of an advisory: known_affected, fixed, known_not_affected, ... */
public record CsafProductStatus(String cveId, String productId, String status) {
}
