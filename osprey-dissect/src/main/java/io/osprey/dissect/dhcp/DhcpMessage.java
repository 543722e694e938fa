package io.osprey.dissect.dhcp;

import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Packet;

/**
 * A reusable view of one BOOTP/DHCP message (RFC 2131 §2, Figure 1) and an index of its options
 * (RFC 2132), filled by {@link #decode} without allocating:
 * <pre>
 *   0      op  htype  hlen  hops        op 1 BOOTREQUEST, 2 BOOTREPLY
 *   4      xid (4)
 *   8      secs (2)  flags (2)
 *  12      ciaddr (4)                   client's address when it has one
 *  16      yiaddr (4)                   "your" address: what the server gives
 *  20      siaddr (4)
 *  24      giaddr (4)                   relay agent's address, 0 when not relayed
 *  28      chaddr (16)                  client hardware address, hlen bytes used
 *  44      sname (64)                   carries options when option 52 says so
 * 108      file (128)                   idem
 * 236      magic cookie 99.130.83.99    RFC 2131 §3; without it the message is plain BOOTP
 * 240      options: code, length, value; pad (0) and end (255) are one byte
 * </pre>
 * Each option code's first occurrence is indexed (RFC 3396 splitting of long options is not joined: the
 * options read here are short). An option running past the packet ends the scan; what came before stays.
 */
public final class DhcpMessage {
    static final int OP_OFFSET = 0;
    static final int HTYPE_OFFSET = 1;
    static final int HLEN_OFFSET = 2;
    static final int CIADDR_OFFSET = 12;
    static final int YIADDR_OFFSET = 16;
    static final int GIADDR_OFFSET = 24;
    static final int CHADDR_OFFSET = 28;
    static final int CHADDR_LENGTH = 16;
    static final int SNAME_OFFSET = CHADDR_OFFSET + CHADDR_LENGTH;
    static final int SNAME_LENGTH = 64;
    static final int FILE_OFFSET = SNAME_OFFSET + SNAME_LENGTH;
    static final int FILE_LENGTH = 128;
    /** The fixed BOOTP header (RFC 951), everything before the options. */
    public static final int FIXED_HEADER_LENGTH = FILE_OFFSET + FILE_LENGTH;
    static final int MAGIC_COOKIE_OFFSET = FIXED_HEADER_LENGTH;
    public static final long MAGIC_COOKIE = 0x6382_5363L;
    static final int OPTIONS_OFFSET = MAGIC_COOKIE_OFFSET + 4;

    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    /** ARP hardware types (RFC 1700) whose addresses are 48-bit MACs. */
    static final int HTYPE_ETHERNET = 1;
    static final int HTYPE_IEEE802 = 6;
    static final int MAC_LENGTH = 6;

    /** RFC 2132 §3.1 and §3.2: one-byte options without a length. */
    static final int OPTION_PAD = 0;
    static final int OPTION_END = 255;
    /** RFC 2132 §9.3: 1 = options continue in 'file', 2 = in 'sname', 3 = both. */
    static final int OPTION_OVERLOAD = 52;
    static final int OVERLOAD_FILE = 1;
    static final int OVERLOAD_SNAME = 2;
    /** Option codes are one byte (RFC 2132 §2). */
    static final int OPTION_CODES = 256;
    /** Option codes remembered in wire order for {@link #optionCode}; a longer list is cut (its hash is not). */
    public static final int MAX_LISTED_OPTIONS = 64;

    private Payload payload;
    private int op;
    private boolean cookie;
    private boolean optionsTruncated;

    /** Per option code: offset and length of its value, valid when {@code present[code] == generation}. */
    private final int[] present = new int[OPTION_CODES];
    private final int[] valueOffset = new int[OPTION_CODES];
    private final int[] valueLength = new int[OPTION_CODES];
    private int generation;
    private final byte[] order = new byte[MAX_LISTED_OPTIONS];
    private int optionCount;
    private long orderHash;

    /**
     * Detection: a complete fixed header with a valid op and a hardware address length that fits chaddr.
     * The magic cookie is not required: plain BOOTP (RFC 951) has none.
     */
    public static boolean detect(Payload p) {
        if (!p.has(0, FIXED_HEADER_LENGTH)) return false;
        int op = p.u8(OP_OFFSET);
        return (op == BOOTREQUEST || op == BOOTREPLY) && p.u8(HLEN_OFFSET) <= CHADDR_LENGTH;
    }

