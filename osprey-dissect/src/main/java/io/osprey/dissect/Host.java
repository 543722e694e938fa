package io.osprey.dissect;

import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;

/**
 * Who an observation is about: a MAC address, an IP address, or both. A MAC is the 48-bit value in a long
 * ({@link Packet#NO_MAC} when unknown); an IP is 128 bits in two longs, IPv4 mapped into IPv6, and
 * {@code ::} (0, 0) when unknown — the unspecified address never names a host (RFC 4291 §2.5.2).
 */
public record Host(long mac, long ipHi, long ipLo) {

    public static Host ofMac(long mac) {
        return new Host(mac, 0, 0);
    }

    public static Host ofIp(long ipHi, long ipLo) {
        return new Host(Packet.NO_MAC, ipHi, ipLo);
    }

    public boolean hasMac() { return mac != Packet.NO_MAC; }

    public boolean hasIp() { return ipHi != 0 || ipLo != 0; }

    @Override
    public String toString() {
        String m = hasMac() ? Addresses.mac(mac) : "";
        String i = hasIp() ? Addresses.ip(ipHi, ipLo) : "";
        return m.isEmpty() ? i : i.isEmpty() ? m : m + "/" + i;
    }
}
