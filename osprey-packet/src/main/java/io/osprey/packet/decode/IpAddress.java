package io.osprey.packet.decode;

/**
 * An IP address as the two 64-bit halves Osprey keys hosts and flows by (IPv4 stored IPv4-mapped, see
 * {@link Packet}). For configuration, tests and output; the hot path passes the two longs instead.
 */
public record IpAddress(long hi, long lo) {
    public static IpAddress ofIpv4(int address) {
        return new IpAddress(0, Packet.IPV4_MAPPED_PREFIX | (address & 0xffff_ffffL));
    }

    /** Parses dotted-quad IPv4 or RFC 4291 §2.2 IPv6 text; throws IllegalArgumentException otherwise. */
    public static IpAddress parse(CharSequence text) {
        return Addresses.parseIp(text);
    }

    public boolean isIpv4() { return Addresses.isIpv4(hi, lo); }

    /** The IPv4 address as an int; meaningful when {@link #isIpv4()}. */
    public int ipv4() { return (int) lo; }

    @Override
    public String toString() { return Addresses.ip(hi, lo); }
}