    /** Positions the view on {@code p} and indexes its options; false when it is not BOOTP/DHCP. */
    public boolean decode(Payload p) {
        payload = p;
        if (!detect(p)) return false;
        op = p.u8(OP_OFFSET);
        optionsTruncated = false;
        optionCount = 0;
        orderHash = 0;
        if (++generation == 0) {
            java.util.Arrays.fill(present, 0);
            generation = 1;
        }
        cookie = p.u32(MAGIC_COOKIE_OFFSET) == MAGIC_COOKIE;
        if (!cookie) return true;
        scan(OPTIONS_OFFSET, p.length(), true);
        // RFC 2131 §4.1: with option 52, 'file' is read after 'options', then 'sname'.
        int overload = optionLength(OPTION_OVERLOAD) == 1 ? p.u8(optionOffset(OPTION_OVERLOAD)) : 0;
        if ((overload & OVERLOAD_FILE) != 0) scan(FILE_OFFSET, FILE_OFFSET + FILE_LENGTH, false);
        if ((overload & OVERLOAD_SNAME) != 0) scan(SNAME_OFFSET, SNAME_OFFSET + SNAME_LENGTH, false);
        return true;
    }

    private void scan(int from, int to, boolean optionsField) {
        Payload p = payload;
        int end = Math.min(to, p.length());
        int at = from;
        while (at < end) {
            int code = p.u8(at);
            if (code == OPTION_PAD) {
                at++;
                continue;
            }
            if (code == OPTION_END) return;
            int length = p.u8(at + 1);
            if (length < 0 || at + 2 + length > end) {
                optionsTruncated = true;
                return;
            }
            // Option 52 counts only in the options field (RFC 2132 §9.3), or a loop could be built.
            if (code != OPTION_OVERLOAD || optionsField) index(code, at + 2, length);
            at += 2 + length;
        }
        // Running off the end of the options field without an end option is common and harmless.
    }

    private void index(int code, int offset, int length) {
        if (optionCount < MAX_LISTED_OPTIONS) order[optionCount] = (byte) code;
        optionCount++;
        orderHash = orderHash * 0x100000001b3L + code + 1;
        if (present[code] == generation) return;
        present[code] = generation;
        valueOffset[code] = offset;
        valueLength[code] = length;
    }

    public int op() { return op; }
    public int hardwareType() { return payload.u8(HTYPE_OFFSET); }
    public int hardwareLength() { return payload.u8(HLEN_OFFSET); }
    /** True when the magic cookie is there: DHCP rather than plain BOOTP. */
    public boolean hasMagicCookie() { return cookie; }
    /** True when an option's length ran past the packet (the options before it are indexed). */
    public boolean optionsTruncated() { return optionsTruncated; }

    public int ciaddr() { return (int) payload.u32(CIADDR_OFFSET); }
    public int yiaddr() { return (int) payload.u32(YIADDR_OFFSET); }
    public int giaddr() { return (int) payload.u32(GIADDR_OFFSET); }

    /**
     * The client's MAC from chaddr when the hardware type is Ethernet or IEEE 802 with a 6-byte address and
     * it is a usable unicast address; {@link Packet#NO_MAC} otherwise.
     */
    public long clientMac() {
        int htype = hardwareType();
        if (htype != HTYPE_ETHERNET && htype != HTYPE_IEEE802 || hardwareLength() != MAC_LENGTH) return Packet.NO_MAC;
        long mac = (long) payload.u16(CHADDR_OFFSET) << 32 | payload.u32(CHADDR_OFFSET + 2);
        return mac == 0 || (mac & 0x0100_0000_0000L) != 0 ? Packet.NO_MAC : mac;
    }

    public boolean hasOption(int code) { return present[code & 0xff] == generation; }
    /** Offset of the option's value in the payload, -1 when absent. */
    public int optionOffset(int code) { return hasOption(code) ? valueOffset[code & 0xff] : -1; }
    /** Length of the option's value, -1 when absent. */
    public int optionLength(int code) { return hasOption(code) ? valueLength[code & 0xff] : -1; }

    /** Options seen, pad and end excluded, repeats included. */
    public int optionCount() { return optionCount; }
    /** The {@code i}-th option code in wire order, for {@code i < min(optionCount(), MAX_LISTED_OPTIONS)}. */
    public int optionCode(int i) { return order[i] & 0xff; }
    /** A hash of the whole option code sequence. */
    public long optionOrderHash() { return orderHash; }

    /** The one-byte option as a number, -1 when absent or not one byte long. */
    public int u8Option(int code) {
        return optionLength(code) == 1 ? payload.u8(optionOffset(code)) : -1;
    }

    /** The first address of an address-list option (router, RFC 2132 §3.5), or 0 when absent or malformed. */
    public int firstIpv4Option(int code) {
        int length = optionLength(code);
        return length >= 4 && length % 4 == 0 ? (int) payload.u32(optionOffset(code)) : 0;
    }

    /** A four-byte option (an IPv4 address), or 0 when absent or of another length. */
    public int ipv4Option(int code) {
        return optionLength(code) == 4 ? (int) payload.u32(optionOffset(code)) : 0;
    }
}
