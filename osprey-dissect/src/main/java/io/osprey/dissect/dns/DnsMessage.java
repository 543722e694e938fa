package io.osprey.dissect.dns;

import io.osprey.dissect.Payload;

/**
 * A flyweight view of one message in the RFC 1035 §4.1 format shared by DNS, mDNS (RFC 6762 §18), LLMNR
 * (RFC 4795 §2.1.1) and NetBIOS name service (RFC 1002 §4.2.1), with a cursor over its records. Offsets are from
 * the start of the message, as compression pointers count them; reads outside the message return -1.
 *
 * <pre>
 *  0      2      4        6        8        10       12
 *  | ID   | flags| QDCOUNT| ANCOUNT| NSCOUNT| ARCOUNT| questions, answers, authority, additional records
 *  flags: QR(1) OPCODE(4) AA(1) TC(1) RD(1) RA(1) Z(3) RCODE(4)     (RFC 1035 §4.1.1)
 *  question: NAME QTYPE(2) QCLASS(2)                                (§4.1.2)
 *  record:   NAME TYPE(2) CLASS(2) TTL(4) RDLENGTH(2) RDATA         (§4.1.3)
 * </pre>
 *
 * The cursor ({@link #rewind()}, {@link #next()}) walks the sections in order and stops at the first record that
 * is truncated or malformed, or after {@link #MAX_RECORDS}: the counts are read from the wire, so they bound
 * nothing on their own.
 */
public final class DnsMessage {
    public static final int ID_OFFSET = 0;
    public static final int FLAGS_OFFSET = ID_OFFSET + 2;
    public static final int QDCOUNT_OFFSET = FLAGS_OFFSET + 2;
    public static final int ANCOUNT_OFFSET = QDCOUNT_OFFSET + 2;
    public static final int NSCOUNT_OFFSET = ANCOUNT_OFFSET + 2;
    public static final int ARCOUNT_OFFSET = NSCOUNT_OFFSET + 2;
    public static final int HEADER_LENGTH = ARCOUNT_OFFSET + 2;

    /** Fixed part of a question after its name: QTYPE, QCLASS. */
    public static final int QUESTION_FIXED_LENGTH = 4;
    /** Fixed part of a resource record after its name: TYPE, CLASS, TTL, RDLENGTH. */
    public static final int RECORD_FIXED_LENGTH = 10;
    /**
     * Records examined per message. A UDP message of 9,000 octets (the mDNS maximum, RFC 6762 §17) holds a few
     * hundred records at most; the limit stops forged counts from making the work per packet unbounded.
     */
    public static final int MAX_RECORDS = 256;

    public static final int QUESTION = 0, ANSWER = 1, AUTHORITY = 2, ADDITIONAL = 3;

    /** Record types read by Osprey's dissectors (RFC 1035 §3.2.2, RFC 3596 §2.1, RFC 2782, RFC 1002 §4.2.1.3). */
    public static final int TYPE_A = 1, TYPE_PTR = 12, TYPE_TXT = 16, TYPE_AAAA = 28, TYPE_SRV = 33,
            TYPE_NB = 0x20, TYPE_NBSTAT = 0x21;
    /** RFC 1035 §3.2.4: the Internet class. */
    public static final int CLASS_IN = 1;
    /** RFC 1035 §4.1.1 opcode of a standard query. */
    public static final int OPCODE_QUERY = 0;

    private static final int QR_BIT = 0x8000;

    private Payload payload;
    private int base;
    private int length;

    private int position;
    private int section;
    private int left;
    private int visited;
    private boolean truncated;

    private int nameOffset;
    private int type;
    private int rrClass;
    private int rdataOffset;
    private int rdataLength;
    private long addressHi;
    private long addressLo;

    /**
     * Positions the view on {@code length} bytes of {@code payload} from {@code base} (clipped to the payload) and
     * rewinds the cursor. Returns false when not even the header is there.
     */
    public boolean wrap(Payload payload, int base, int length) {
        this.payload = payload;
        this.base = base;
        this.length = Math.max(0, Math.min(length, payload.length() - base));
        rewind();
        return this.length >= HEADER_LENGTH;
    }

    public int length() { return length; }

