package io.osprey.dissect.arp;

import io.osprey.packet.decode.Packet;

import java.util.Arrays;

/**
 * The MAC that last claimed each IPv4 address in ARP, in an open-addressing table of primitive arrays, so that a
 * claim costs one lookup and allocates nothing. Address 0.0.0.0 claims nothing (RFC 5227 §2.1.1) and marks a free
 * slot.
 *
 * <p>Bounded: at {@link #MAX_ADDRESSES} addresses the table is cleared and claims are learned again; a claim after
 * the clear counts as a first claim, so forgetting never makes a change up.
 */
final class ClaimedAddresses {
    /** Addresses remembered: a /16 of hosts, in 1.5 MB. */
    static final int MAX_ADDRESSES = 1 << 16;

    private final int[] addresses = new int[MAX_ADDRESSES * 2];
    private final long[] macs = new long[MAX_ADDRESSES * 2];
    private final int mask = addresses.length - 1;
    private int size;

    /**
     * Records that {@code mac} claims {@code ip}; returns the MAC that claimed it before, which equals {@code mac}
     * when the claim is a repeat, or {@link Packet#NO_MAC} when the address was never claimed (or is 0.0.0.0).
     */
    long claim(int ip, long mac) {
        if (ip == 0) return Packet.NO_MAC;
        int slot = hash(ip) & mask;
        while (addresses[slot] != 0) {
            if (addresses[slot] == ip) {
                long previous = macs[slot];
                macs[slot] = mac;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_ADDRESSES) {
            clear();
            slot = hash(ip) & mask;
        }
        addresses[slot] = ip;
        macs[slot] = mac;
        size++;
        return Packet.NO_MAC;
    }

    int size() { return size; }

    void clear() {
        Arrays.fill(addresses, 0);
        size = 0;
    }

    private static int hash(int ip) {
        int h = ip * 0x9E3779B9;
        return h ^ h >>> 16;
    }
}
