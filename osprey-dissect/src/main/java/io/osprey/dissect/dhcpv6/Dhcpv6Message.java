package io.osprey.dissect.dhcpv6;

import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Packet;

/**
 * A reusable view of one DHCPv6 message (RFC 8415), filled by {@link #decode} without allocating. Relay
 * messages are walked inwards to the client or server message they carry:
 * <pre>
 * client/server message (§8)          relay message (§9)
 *   0  msg-type                         0  msg-type (12 RELAY-FORW, 13 RELAY-REPL)
 *   1  transaction-id (3)               1  hop-count
 *   4  options                          2  link-address (16)
 *                                      18  peer-address (16)
 *                                      34  options, one of them Relay Message (9) holding the inner message
 * option (§21.1): option-code (2), option-len (2), option-data
 * </pre>
 * At most {@link #MAX_RELAY_DEPTH} relay headers are walked. The innermost relay (the agent nearest the
 * client) is the one whose peer-address and client link-layer address (RFC 6939) are kept.
 */
public final class Dhcpv6Message {
    static final int CLIENT_SERVER_HEADER_LENGTH = 4;
    static final int LINK_ADDRESS_OFFSET = 2;
    static final int PEER_ADDRESS_OFFSET = 18;
    static final int RELAY_HEADER_LENGTH = 34;
    static final int OPTION_HEADER_LENGTH = 4;
    /** RFC 8415 §7.6 HOP_COUNT_LIMIT: no more relay agents than this between a client and a server. */
    public static final int MAX_RELAY_DEPTH = 8;
    /** RFC 8415 §11.1: a 2-octet type and at most 128 octets of identifier. */
    public static final int MAX_DUID_LENGTH = 130;
    /** The highest message type IANA had assigned when this was written (RFC 9686 ADDR-REG-REPLY = 37). */
    static final int MAX_MESSAGE_TYPE = 37;

    // Message types, RFC 8415 §7.3.
    public static final int SOLICIT = 1;
    public static final int ADVERTISE = 2;
    public static final int REQUEST = 3;
    public static final int CONFIRM = 4;
    public static final int RENEW = 5;
    public static final int REBIND = 6;
    public static final int REPLY = 7;
    public static final int RELEASE = 8;
    public static final int DECLINE = 9;
    public static final int RECONFIGURE = 10;
    public static final int INFORMATION_REQUEST = 11;
    public static final int RELAY_FORW = 12;
    public static final int RELAY_REPL = 13;

    // Option codes, RFC 8415 §21 unless noted.
    static final int OPTION_CLIENTID = 1;
    static final int OPTION_SERVERID = 2;
    static final int OPTION_IA_NA = 3;
    static final int OPTION_IA_TA = 4;
    static final int OPTION_IAADDR = 5;
    static final int OPTION_ORO = 6;
    static final int OPTION_RELAY_MSG = 9;
    static final int OPTION_USER_CLASS = 15;
    static final int OPTION_VENDOR_CLASS = 16;
    /** RFC 4704. */
    static final int OPTION_CLIENT_FQDN = 39;
    /** RFC 6939: link-layer type (2) and address, added by the relay agent nearest the client. */
    static final int OPTION_CLIENT_LINKLAYER_ADDR = 79;
    /** RFC 826 / IANA hardware types whose addresses are 48-bit MACs. */
    static final int HARDWARE_ETHERNET = 1;
    static final int HARDWARE_IEEE802 = 6;

    private Payload payload;
    private int type;
    private int outerType;
    private int relayDepth;
    private boolean malformed;
    private int optionsStart;
    private int optionsEnd;
    private long linkAddressHi, linkAddressLo, peerAddressHi, peerAddressLo;
    private long clientLinkLayerMac;
    private int clientIdAt, clientIdLength;
    private int serverIdAt, serverIdLength;
    private int oroAt, oroLength;
    private int userClassAt, userClassLength;
    private int vendorClassAt, vendorClassLength;
    private int fqdnAt, fqdnLength;
    private int relayMessageAt, relayMessageLength;

    /** Detection: a known message type and room for its header. */
    public static boolean detect(Payload p) {
        int t = p.u8(0);
        if (t < SOLICIT || t > MAX_MESSAGE_TYPE) return false;
        return p.has(0, t == RELAY_FORW || t == RELAY_REPL ? RELAY_HEADER_LENGTH : CLIENT_SERVER_HEADER_LENGTH);
    }

