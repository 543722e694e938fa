package io.osprey.packet.capture;

/**
 * The link-layer header types Osprey decodes, with their LINKTYPE_ values from the tcpdump.org
 * link-layer header types registry (also used by pcapng's IDB). Other values are counted and skipped.
 */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in the host byte order of the capturing machine. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** Raw IP: the frame starts with an IPv4 or IPv6 header (DLT_RAW on most systems). */
    public static final int RAW = 101;
    /** OpenBSD loopback: like NULL, but the family is in network byte order. */
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;
    /** DLT_RAW as some older libpcaps wrote it into files. */
    public static final int RAW_LEGACY_12 = 12;
    public static final int RAW_LEGACY_14 = 14;

    private LinkType() {}

    /** True when Osprey's decoder understands frames of this link type. */
    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2, RAW_LEGACY_12, RAW_LEGACY_14 -> true;
            default -> false;
        };
    }

    /** The registry name, in the lower-case form Wireshark and tcpdump print ("ethernet", "linux-sll"). */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "null";
            case ETHERNET -> "ethernet";
            case RAW, RAW_LEGACY_12, RAW_LEGACY_14 -> "raw";
            case LOOP -> "loop";
            case LINUX_SLL -> "linux-sll";
            case IPV4 -> "ipv4";
            case IPV6 -> "ipv6";
            case LINUX_SLL2 -> "linux-sll2";
            case 105 -> "ieee802-11";
            case 127 -> "ieee802-11-radiotap";
            case 195 -> "ieee802-15-4";
            default -> "linktype-" + linkType;
        };
    }
}
