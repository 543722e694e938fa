package io.osprey.dissect.dns;

import io.osprey.packet.decode.Packet;

/**
 * Reverse-mapping names (RFC 1035 §3.5 "d.c.b.a.in-addr.arpa", RFC 3596 §2.5: 32 hex nibbles, least significant
 * first, then "ip6.arpa"): does a name stand for a given address?
 */
final class ReverseName {
    private static final int IPV4_LABELS = 4 + 2, IPV6_LABELS = 32 + 2;

    private ReverseName() {}

    /** True when {@code name} is the reverse-mapping name of the address (hi, lo; IPv4 mapped into IPv6). */
    static boolean isFor(DnsName name, long hi, long lo) {
        if (name.labelCount() == IPV4_LABELS && name.endsWith("in-addr.arpa")) {
            if (hi != 0 || lo >>> 32 != Packet.IPV4_MAPPED_PREFIX >>> 32) return false;
            long address = 0;
            for (int i = 3; i >= 0; i--) {
                int octet = decimalOctet(name, i);
                if (octet < 0) return false;
                address = address << 8 | octet;
            }
            return address == (lo & 0xffffffffL);
        }
        if (name.labelCount() == IPV6_LABELS && name.endsWith("ip6.arpa")) {
            long h = 0, l = 0;
            for (int i = 31; i >= 0; i--) {
                int nibble = name.labelLength(i) == 1 ? Character.digit(name.labelByte(i, 0), 16) : -1;
                if (nibble < 0) return false;
                if (i >= 16) h = h << 4 | nibble;
                else l = l << 4 | nibble;
            }
            return h == hi && l == lo;
        }
        return false;
    }

    private static int decimalOctet(DnsName name, int label) {
        int n = name.labelLength(label);
        if (n < 1 || n > 3) return -1;
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = name.labelByte(label, i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v <= 255 ? v : -1;
    }
}
