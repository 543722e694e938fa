package io.osprey.packet.decode;

/**
 * Text forms and classification of the addresses in a {@link Packet}: MACs as the 48 low bits of a long,
 * IP addresses as (hi, lo) pairs with IPv4 stored IPv4-mapped.
 *
 * <p>Formatting and parsing allocate and throw {@link IllegalArgumentException} on bad input: they are
 * for output, configuration and tests. The {@code is*} predicates are pure arithmetic and safe on the hot
 * path; they answer false for {@link Packet#NO_MAC}.
 */
public final class Addresses {
    public static final long MAX_MAC = 0xffff_ffff_ffffL;
    /** IEEE 802 §8.2: the least significant bit of the first octet marks group (multicast) addresses. */
    private static final long MAC_GROUP_BIT = 0x01_00_00_00_00_00L;
    /** ... and the next bit locally administered ones (randomised MACs of phones set it). */
    private static final long MAC_LOCAL_BIT = 0x02_00_00_00_00_00L;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Addresses() {}

    // ---------------------------------------------------------------- MAC

    /** "aa:bb:cc:dd:ee:ff", lower case. */
    public static String mac(long mac) {
        if (mac < 0 || mac > MAX_MAC) {
            throw new IllegalArgumentException("not a 48-bit MAC: " + mac);
        }
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (mac >>> (40 - 8 * i)) & 0xff;
            out[i * 3] = HEX[b >>> 4];
            out[i * 3 + 1] = HEX[b & 0x0f];
            if (i < 5) {
                out[i * 3 + 2] = ':';
            }
        }
        return new String(out);
    }

    /** Parses "aa:bb:cc:dd:ee:ff" or "aa-bb-cc-dd-ee-ff" (either case) and Cisco's "aabb.ccdd.eeff". */
    public static long parseMac(CharSequence text) {
        int n = text.length();
        long mac = 0;
        if (n == 14 && text.charAt(4) == '.' && text.charAt(9) == '.') {
            for (int i = 0; i < n; i++) {
                if (i == 4 || i == 9) {
                    continue;
                }
                mac = mac << 4 | hexDigit(text, i);
            }
            return mac;
        }
        if (n != 17) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        char separator = text.charAt(2);
        if (separator != ':' && separator != '-') {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        for (int i = 0; i < 6; i++) {
            if (i > 0 && text.charAt(i * 3 - 1) != separator) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            mac = mac << 8 | hexDigit(text, i * 3) << 4 | hexDigit(text, i * 3 + 1);
        }
        return mac;
    }

    public static boolean isMulticastMac(long mac) { return mac >= 0 && (mac & MAC_GROUP_BIT) != 0; }

    public static boolean isLocallyAdministered(long mac) { return mac >= 0 && (mac & MAC_LOCAL_BIT) != 0; }

    public static boolean isBroadcastMac(long mac) { return mac == MAX_MAC; }

    // ---------------------------------------------------------------- IP text

    /** Dotted quad of an IPv4 address held in an int. */
    public static String ipv4(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    /**
     * An IP address as text: IPv4-mapped addresses (how Osprey stores IPv4) as a dotted quad, other IPv6
     * addresses in the RFC 5952 §4 canonical form (lower case, no leading zeros, the longest run of two or
     * more zero groups, the first one on a tie, shortened to "::").
     */
    public static String ip(long hi, long lo) {
        if (isIpv4(hi, lo)) {
            return ipv4((int) lo);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** Parses a dotted quad (four decimal octets, no leading zeros, as RFC 6943 §3.1.1 advises). */
    public static int parseIpv4(CharSequence text) {
        long value = parseIpv4(text, 0, text.length());
        if (value < 0) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        return (int) value;
    }

    /** Parses IPv4 (returned IPv4-mapped) or IPv6 text (RFC 4291 §2.2, with an optional dotted-quad tail). */
    public static IpAddress parseIp(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                return parseIpv6(text);
            }
        }
        return IpAddress.ofIpv4(parseIpv4(text));
    }

    private static IpAddress parseIpv6(CharSequence text) {
        int n = text.length();
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (n >= 2 && text.charAt(0) == ':' && text.charAt(1) == ':') {
            gap = 0;
            i = 2;
        } else if (n > 0 && text.charAt(0) == ':') {
            throw bad(text);
        }
        while (i < n) {
            int start = i;
            while (i < n && text.charAt(i) != ':' && text.charAt(i) != '.') {
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                // RFC 4291 §2.2 form 3: the low 32 bits as a dotted quad, only at the end.
                if (count > 6) {
                    throw bad(text);
                }
                long v4 = parseIpv4(text, start, n);
                if (v4 < 0) {
                    throw bad(text);
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = n;
                break;
            }
            int digits = i - start;
            if (digits < 1 || digits > 4 || count == 8) {
                throw bad(text);
            }
            int group = 0;
            for (int k = start; k < i; k++) {
                group = group << 4 | hexDigit(text, k);
            }
            groups[count++] = group;
            if (i == n) {
                break;
            }
            i++; // the ':'
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    throw bad(text);
                }
                gap = count;
                i++;
            } else if (i == n) {
                throw bad(text); // a trailing single ':'
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            throw bad(text);
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = hi << 16 | full[k];
            lo = lo << 16 | full[k + 4];
        }
        return new IpAddress(hi, lo);
    }

    /** Returns the address as an unsigned value, or -1 for bad input. */
    private static long parseIpv4(CharSequence text, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = value << 8 | octet;
            octets++;
            if (octets < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    private static int hexDigit(CharSequence text, int i) {
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0) {
            throw new IllegalArgumentException("not a hexadecimal digit at " + i + ": " + text);
        }
        return digit;
    }

    private static IllegalArgumentException bad(CharSequence text) {
        return new IllegalArgumentException("not an IPv6 address: " + text);
    }

    // ---------------------------------------------------------------- IP classification

    /** True for ::ffff:0:0/96, the form IPv4 addresses are stored in. */
    public static boolean isIpv4(long hi, long lo) { return hi == 0 && lo >>> 32 == 0xffffL; }

    /** 224.0.0.0/4 (RFC 5771) or ff00::/8 (RFC 4291 §2.7). */
    public static boolean isMulticast(long hi, long lo) {
        return isIpv4(hi, lo) ? (int) lo >>> 28 == 0xe : hi >>> 56 == 0xff;
    }

    /** The IPv4 limited broadcast 255.255.255.255 (RFC 919); IPv6 has no broadcast. */
    public static boolean isBroadcast(long hi, long lo) { return isIpv4(hi, lo) && (int) lo == -1; }

    /**
     * Addresses that are not globally reachable and identify a host inside a site: RFC 1918 (10/8,
     * 172.16/12, 192.168/16), RFC 6598 shared address space (100.64/10), RFC 3927 link-local (169.254/16),
     * RFC 4193 unique local (fc00::/7) and RFC 4291 link-local (fe80::/10).
     */
    public static boolean isPrivate(long hi, long lo) {
        if (isIpv4(hi, lo)) {
            int a = (int) lo;
            return a >>> 24 == 10
                    || a >>> 20 == (172 << 4 | 1)
                    || a >>> 16 == (192 << 8 | 168)
                    || a >>> 22 == (100 << 2 | 1)
                    || a >>> 16 == (169 << 8 | 254);
        }
        return hi >>> 57 == 0x7e || isLinkLocal(hi, lo);
    }

    /** 169.254/16 (RFC 3927) or fe80::/10 (RFC 4291 §2.5.6). */
    public static boolean isLinkLocal(long hi, long lo) {
        return isIpv4(hi, lo) ? (int) lo >>> 16 == (169 << 8 | 254) : hi >>> 54 == 0x3fa;
    }

    /** 127/8 (RFC 1122 §3.2.1.3) or ::1. */
    public static boolean isLoopback(long hi, long lo) {
        return isIpv4(hi, lo) ? (int) lo >>> 24 == 127 : hi == 0 && lo == 1;
    }

    /** 0.0.0.0 or :: (the source of DHCP discovers and duplicate address detection). */
    public static boolean isUnspecified(long hi, long lo) {
        return isIpv4(hi, lo) ? (int) lo == 0 : hi == 0 && lo == 0;
    }

    /**
     * A unicast address a host on the Internet could have: for IPv6 inside 2000::/3 (RFC 4291 §2.4) but not
     * documentation 2001:db8::/32; for IPv4 none of the non-global entries of the IANA special-purpose
     * registry (RFC 6890): 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24,
     * 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24, 224/4 multicast, 240/4 reserved and broadcast.
     */
    public static boolean isGlobalUnicast(long hi, long lo) {
        if (!isIpv4(hi, lo)) {
            return hi >>> 61 == 1 && hi >>> 32 != 0x2001_0db8L;
        }
        int a = (int) lo;
        int first = a >>> 24;
        return first != 0
                && first != 127
                && first < 224
                && !isPrivate(hi, lo)
                && a >>> 8 != (192 << 16)
                && a >>> 8 != (192 << 16 | 2)
                && a >>> 17 != (198 << 7 | 9)
                && a >>> 8 != (198 << 16 | 51 << 8 | 100)
                && a >>> 8 != (203 << 16 | 113);
    }
}