    /** Positions the view on {@code p}, walking relay messages inwards; false when it is not DHCPv6. */
    public boolean decode(Payload p) {
        if (!detect(p)) return false;
        payload = p;
        reset();
        outerType = p.u8(0);
        int start = 0;
        int end = p.length();
        while (true) {
            int t = p.u8(start);
            type = t;
            if (t != RELAY_FORW && t != RELAY_REPL) break;
            if (end - start < RELAY_HEADER_LENGTH || relayDepth == MAX_RELAY_DEPTH) {
                malformed = true;
                return true;
            }
            relayDepth++;
            linkAddressHi = p.u32(start + LINK_ADDRESS_OFFSET) << 32 | p.u32(start + LINK_ADDRESS_OFFSET + 4);
            linkAddressLo = p.u32(start + LINK_ADDRESS_OFFSET + 8) << 32 | p.u32(start + LINK_ADDRESS_OFFSET + 12);
            peerAddressHi = p.u32(start + PEER_ADDRESS_OFFSET) << 32 | p.u32(start + PEER_ADDRESS_OFFSET + 4);
            peerAddressLo = p.u32(start + PEER_ADDRESS_OFFSET + 8) << 32 | p.u32(start + PEER_ADDRESS_OFFSET + 12);
            clientLinkLayerMac = Packet.NO_MAC;
            relayMessageAt = -1;
            scan(start + RELAY_HEADER_LENGTH, end, true);
            // RFC 8415 §9.1: a relay message must carry one; an empty one carries nothing to read.
            if (relayMessageAt < 0 || relayMessageLength < 1) {
                malformed = true;
                return true;
            }
            start = relayMessageAt;
            end = relayMessageAt + relayMessageLength;
        }
        if (end - start < CLIENT_SERVER_HEADER_LENGTH) {
            malformed = true;
            return true;
        }
        optionsStart = start + CLIENT_SERVER_HEADER_LENGTH;
        optionsEnd = end;
        scan(optionsStart, optionsEnd, false);
        return true;
    }

    private void reset() {
        type = outerType = relayDepth = 0;
        malformed = false;
        optionsStart = optionsEnd = 0;
        linkAddressHi = linkAddressLo = peerAddressHi = peerAddressLo = 0;
        clientLinkLayerMac = Packet.NO_MAC;
        clientIdAt = serverIdAt = oroAt = userClassAt = vendorClassAt = fqdnAt = relayMessageAt = -1;
        clientIdLength = serverIdLength = oroLength = userClassLength = vendorClassLength = fqdnLength = 0;
        relayMessageLength = 0;
    }

    /** Indexes the first occurrence of each option read; stops at an option running past {@code end}. */
    private void scan(int from, int end, boolean relay) {
        Payload p = payload;
        int at = from;
        while (at + OPTION_HEADER_LENGTH <= end) {
            int code = p.u16(at);
            int length = p.u16(at + 2);
            int value = at + OPTION_HEADER_LENGTH;
            if (length < 0 || value + length > end) break;
            if (relay) {
                if (code == OPTION_RELAY_MSG && relayMessageAt < 0) {
                    relayMessageAt = value;
                    relayMessageLength = length;
                } else if (code == OPTION_CLIENT_LINKLAYER_ADDR && length == 8) {
                    int hardware = p.u16(value);
                    if (hardware == HARDWARE_ETHERNET || hardware == HARDWARE_IEEE802) {
                        clientLinkLayerMac = (long) p.u16(value + 2) << 32 | p.u32(value + 4);
                    }
                }
            } else {
                switch (code) {
                    case OPTION_CLIENTID -> { if (clientIdAt < 0) { clientIdAt = value; clientIdLength = length; } }
                    case OPTION_SERVERID -> { if (serverIdAt < 0) { serverIdAt = value; serverIdLength = length; } }
                    case OPTION_ORO -> { if (oroAt < 0) { oroAt = value; oroLength = length; } }
                    case OPTION_USER_CLASS -> { if (userClassAt < 0) { userClassAt = value; userClassLength = length; } }
                    case OPTION_VENDOR_CLASS -> { if (vendorClassAt < 0) { vendorClassAt = value; vendorClassLength = length; } }
                    case OPTION_CLIENT_FQDN -> { if (fqdnAt < 0) { fqdnAt = value; fqdnLength = length; } }
                    default -> { }
                }
            }
            at = value + length;
        }
        if (at != end) malformed = true;
    }

    /** The type of the innermost message: the client's or server's, unless a relay message was broken. */
    public int type() { return type; }
    /** The type of the message as sent: RELAY-FORW or RELAY-REPL when relayed, else {@link #type()}. */
    public int outerType() { return outerType; }
    /** Relay headers walked to reach {@link #type()}; 0 when the message was not relayed. */
    public int relayDepth() { return relayDepth; }
    /** True when a length ran past its container, a relay carried no message, or relays nested too deep. */
    public boolean malformed() { return malformed; }

    /** Options of the innermost client/server message, as payload offsets [start, end). */
    public int optionsStart() { return optionsStart; }
    public int optionsEnd() { return optionsEnd; }

    /** link-address and peer-address of the innermost relay header (:: when not relayed). */
    public long linkAddressHi() { return linkAddressHi; }
    public long linkAddressLo() { return linkAddressLo; }
    public long peerAddressHi() { return peerAddressHi; }
    public long peerAddressLo() { return peerAddressLo; }
    /** The client's MAC from the innermost relay's RFC 6939 option, {@link Packet#NO_MAC} without one. */
    public long clientLinkLayerMac() { return clientLinkLayerMac; }

    /** Offset of the first Client Identifier option's value, -1 when absent; likewise for the others. */
    public int clientIdAt() { return clientIdAt; }
    public int clientIdLength() { return clientIdLength; }
    public int serverIdAt() { return serverIdAt; }
    public int serverIdLength() { return serverIdLength; }
    public int oroAt() { return oroAt; }
    public int oroLength() { return oroLength; }
    public int userClassAt() { return userClassAt; }
    public int userClassLength() { return userClassLength; }
    public int vendorClassAt() { return vendorClassAt; }
    public int vendorClassLength() { return vendorClassLength; }
    public int fqdnAt() { return fqdnAt; }
    public int fqdnLength() { return fqdnLength; }
}
