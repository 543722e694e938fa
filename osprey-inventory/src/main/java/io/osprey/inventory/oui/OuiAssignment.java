package io.osprey.inventory.oui;

/**
 * The registry assignment a MAC address falls in: the evidence behind a vendor answer.
 *
 * @param prefix the assignment, {@code registry.prefixBits()} bits wide (MA-L 0xF4BD9E, MA-S 0x70B3D5F2F)
 * @param vendor the cleaned vendor name
 */
public record OuiAssignment(Registry registry, long prefix, String vendor) {

    /** First address of the block and its length, "70:b3:d5:f2:f0:00/36". */
    public String block() {
        return MacAddress.format(prefix << (MacAddress.BITS - registry.prefixBits())) + "/" + registry.prefixBits();
    }
}