    public boolean has(int at, int n) { return at >= 0 && n >= 0 && at <= length - n; }

    public int u8(int at) { return has(at, 1) ? payload.u8(base + at) : -1; }

    public int u16(int at) { return has(at, 2) ? payload.u16(base + at) : -1; }

    public long u32(int at) { return has(at, 4) ? payload.u32(base + at) : -1; }

    /** Offset of this message's first octet in the payload. */
    public int base() { return base; }

    public Payload payload() { return payload; }

    public int id() { return u16(ID_OFFSET); }

    public int flags() { return u16(FLAGS_OFFSET); }

    public boolean isResponse() { return (flags() & QR_BIT) != 0; }

    public int opcode() { return flags() >>> 11 & 0xf; }

    public int rcode() { return flags() & 0xf; }

    /** The record count of {@code section} as the header states it. */
    public int count(int section) { return u16(QDCOUNT_OFFSET + 2 * section); }

    public void rewind() {
        position = HEADER_LENGTH;
        section = QUESTION;
        left = length >= HEADER_LENGTH ? count(QUESTION) : 0;
        visited = 0;
        truncated = false;
    }

    /**
     * Moves to the next question or record; false at the end of the message, after {@link #MAX_RECORDS}, or at a
     * record that is cut short or malformed ({@link #truncated()} then tells).
     */
    public boolean next() {
        if (length < HEADER_LENGTH) return false;
        while (left == 0) {
            if (section == ADDITIONAL) return false;
            section++;
            left = count(section);
        }
        if (visited == MAX_RECORDS) return false;
        int afterName = DnsName.skip(this, position);
        if (afterName < 0) return stop();
        nameOffset = position;
        type = u16(afterName);
        rrClass = u16(afterName + 2);
        if (section == QUESTION) {
            if (!has(afterName, QUESTION_FIXED_LENGTH)) return stop();
            rdataOffset = afterName + QUESTION_FIXED_LENGTH;
            rdataLength = 0;
        } else {
            if (!has(afterName, RECORD_FIXED_LENGTH)) return stop();
            rdataOffset = afterName + RECORD_FIXED_LENGTH;
            rdataLength = u16(afterName + 8);
            if (!has(rdataOffset, rdataLength)) return stop();
        }
        position = rdataOffset + rdataLength;
        left--;
        visited++;
        return true;
    }

    private boolean stop() {
        truncated = true;
        left = 0;
        section = ADDITIONAL;
        return false;
    }

    /** True when the cursor stopped at a record that was cut short or malformed. */
    public boolean truncated() { return truncated; }

    /** {@link #QUESTION}, {@link #ANSWER}, {@link #AUTHORITY} or {@link #ADDITIONAL}. */
    public int section() { return section; }

    public int nameOffset() { return nameOffset; }

    public int type() { return type; }

    /** The class with mDNS's top bit (unicast-response / cache-flush, RFC 6762 §18.12, §18.13) cleared. */
    public int rrClass() { return rrClass & 0x7fff; }

    public int rdataOffset() { return rdataOffset; }

    /** 0 for questions. */
    public int rdataLength() { return rdataLength; }

    /**
     * Reads the address of the current record when it is an A (RFC 1035 §3.4.1) or AAAA (RFC 3596 §2.2) record of
     * the right length, into {@link #addressHi()} and {@link #addressLo()} (IPv4 mapped into IPv6, as in
     * {@link io.osprey.packet.decode.Packet}); false otherwise.
     */
    public boolean readAddress() {
        if (section == QUESTION || rrClass() != CLASS_IN) return false;
        if (type == TYPE_A && rdataLength == 4) {
            addressHi = 0;
            addressLo = io.osprey.packet.decode.Packet.IPV4_MAPPED_PREFIX | u32(rdataOffset);
            return true;
        }
        if (type == TYPE_AAAA && rdataLength == 16) {
            addressHi = u32(rdataOffset) << 32 | u32(rdataOffset + 4);
            addressLo = u32(rdataOffset + 8) << 32 | u32(rdataOffset + 12);
            return true;
        }
        return false;
    }

    public long addressHi() { return addressHi; }

    public long addressLo() { return addressLo; }
}
