package io.osprey.inventory.oui;

/**
 * The IEEE Registration Authority registries a MAC prefix can come from (IEEE Std 802-2014 clause 8 and the
 * RA's "Guidelines for Use of EUI, OUI, and CID"). The two 36-bit registries never overlap: IAB blocks were
 * carved from a few RA-owned MA-L blocks (00-50-C2, 40-D8-55) before MA-S replaced them in 2014.
 */
public enum Registry {
    /** MA-L, "MAC Address Block Large": a 24-bit OUI, 2^24 addresses. */
    MA_L("MA-L", 24, 'L'),
    /** MA-M, "MAC Address Block Medium": 28 bits, 2^20 addresses. */
    MA_M("MA-M", 28, 'M'),
    /** MA-S, "MAC Address Block Small" (formerly OUI-36): 36 bits, 4096 addresses. */
    MA_S("MA-S", 36, 'S'),
    /** IAB, "Individual Address Block": 36 bits, closed to new assignments since 2014. */
    IAB("IAB", 36, 'I');

    private final String label;
    private final int prefixBits;
    private final char code;

    Registry(String label, int prefixBits, char code) {
        this.label = label;
        this.prefixBits = prefixBits;
        this.code = code;
    }

    /** The name the IEEE uses in the "Registry" column of its CSV listings. */
    public String label() { return label; }

    /** Length of an assignment in this registry, counted from the first transmitted octet of the address. */
    public int prefixBits() { return prefixBits; }

    /** The assignment of {@code mac} at this registry's length (the top {@link #prefixBits()} bits of 48). */
    public long prefixOf(long mac) { return (mac & MacAddress.MASK) >>> (MacAddress.BITS - prefixBits); }

    /** One stable byte per registry for the resource format (ordinals would change if constants were reordered). */
    char code() { return code; }

    static Registry ofCode(int code) {
        for (Registry registry : values()) {
            if (registry.code == code) return registry;
        }
        throw new IllegalArgumentException("unknown registry code " + code);
    }

    /** The registry named {@code label} in an IEEE CSV ("MA-L", "MA-M", "MA-S", "IAB"), or null. */
    public static Registry ofLabel(String label) {
        for (Registry registry : values()) {
            if (registry.label.equalsIgnoreCase(label.strip())) return registry;
        }
        return null;
    }
}
