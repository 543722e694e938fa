package io.osprey.dissect.tcpfp;

/**
 * The header oddities a signature records, as bits, in the order and notation of p0f v3's "quirks" field (p0f v3
 * README §5): each tells something about how a stack builds its SYN or SYN-ACK.
 */
final class TcpQuirks {
    /** IPv4 don't-fragment set (RFC 791 §3.1; path MTU discovery, RFC 1191). */
    static final int DF = 1;
    /** DF set and a non-zero IPv4 identification (RFC 6864 §4.1 lets atomic datagrams carry any ID). */
    static final int ID_PLUS = 1 << 1;
    /** DF clear and a zero IPv4 identification. */
    static final int ID_MINUS = 1 << 2;
    /** ECN: IP ECN bits set or ECE/CWR in the TCP flags (RFC 3168 §6.1.1). */
    static final int ECN = 1 << 3;
    /** The IPv4 reserved flag bit ("must be zero", RFC 791 §3.1) is set. */
    static final int MBZ = 1 << 4;
    /** Non-zero IPv6 flow label (RFC 6437). */
    static final int FLOW = 1 << 5;
    /** Sequence number zero. */
    static final int SEQ_MINUS = 1 << 6;
    /** Acknowledgment number non-zero without the ACK flag. */
    static final int ACK_PLUS = 1 << 7;
    /** ACK flag with a zero acknowledgment number. */
    static final int ACK_MINUS = 1 << 8;
    /** Urgent pointer non-zero without the URG flag. */
    static final int UPTR_PLUS = 1 << 9;
    /** URG flag set. */
    static final int URGF_PLUS = 1 << 10;
    /** PSH flag set. */
    static final int PUSHF_PLUS = 1 << 11;
    /** Own timestamp (TSval) zero (RFC 7323 §3.2). */
    static final int TS1_MINUS = 1 << 12;
    /** Non-zero TSecr on an initial SYN, which has nothing to echo (RFC 7323 §3.2). */
    static final int TS2_PLUS = 1 << 13;
    /** Non-zero bytes after the end-of-option-list option (RFC 9293 §3.1: padding is zero). */
    static final int OPT_PLUS = 1 << 14;
    /** Window scale shift above 14 (RFC 7323 §2.3). */
    static final int EXWS = 1 << 15;
    /** Options that cannot be delimited (a length byte missing, below 2, or past the header). */
    static final int BAD = 1 << 16;

    /** Names by bit index, in output order. */
    static final String[] NAMES = {"df", "id+", "id-", "ecn", "0+", "flow", "seq-", "ack+", "ack-", "uptr+", "urgf+",
            "pushf+", "ts1-", "ts2+", "opt+", "exws", "bad"};

    private TcpQuirks() {}

    /** The bit of a quirk name, or 0 when the name is unknown. */
    static int bit(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) return 1 << i;
        }
        return 0;
    }
}
