package io.osprey.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One address of TRUTH.tsv's ip column: an exact IPv4 or IPv6 address, or an IPv4 address with 'x' octets
 * ("10.0.4.x" = any host of 10.0.4.0/24).
 *
 * @param octets the IPv4 octets, -1 for a wildcard; null for an IPv6 address
 * @param v6 the IPv6 address; null for IPv4
 */
record AddressPattern(String text, int[] octets, InetAddress v6) {
    private static final int WILDCARD = -1;

    /**
     * Parses the column. Addresses are separated by '/' or ',' (with or without spaces); ".79" after
     * "172.27.248.109" is shorthand for "172.27.248.79"; '-', "(routed)" and the unspecified addresses
     * (0.0.0.0, ::) a DHCP client uses before it has one identify nothing and are skipped.
     */
    static List<AddressPattern> parseColumn(String column) {
        List<AddressPattern> out = new ArrayList<>();
        int[] previous = null;
        for (String t : column.split("[/,\\s]+")) {
            if (t.isEmpty() || t.equals("-") || t.startsWith("(")) continue;
            if (t.contains(":")) {
                InetAddress a = literal(t);
                if (a != null && !a.isAnyLocalAddress()) out.add(new AddressPattern(t, null, a));
                continue;
            }
            String[] parts = t.split("\\.", -1);
            int[] octets;
            if (t.startsWith(".") && previous != null && parts.length - 1 <= 4) {
                // ".N" (or ".N.M") replaces the last octets of the address before it
                octets = previous.clone();
                for (int i = 1; i < parts.length; i++) octets[4 - (parts.length - 1) + i - 1] = octet(parts[i]);
            } else if (parts.length == 4) {
                octets = new int[4];
                for (int i = 0; i < 4; i++) octets[i] = octet(parts[i]);
            } else {
                continue;
            }
            if (Arrays.stream(octets).anyMatch(o -> o < WILDCARD)) continue;
            if (Arrays.equals(octets, new int[4])) continue;
            previous = octets;
            out.add(new AddressPattern(t, octets, null));
        }
        return out;
    }

    /** True when {@code address} (an IP literal as Osprey prints it) is this address or within this wildcard. */
    boolean matches(String address) {
        InetAddress a = literal(address);
        if (a == null) return false;
        if (octets == null) return a.equals(v6);
        if (!(a instanceof Inet4Address)) return false;
        byte[] b = a.getAddress();
        for (int i = 0; i < 4; i++) {
            if (octets[i] != WILDCARD && octets[i] != (b[i] & 0xff)) return false;
        }
        return true;
    }

    /** -2 for anything that is neither an octet nor 'x'. */
    private static int octet(String s) {
        if (s.equalsIgnoreCase("x")) return WILDCARD;
        if (!s.matches("\\d{1,3}")) return -2;
        int v = Integer.parseInt(s);
        return v <= 255 ? v : -2;
    }

    /** Parses without a name lookup: a string that is not a literal yields null. */
    private static InetAddress literal(String s) {
        String bare = s.indexOf('%') >= 0 ? s.substring(0, s.indexOf('%')) : s;
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
