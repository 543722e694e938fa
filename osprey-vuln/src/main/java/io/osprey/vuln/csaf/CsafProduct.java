package io.osprey.vuln.csaf;

/**
 * A leaf of a CSAF product tree: the vendor, product_name and product_version or product_version_range branches
 * above it, its full product name and product id, and its CPE when the advisory gives one.
 */
public record CsafProduct(String productId, String vendor, String productName, String productVersion,
                          String versionRange, String fullName, String cpe) {
}
