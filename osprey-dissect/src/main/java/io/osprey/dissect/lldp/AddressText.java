package io.osprey.dissect.lldp;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ValueBuffer;

/**
 * Writes addresses read from a payload into a {@link ValueBuffer} in their usual text form, without allocating:
 * used by LLDP and CDP, whose management addresses are raw octets.
 */
public final class AddressText {
    /** IANA Address Family Numbers used by LLDP's network-address subtypes and management address TLV. */
    public static final int FAMILY_IPV4 = 1;
    public static final int FAMILY_IPV6 = 2;
    /** "802 (includes all 802 media plus Ethernet 'canonical format')". */
    public static final int FAMILY_802 = 6;

    private AddressText() {}

    /** Writes {@code n} octets at {@code at} as an address of the IANA {@code family}; hex when the form is unknown. */
    public static void append(ValueBuffer out, Payload p, int at, int n, int family) {
        if (family == FAMILY_IPV4 && n == 4) ipv4(out, p, at);
        else if (family == FAMILY_IPV6 && n == 16) ipv6(out, p, at);
        else if (family == FAMILY_802 && n == 6) mac(out, p, at);
        else hex(out, p, at, n);
    }

    public static void ipv4(ValueBuffer out, Payload p, int at) {
        for (int i = 0; i < 4; i++) {
            if (i > 0) out.append('.');
            out.appendDecimal(p.u8(at + i));
        }
    }

    /** RFC 5952 §4: lower-case hex, no leading zeros, the longest run (of two or more, first if tied) of zero groups as "::". */
    public static void ipv6(ValueBuffer out, Payload p, int at) {
        int bestStart = -1, bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (p.u16(at + 2 * g) != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && p.u16(at + 2 * g) == 0) g++;
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append(':').append(':');
                g += bestLength - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLength) out.append(':');
            hexGroup(out, p.u16(at + 2 * g));
        }
    }

    public static void mac(ValueBuffer out, Payload p, int at) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) out.append(':');
            out.appendHex2(p.u8(at + i));
        }
    }

    public static void hex(ValueBuffer out, Payload p, int at, int n) {
        for (int i = 0; i < n; i++) out.appendHex2(p.u8(at + i));
    }

    private static void hexGroup(ValueBuffer out, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = v >>> shift & 0xf;
            if (d == 0 && !started && shift > 0) continue;
            started = true;
            out.append(d < 10 ? '0' + d : 'a' + d - 10);
        }
    }

    /**
     * Writes {@code n} octets of text, escaping control characters. Trailing NULs are dropped: some firmwares
     * (Extreme's, in lldp.detailed.pcap) send C strings with their terminator.
     */
    public static void text(ValueBuffer out, Payload p, int at, int n) {
        while (n > 0 && p.u8(at + n - 1) == 0) n--;
        for (int i = 0; i < n; i++) out.appendText(p.u8(at + i));
    }

    /** Writes the names of the set bits of {@code bits}, comma-separated; bit i is {@code names[i]}. */
    public static void flags(ValueBuffer out, long bits, String[] names) {
        boolean first = true;
        for (int i = 0; i < names.length; i++) {
            if ((bits >>> i & 1) == 0) continue;
            if (!first) out.append(',');
            out.append(names[i]);
            first = false;
        }
    }
}
