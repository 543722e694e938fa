package io.osprey.dissect.dhcp;

import io.osprey.dissect.Attributes;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Host;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;

/**
 * DHCPv4 (RFC 2131) and BOOTP (RFC 951) on UDP 67/68, seen from the client, the server or between a relay
 * agent and the server.
 * <ul>
 *   <li>Client messages (BOOTREQUEST) describe the client named by chaddr, whoever sent the frame: its
 *   hostname, vendor class, parameter request list and the other options of {@link DhcpAttributes}.</li>
 *   <li>A DHCPACK binds chaddr to yiaddr (or to ciaddr when it answers a DHCPINFORM, RFC 2131 §4.3.5), and
 *   so does a plain BOOTP reply; a DHCPINFORM binds the client to its own ciaddr.</li>
 *   <li>A DHCPOFFER, DHCPACK or DHCPNAK proves a DHCP server: the one named by option 54, else the
 *   sender.</li>
 *   <li>A non-zero giaddr names a relay agent.</li>
 * </ul>
 * Each fact is reported once per host (see {@link SeenValues}).
 *
 * <p>A DHCPOFFER or DHCPACK is also reported as an {@link Observation.Operation} ({@value #OFFER}, {@value #ACK}) from
 * the client it answers (chaddr, and the address it is given) to the server (as above), once per server, client,
 * type and detail "server-id=10.0.0.1 router=10.0.0.1" (option 54 and the addresses of option 3, comma-separated,
 * "none" when absent): the alert engine finds a rogue DHCP server among the servers that answer.
 */
public final class DhcpDissector implements Dissector {
    public static final String NAME = "dhcp";
    /** RFC 2131 §4.1: servers and relay agents listen on 67, clients on 68. */
    public static final int SERVER_PORT = 67;
    public static final int CLIENT_PORT = 68;
    /** Facts remembered for de-duplication before the set starts over. */
    static final int MAX_REMEMBERED_FACTS = 1 << 18;

    // Option codes: RFC 2132 unless noted.
    static final int OPTION_HOSTNAME = 12;
    static final int OPTION_REQUESTED_IP = 50;
    static final int OPTION_MESSAGE_TYPE = 53;
    static final int OPTION_SERVER_ID = 54;
    /** Router option (RFC 2132 §3.5): the client's default routers, in order of preference. */
    static final int OPTION_ROUTER = 3;
    static final int OPTION_PARAMETER_REQUEST_LIST = 55;
    static final int OPTION_MAX_MESSAGE_SIZE = 57;
    static final int OPTION_VENDOR_CLASS = 60;
    static final int OPTION_CLIENT_ID = 61;
    /** RFC 3004. */
    static final int OPTION_USER_CLASS = 77;
    /** RFC 4702. */
    static final int OPTION_CLIENT_FQDN = 81;
    /** RFC 3046. */
    static final int OPTION_RELAY_AGENT_INFO = 82;
    /** RFC 4702 §2.1: the fixed flags, RCODE1 and RCODE2 bytes before the name. */
    static final int FQDN_HEADER_LENGTH = 3;
    /** RFC 4702 §2.1: the E bit says the name is in DNS wire format rather than ASCII. */
    static final int FQDN_FLAG_E = 0x04;
    /** Routers of option 3 written in an operation's detail. */
    public static final int MAX_ROUTERS = 8;
    /** The operations reported for a DHCPOFFER and a DHCPACK. */
    public static final String OFFER = "offer", ACK = "ack";

    // Message types (option 53): RFC 2132 §9.6, RFC 3203, RFC 4388, RFC 6926, RFC 7724.
    static final int DHCPDISCOVER = 1;
    static final int DHCPOFFER = 2;
    static final int DHCPREQUEST = 3;
    static final int DHCPDECLINE = 4;
    static final int DHCPACK = 5;
    static final int DHCPNAK = 6;
    static final int DHCPRELEASE = 7;
    static final int DHCPINFORM = 8;
    private static final String[] MESSAGE_TYPES = {
        null, "DISCOVER", "OFFER", "REQUEST", "DECLINE", "ACK", "NAK", "RELEASE", "INFORM", "FORCERENEW",
        "LEASEQUERY", "LEASEUNASSIGNED", "LEASEUNKNOWN", "LEASEACTIVE", "BULKLEASEQUERY", "LEASEQUERYDONE",
        "ACTIVELEASEQUERY", "LEASEQUERYSTATUS", "TLS"};

