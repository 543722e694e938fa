package io.osprey.vuln.store;

import io.osprey.vuln.csaf.CsafProduct;

/** A stored CSAF product tree leaf with the advisory it belongs to. */
public record CsafProductRecord(String advisoryId, String advisoryTitle, String advisoryUrl, CsafProduct product) {
}
