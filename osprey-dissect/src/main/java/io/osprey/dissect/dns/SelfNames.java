package io.osprey.dissect.dns;

/**
 * The names a multicast-DNS-style message (mDNS, LLMNR) shows to be its sender's own: the owner names of the A and
 * AAAA records, among those the sender publishes, that hold the packet's source address. A responder publishes
 * its own records (RFC 6762 §6, RFC 4795 §2.3), but reflectors and proxies re-send others'; a name that resolves
 * to the sender's source address is the sender's beyond doubt, and so are the other addresses of that name.
 */
final class SelfNames {
    /** Names remembered per message; a host has a few (hostname, reverse names), more is noise. */
    static final int MAX_NAMES = 8;

    private final long[] hashes = new long[MAX_NAMES];
    private int count;

    /**
     * True when the current record is one its sender publishes: in a response every record after the questions
     * (RFC 6762 §6); in a query only the authority section, which holds a probe's proposed records (§8.2). A
     * query's answer section holds the querier's known answers — records of other hosts (§7.1).
     */
    static boolean published(DnsMessage message) {
        return message.isResponse() ? message.section() != DnsMessage.QUESTION
                : message.section() == DnsMessage.AUTHORITY;
    }

    /** Collects the sender's own names from the whole message; rewinds it before and after. */
    void collect(DnsMessage message, DnsName name, long srcHi, long srcLo) {
        count = 0;
        message.rewind();
        while (message.next()) {
            if (count == MAX_NAMES) break;
            if (!published(message) || !message.readAddress()) continue;
            if (message.addressHi() != srcHi || message.addressLo() != srcLo) continue;
            if (name.read(message, message.nameOffset()) < 0) continue;
            long h = name.hash();
            if (!contains(h)) hashes[count++] = h;
        }
        message.rewind();
    }

    boolean contains(long nameHash) {
        for (int i = 0; i < count; i++) if (hashes[i] == nameHash) return true;
        return false;
    }

    boolean isEmpty() { return count == 0; }
}