    // Numbers that key each kind of fact in the seen set.
    private static final int FACT_PROTOCOL = 1;
    private static final int FACT_MESSAGE_TYPE = 2;
    private static final int FACT_HOSTNAME = 3;
    private static final int FACT_VENDOR_CLASS = 4;
    private static final int FACT_PARAMETER_REQUEST_LIST = 5;
    private static final int FACT_CLIENT_ID = 6;
    private static final int FACT_MAX_MESSAGE_SIZE = 7;
    private static final int FACT_REQUESTED_IP = 8;
    private static final int FACT_USER_CLASS = 9;
    private static final int FACT_CLIENT_FQDN = 10;
    private static final int FACT_OPTIONS = 11;
    private static final int FACT_RELAY_AGENT_INFO = 12;
    private static final int FACT_RELAY_AGENT = 13;
    private static final int FACT_ROLE_SERVER = 14;
    private static final int FACT_ROLE_RELAY = 15;
    private static final int FACT_SERVICE = 16;
    private static final int FACT_BINDING = 17;
    private static final int FACT_ROLE_GATEWAY = 18;

    private final DhcpMessage message = new DhcpMessage();
    private final SeenValues seen = new SeenValues(MAX_REMEMBERED_FACTS);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();

    // The host the facts of the current packet are about, and where they go.
    private long hostMac;
    private long hostIpHi;
    private long hostIpLo;
    private long timestamp;
    private ObservationSink sink;
    private Payload payload;

