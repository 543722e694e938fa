package io.osprey.inventory.oui;

/**
 * One row of an IEEE registry listing: an assignment and the organization name exactly as registered.
 *
 * @param prefix the assignment as a number of {@code registry.prefixBits()} bits ("70B3D5F2F" → 0x70B3D5F2FL)
 * @param line   line of the CSV file the row starts on, for error messages and review
 */
record IeeeRegistryRow(Registry registry, long prefix, String organization, int line) {}
