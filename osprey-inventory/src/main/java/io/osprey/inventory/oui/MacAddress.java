package io.osprey.inventory.oui;

/**
 * A 48-bit MAC address held in the low bits of a {@code long}, first transmitted octet in bits 47..40 (the same
 * layout the packet views hand out). Only what vendor lookup needs: the two flag bits of the first octet and
 * conversion to and from text for tools and tests.
 *
 * <p>IEEE Std 802-2014 clause 8 (MAC address structure): bit 0x01 of the first octet is the I/G
 * (individual/group) bit, set for multicast and broadcast; bit 0x02 is the U/L bit, set for locally administered
 * addresses, which is what randomized "private" Wi-Fi addresses use (IEEE 802c-2017 SLAP quadrants). Neither kind
 * names a manufacturer.
 */
public final class MacAddress {
    /** Bits in a MAC address. */
    public static final int BITS = 48;
    /** The 48 bits of an address. */
    public static final long MASK = (1L << BITS) - 1;

    private static final long GROUP_BIT = 0x01L << 40;
    private static final long LOCAL_BIT = 0x02L << 40;

    private MacAddress() {}

    /** True for multicast and broadcast addresses (I/G bit set). */
    public static boolean isGroup(long mac) { return (mac & GROUP_BIT) != 0; }

    /** True for locally administered addresses, randomized ones included (U/L bit set). */
    public static boolean isLocallyAdministered(long mac) { return (mac & LOCAL_BIT) != 0; }

    /**
     * Parses "00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e" or "001A2B3C4D5E": twelve hex digits,
     * with any of ':', '-', '.' between them.
     *
     * @throws IllegalArgumentException when the text does not hold exactly twelve hex digits
     */
    public static long parse(CharSequence text) {
        long mac = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '-' || c == '.') continue;
            int nibble = Character.digit(c, 16);
            if (nibble < 0 || ++digits > 12) throw new IllegalArgumentException("not a MAC address: " + text);
            mac = mac << 4 | nibble;
        }
        if (digits != 12) throw new IllegalArgumentException("not a MAC address: " + text);
        return mac;
    }

    /** "00:1a:2b:3c:4d:5e". */
    public static String format(long mac) {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) text.append(':');
            int octet = (int) (mac >>> shift) & 0xFF;
            text.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
        }
        return text.toString();
    }
}