    private long messages;
    private long notDhcp;
    private long malformed;
    private long anonymous;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Every packet: all clients of a segment broadcast from 0.0.0.0:68 to 255.255.255.255:67, one flow that
     * never idles on a busy network, so a per-flow packet budget would hide every client after the first few.
     */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(SERVER_PORT, CLIENT_PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!message.decode(payload)) {
            notDhcp++;
            return;
        }
        messages++;
        this.payload = payload;
        this.sink = sink;
        this.timestamp = packet.timestampNanos();
        try {
            read(packet);
        } finally {
            // The payload and sink are the pipeline's, reused for the next packet: hold on to neither.
            this.payload = null;
            this.sink = null;
        }
    }

    private void read(Packet packet) {
        if (!message.hasMagicCookie()) {
            bootp(packet);
            return;
        }
        if (message.optionsTruncated()) malformed++;
        int type = message.u8Option(OPTION_MESSAGE_TYPE);
        if (message.op() == DhcpMessage.BOOTREQUEST) {
            if (isClientMessage(type)) client(type);
        } else {
            server(packet, type);
        }
    }

    /** A BOOTREQUEST: facts about the client named by chaddr (or by ciaddr when chaddr is no MAC). */
    private void client(int type) {
        long mac = message.clientMac();
        int ciaddr = message.ciaddr();
        if (mac == Packet.NO_MAC && ciaddr == 0) {
            anonymous++;
            return;
        }
        about(mac, mac == Packet.NO_MAC ? ipv4Lo(ciaddr) : 0);
        if (firstTime(SeenValues.key(FACT_PROTOCOL, 0))) emit(Attributes.PROTOCOL, NAME);
        if (type > 0 && firstTime(SeenValues.key(FACT_MESSAGE_TYPE, type))) {
            emit(DhcpAttributes.MESSAGE_TYPE, messageTypeName(type));
        }
        textOption(OPTION_HOSTNAME, FACT_HOSTNAME, DhcpAttributes.HOSTNAME);
        textOption(OPTION_VENDOR_CLASS, FACT_VENDOR_CLASS, DhcpAttributes.VENDOR_CLASS);

        int at = message.optionOffset(OPTION_PARAMETER_REQUEST_LIST);
        int n = message.optionLength(OPTION_PARAMETER_REQUEST_LIST);
        if (n > 0 && firstTime(SeenValues.key(FACT_PARAMETER_REQUEST_LIST, payload, at, n))) {
            emit(DhcpAttributes.PARAMETER_REQUEST_LIST, OptionText.decimalList(payload, at, n, 1));
        }
        // RFC 2132 §9.14: a type byte and at least one byte of identifier.
        at = message.optionOffset(OPTION_CLIENT_ID);
        n = message.optionLength(OPTION_CLIENT_ID);
        if (n >= 2 && firstTime(SeenValues.key(FACT_CLIENT_ID, payload, at, n))) {
            emit(DhcpAttributes.CLIENT_ID, OptionText.hex(payload, at, n));
        }
        if (message.optionLength(OPTION_MAX_MESSAGE_SIZE) == 2) {
            int size = payload.u16(message.optionOffset(OPTION_MAX_MESSAGE_SIZE));
            if (firstTime(SeenValues.key(FACT_MAX_MESSAGE_SIZE, size))) {
                emit(DhcpAttributes.MAX_MESSAGE_SIZE, Integer.toString(size));
            }
        }
        int requested = message.ipv4Option(OPTION_REQUESTED_IP);
        if (requested != 0 && firstTime(SeenValues.key(FACT_REQUESTED_IP, requested))) {
            emit(DhcpAttributes.REQUESTED_IP, OptionText.ipv4(requested));
        }
        at = message.optionOffset(OPTION_USER_CLASS);
        n = message.optionLength(OPTION_USER_CLASS);
        if (n > 0 && firstTime(SeenValues.key(FACT_USER_CLASS, payload, at, n))) {
            emit(DhcpAttributes.USER_CLASS, userClass(at, n));
        }
        clientFqdn();
        if (message.optionCount() > 0 && firstTime(SeenValues.key(FACT_OPTIONS, message.optionOrderHash()))) {
            emit(DhcpAttributes.OPTIONS, optionList());
        }
        relayAgentInformation();

        int giaddr = message.giaddr();
        if (giaddr != 0 && firstTime(SeenValues.key(FACT_RELAY_AGENT, giaddr))) {
            emit(DhcpAttributes.RELAY_AGENT, OptionText.ipv4(giaddr));
        }
        // RFC 2131 §4.4.3: a client with an address configured some other way tells it in ciaddr.
        if (type == DHCPINFORM && mac != Packet.NO_MAC && ciaddr != 0) binding(mac, ciaddr);
        if (giaddr != 0) relayAgent(giaddr);
    }

    /**
     * A BOOTREPLY. OFFER, ACK and NAK come from a server; it names itself in option 54 (RFC 2131 §4.3.1),
     * which matters when a relay agent passes the reply on and the sender is the relay.
     */
    private void server(Packet packet, int type) {
        if (type != DHCPOFFER && type != DHCPACK && type != DHCPNAK) return;
        int source = packet.ipVersion() == 4 ? packet.srcIpv4() : 0;
        int giaddr = message.giaddr();
        int serverId = message.ipv4Option(OPTION_SERVER_ID);
        int server = serverId != 0 ? serverId : giaddr != 0 && source == giaddr ? 0 : source;
        if (server != 0) {
            // The frame's source MAC is the server's only when the server sent the reply on the client's
            // own link: not relayed, and not a unicast to an existing ciaddr, which may cross routers.
            boolean onLink = source == server && giaddr == 0 && message.ciaddr() == 0;
            about(onLink ? packet.srcMac() : Packet.NO_MAC, ipv4Lo(server));
            if (firstTime(SeenValues.key(FACT_SERVICE, 0))) {
                sink.accept(new Observation.Service(host(), SERVER_PORT, Observation.Transport.UDP, NAME, NAME,
                        timestamp));
            }
            if (firstTime(SeenValues.key(FACT_ROLE_SERVER, 0))) emit(DhcpAttributes.ROLE, DhcpAttributes.ROLE_SERVER);
            if (firstTime(SeenValues.key(FACT_PROTOCOL, 0))) emit(Attributes.PROTOCOL, NAME);
            // A server that offers itself as the default router is the network's gateway (a home or branch router).
            if (type != DHCPNAK && message.firstIpv4Option(OPTION_ROUTER) == server
                    && firstTime(SeenValues.key(FACT_ROLE_GATEWAY, 0))) {
                emit(Attributes.ROLE, Attributes.ROLE_GATEWAY);
            }
            if (type != DHCPNAK) answered(packet, type, onLink ? packet.srcMac() : Packet.NO_MAC, server);
        }
        if (type == DHCPACK) {
            long mac = message.clientMac();
            // RFC 2131 §4.3.5: the ACK to a DHCPINFORM leaves yiaddr 0 and echoes the client's ciaddr.
            int address = message.yiaddr() != 0 ? message.yiaddr() : message.ciaddr();
            if (mac != Packet.NO_MAC && address != 0) binding(mac, address);
        }
        if (giaddr != 0) relayAgent(giaddr);
    }

    /**
     * Reports the offer or ack from the server to the client it answers: chaddr, else the frame's destination when it
     * is a unicast MAC; the address given (yiaddr, or ciaddr for the ack to a DHCPINFORM, RFC 2131 §4.3.5).
     */
    private void answered(Packet packet, int type, long serverMac, int server) {
        long mac = message.clientMac();
        if (mac == Packet.NO_MAC && !Addresses.isMulticastMac(packet.dstMac()) && packet.dstMac() != 0) {
            mac = packet.dstMac();
        }
        int address = message.yiaddr() != 0 ? message.yiaddr() : message.ciaddr();
        if (mac == Packet.NO_MAC && address == 0) return;
        detail.clear().append("server-id=");
        int serverId = message.ipv4Option(OPTION_SERVER_ID);
        if (serverId != 0) appendIpv4(serverId);
        else detail.append("none");
        detail.append(" router=");
        // RFC 2132 §3.5: a list of addresses, at least one
        int at = message.optionOffset(OPTION_ROUTER), length = message.optionLength(OPTION_ROUTER);
        if (length < 4 || length % 4 != 0) {
            detail.append("none");
        } else {
            for (int i = 0; i < Math.min(length / 4, MAX_ROUTERS); i++) {
                if (i > 0) detail.append(',');
                appendIpv4((int) payload.u32(at + 4 * i));
            }
        }
        operations.between(mac, 0, address == 0 ? 0 : ipv4Lo(address), serverMac, 0, ipv4Lo(server), timestamp)
                .once(sink, type == DHCPOFFER ? OFFER : ACK, detail);
    }

    private void appendIpv4(int a) {
        detail.appendDecimal(a >>> 24).append('.').appendDecimal(a >>> 16 & 0xff).append('.')
                .appendDecimal(a >>> 8 & 0xff).append('.').appendDecimal(a & 0xff);
    }

    /** Plain BOOTP (RFC 951 §3): a reply from the server port gives the client its address in yiaddr. */
    private void bootp(Packet packet) {
        if (message.op() != DhcpMessage.BOOTREPLY || packet.srcPort() != SERVER_PORT) return;
        long mac = message.clientMac();
        int yiaddr = message.yiaddr();
        if (mac != Packet.NO_MAC && yiaddr != 0) binding(mac, yiaddr);
    }

    private void binding(long mac, int address) {
        long lo = ipv4Lo(address);
        if (seen.firstTime(mac, 0, lo, SeenValues.key(FACT_BINDING, 0))) {
            sink.accept(new Observation.Binding(mac, 0, lo, NAME, timestamp));
        }
    }

    private void relayAgent(int giaddr) {
        about(Packet.NO_MAC, ipv4Lo(giaddr));
        if (firstTime(SeenValues.key(FACT_ROLE_RELAY, 0))) emit(DhcpAttributes.ROLE, DhcpAttributes.ROLE_RELAY);
    }

    private void textOption(int code, int fact, String attribute) {
        int at = message.optionOffset(code);
        int n = trimmedLength(at, message.optionLength(code));
        if (n > 0 && firstTime(SeenValues.key(fact, payload, at, n))) {
            emit(attribute, OptionText.text(payload, at, n));
        }
    }

    /** RFC 4702 §2: flags, RCODE1, RCODE2, then the name in wire format (E set) or ASCII (E clear). */
    private void clientFqdn() {
        int at = message.optionOffset(OPTION_CLIENT_FQDN);
        int n = message.optionLength(OPTION_CLIENT_FQDN) - FQDN_HEADER_LENGTH;
        if (n <= 0) return;
        int nameAt = at + FQDN_HEADER_LENGTH;
        boolean wire = (payload.u8(at) & FQDN_FLAG_E) != 0;
        if (!wire) n = trimmedLength(nameAt, n);
        if (n <= 0 || !firstTime(SeenValues.key(FACT_CLIENT_FQDN, payload, nameAt, n))) return;
        String name = wire ? OptionText.dnsName(payload, nameAt, n) : OptionText.text(payload, nameAt, n);
        if (name == null) {
            malformed++;
        } else if (!name.isEmpty()) {
            emit(DhcpAttributes.CLIENT_FQDN, name);
        }
    }

    /** RFC 3046 §2.0: sub-options of code, length, value; only their codes are reported. */
    private void relayAgentInformation() {
        int at = message.optionOffset(OPTION_RELAY_AGENT_INFO);
        int end = at + message.optionLength(OPTION_RELAY_AGENT_INFO);
        if (at < 0) return;
        long codes = 0;
        int count = 0;
        for (int i = at; i + 2 <= end; i += 2 + payload.u8(i + 1)) {
            codes = codes * 0x100000001b3L + payload.u8(i) + 1;
            count++;
        }
        // RFC 3046 §2.0: at least one sub-option.
        if (count == 0) {
            malformed++;
            return;
        }
        if (!firstTime(SeenValues.key(FACT_RELAY_AGENT_INFO, codes))) return;
        StringBuilder s = new StringBuilder(count * 3);
        for (int i = at; i + 2 <= end; i += 2 + payload.u8(i + 1)) {
            if (!s.isEmpty()) s.append(',');
            s.append(payload.u8(i));
        }
        emit(DhcpAttributes.RELAY_AGENT_INFO, s.toString());
    }

    /**
     * RFC 3004: instances of a length byte and that many bytes of data. Clients that predate it send
     * one bare string; whatever does not split exactly into instances is taken as that.
     */
    private String userClass(int at, int n) {
        int i = 0;
        while (i < n) {
            int length = payload.u8(at + i);
            if (length <= 0 || i + 1 + length > n) return OptionText.text(payload, at, n);
            i += 1 + length;
        }
        StringBuilder s = new StringBuilder(n);
        for (i = 0; i < n; i += 1 + payload.u8(at + i)) {
            if (!s.isEmpty()) s.append(',');
            s.append(OptionText.text(payload, at + i + 1, payload.u8(at + i)));
        }
        return s.toString();
    }

    private String optionList() {
        int listed = Math.min(message.optionCount(), DhcpMessage.MAX_LISTED_OPTIONS);
        StringBuilder s = new StringBuilder(listed * 3);
        for (int i = 0; i < listed; i++) {
            if (i > 0) s.append(',');
            s.append(message.optionCode(i));
        }
        return s.toString();
    }

    /**
     * The BOOTREQUESTs a client sends (RFC 2131 §3.1), or BOOTP with the cookie but no option 53 (RFC 1497
     * vendor extensions). Lease queries (RFC 4388, 6926, 7724) come from relay agents and name the client
     * they ask about, so they say nothing of the sender's or the client's configuration.
     */
    private static boolean isClientMessage(int type) {
        return type < 0 || type == DHCPDISCOVER || type == DHCPREQUEST || type == DHCPDECLINE || type == DHCPRELEASE
                || type == DHCPINFORM;
    }

    static String messageTypeName(int type) {
        return type < MESSAGE_TYPES.length && MESSAGE_TYPES[type] != null ? MESSAGE_TYPES[type] : Integer.toString(type);
    }

    /** {@code n} without the NULs some clients append (they count the C string terminator). */
    private int trimmedLength(int at, int n) {
        while (n > 0 && payload.u8(at + n - 1) == 0) n--;
        return n;
    }

    private static long ipv4Lo(int address) {
        return Packet.IPV4_MAPPED_PREFIX | address & 0xffff_ffffL;
    }

    private void about(long mac, long ipLo) {
        hostMac = mac;
        hostIpHi = 0;
        hostIpLo = ipLo;
    }

    private boolean firstTime(long valueKey) {
        return seen.firstTime(hostMac, hostIpHi, hostIpLo, valueKey);
    }

    private Host host() {
        return new Host(hostMac, hostIpHi, hostIpLo);
    }

    /** Reports an attribute; an empty value (a string of NULs, say) tells nothing and is dropped. */
    private void emit(String attribute, String value) {
        if (value.isEmpty()) return;
        sink.accept(new Observation.Attribute(host(), attribute, value, NAME, 1.0, timestamp));
    }

    /** Messages decoded (DHCP or BOOTP). */
    public long messages() { return messages; }
    /** Payloads on the DHCP ports that were not BOOTP/DHCP. */
    public long notDhcp() { return notDhcp; }
    /** Messages with an option running past the packet or an undecodable client FQDN. */
    public long malformed() { return malformed; }
    /** Client messages with neither a MAC in chaddr nor a ciaddr: nobody to attach their facts to. */
    public long anonymous() { return anonymous; }
}
