package io.osprey.dissect.dhcpv6;

import io.osprey.dissect.Attributes;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Host;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dhcp.OptionText;
import io.osprey.dissect.dhcp.SeenValues;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.Packet;

/**
 * DHCPv6 (RFC 8415) on UDP 546/547.
 * <ul>
 *   <li>Client messages describe the client: the frame's sender when it came straight from the client's
 *   link-local address, else the peer-address of the innermost relay with the RFC 6939 link-layer address
 *   when the relay added one. Facts: {@link Dhcpv6Attributes}.</li>
 *   <li>ADVERTISE and REPLY (and RELAY-REPL) prove a host answering on 547. It is the server, or a relay
 *   agent passing the server's answer on to the client (RFC 8415 §19.2), which nothing in the message
 *   tells apart: the server role and DUID are reported with confidence {@value #SERVER_CONFIDENCE}.</li>
 *   <li>The sender of a RELAY-FORW is a relay agent.</li>
 *   <li>A REPLY sent to a client's link-local address binds the destination MAC to the addresses of its
 *   IA_NA/IA_TA options that have a non-zero valid lifetime (RFC 8415 §21.6).</li>
 * </ul>
 */
public final class Dhcpv6Dissector implements Dissector {
    public static final String NAME = "dhcpv6";
    /** RFC 8415 §7.2. */
    public static final int CLIENT_PORT = 546;
    public static final int SERVER_PORT = 547;
    static final double SERVER_CONFIDENCE = 0.9;
    static final int MAX_REMEMBERED_FACTS = 1 << 18;

    // DUID types, RFC 8415 §11.1 and RFC 6355.
    static final int DUID_LLT = 1;
    static final int DUID_EN = 2;
    static final int DUID_LL = 3;
    static final int DUID_UUID = 4;
    private static final String[] DUID_TYPES = {null, "LLT", "EN", "LL", "UUID"};
    /** RFC 8415 §11.2: type (2), hardware type (2), time (4), link-layer address. */
    static final int DUID_LLT_ADDRESS_OFFSET = 8;
    /** RFC 8415 §11.4: type (2), hardware type (2), link-layer address. */
    static final int DUID_LL_ADDRESS_OFFSET = 4;
    /** RFC 8415 §21.4, §21.5, §21.6: IA_NA's IAID, T1, T2 and IA_TA's IAID come before their options. */
    static final int IA_NA_HEADER_LENGTH = 12;
    static final int IA_TA_HEADER_LENGTH = 4;
    /** RFC 8415 §21.6: address (16), preferred lifetime (4), valid lifetime (4). */
    static final int IAADDR_LENGTH = 24;
    static final int IAADDR_VALID_LIFETIME_OFFSET = 20;
    /** RFC 4704 §4: one byte of flags before the name. */
    static final int FQDN_FLAGS_LENGTH = 1;

    private static final String[] MESSAGE_TYPES = {
        null, "SOLICIT", "ADVERTISE", "REQUEST", "CONFIRM", "RENEW", "REBIND", "REPLY", "RELEASE", "DECLINE",
        "RECONFIGURE", "INFORMATION-REQUEST", "RELAY-FORW", "RELAY-REPL", "LEASEQUERY", "LEASEQUERY-REPLY",
        "LEASEQUERY-DONE", "LEASEQUERY-DATA", "RECONFIGURE-REQUEST", "RECONFIGURE-REPLY", "DHCPV4-QUERY",
        "DHCPV4-RESPONSE"};

    private static final int FACT_PROTOCOL = 1;
    private static final int FACT_MESSAGE_TYPE = 2;
    private static final int FACT_DUID = 3;
    private static final int FACT_OPTION_REQUEST = 4;
    private static final int FACT_VENDOR_CLASS = 5;
    private static final int FACT_VENDOR_ENTERPRISE = 6;
    private static final int FACT_USER_CLASS = 7;
    private static final int FACT_FQDN = 8;
    private static final int FACT_RELAY_LINK_ADDRESS = 9;
    private static final int FACT_ROLE_SERVER = 10;
    private static final int FACT_ROLE_RELAY = 11;
    private static final int FACT_SERVICE = 12;
    private static final int FACT_BINDING = 13;

    private final Dhcpv6Message message = new Dhcpv6Message();
    private final SeenValues seen = new SeenValues(MAX_REMEMBERED_FACTS);

    private long hostMac;
    private long hostIpHi;
    private long hostIpLo;
    private long timestamp;
    private ObservationSink sink;
    private Payload payload;

    private long messages;
    private long notDhcpv6;
    private long malformed;

    @Override
    public String name() {
        return NAME;
    }

    /** Every packet: renewals keep one client flow alive for the whole lease, so no per-flow budget. */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(CLIENT_PORT, SERVER_PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (packet.ipVersion() != 6 || !message.decode(payload)) {
            notDhcpv6++;
            return;
        }
        messages++;
        if (message.malformed()) malformed++;
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
        if (message.outerType() == Dhcpv6Message.RELAY_FORW) {
            about(Packet.NO_MAC, packet.srcIpHi(), packet.srcIpLo());
            if (firstTime(SeenValues.key(FACT_ROLE_RELAY, 0))) {
                emit(Dhcpv6Attributes.ROLE, Dhcpv6Attributes.ROLE_RELAY, 1.0);
            }
        }
        int type = message.type();
        if (isClientMessage(type)) {
            client(packet, type);
        } else if (type == Dhcpv6Message.ADVERTISE || type == Dhcpv6Message.REPLY) {
            server(packet, type);
        }
    }

    /** RFC 8415 §7.3: the messages a client sends. */
    private static boolean isClientMessage(int type) {
        return switch (type) {
            case Dhcpv6Message.SOLICIT, Dhcpv6Message.REQUEST, Dhcpv6Message.CONFIRM, Dhcpv6Message.RENEW,
                 Dhcpv6Message.REBIND, Dhcpv6Message.RELEASE, Dhcpv6Message.DECLINE,
                 Dhcpv6Message.INFORMATION_REQUEST -> true;
            default -> false;
        };
    }

    private void client(Packet packet, int type) {
        if (message.relayDepth() == 0) {
            // Straight from the client: its MAC is the frame's when it sent from its link-local address.
            long hi = packet.srcIpHi();
            long lo = packet.srcIpLo();
            about(Addresses.isLinkLocal(hi, lo) ? packet.srcMac() : Packet.NO_MAC, hi, lo);
        } else {
            about(message.clientLinkLayerMac(), message.peerAddressHi(), message.peerAddressLo());
        }
        if (hostMac == Packet.NO_MAC && hostIpHi == 0 && hostIpLo == 0) return;
        if (firstTime(SeenValues.key(FACT_PROTOCOL, 0))) emit(Attributes.PROTOCOL, NAME, 1.0);
        if (firstTime(SeenValues.key(FACT_MESSAGE_TYPE, type))) emit(Dhcpv6Attributes.MESSAGE_TYPE, messageTypeName(type), 1.0);
        duid(message.clientIdAt(), message.clientIdLength(), 1.0);

        int at = message.oroAt();
        int n = message.oroLength();
        if (n >= 2 && firstTime(SeenValues.key(FACT_OPTION_REQUEST, payload, at, n))) {
            emit(Dhcpv6Attributes.OPTION_REQUEST, OptionText.decimalList(payload, at, n, 2), 1.0);
        }
        // RFC 8415 §21.16: enterprise-number (4), then vendor-class-data.
        at = message.vendorClassAt();
        n = message.vendorClassLength();
        if (n >= 4) {
            long enterprise = payload.u32(at);
            if (firstTime(SeenValues.key(FACT_VENDOR_ENTERPRISE, enterprise))) {
                emit(Dhcpv6Attributes.VENDOR_ENTERPRISE, Long.toString(enterprise), 1.0);
            }
            if (n > 4 && firstTime(SeenValues.key(FACT_VENDOR_CLASS, payload, at + 4, n - 4))) {
                String data = opaqueList(at + 4, n - 4);
                if (data != null) emit(Dhcpv6Attributes.VENDOR_CLASS, data, 1.0);
            }
        }
        at = message.userClassAt();
        n = message.userClassLength();
        if (n > 0 && firstTime(SeenValues.key(FACT_USER_CLASS, payload, at, n))) {
            String data = opaqueList(at, n);
            if (data != null) emit(Dhcpv6Attributes.USER_CLASS, data, 1.0);
        }
        fqdn();
        if (message.relayDepth() > 0 && (message.linkAddressHi() != 0 || message.linkAddressLo() != 0)) {
            long key = message.linkAddressHi() * 0x9E3779B97F4A7C15L ^ message.linkAddressLo();
            if (firstTime(SeenValues.key(FACT_RELAY_LINK_ADDRESS, key))) {
                emit(Dhcpv6Attributes.RELAY_LINK_ADDRESS,
                        Addresses.ip(message.linkAddressHi(), message.linkAddressLo()), 1.0);
            }
        }
    }

    private void server(Packet packet, int type) {
        long hi = packet.srcIpHi();
        long lo = packet.srcIpLo();
        boolean direct = message.relayDepth() == 0;
        about(direct && Addresses.isLinkLocal(hi, lo) ? packet.srcMac() : Packet.NO_MAC, hi, lo);
        if (firstTime(SeenValues.key(FACT_SERVICE, 0))) {
            sink.accept(new Observation.Service(host(), SERVER_PORT, Observation.Transport.UDP, NAME, NAME, timestamp));
        }
        if (firstTime(SeenValues.key(FACT_ROLE_SERVER, 0))) {
            emit(Dhcpv6Attributes.ROLE, Dhcpv6Attributes.ROLE_SERVER, SERVER_CONFIDENCE);
        }
        if (firstTime(SeenValues.key(FACT_PROTOCOL, 0))) emit(Attributes.PROTOCOL, NAME, 1.0);
        duid(message.serverIdAt(), message.serverIdLength(), SERVER_CONFIDENCE);
        long clientMac = packet.dstMac();
        if (type == Dhcpv6Message.REPLY && direct && Addresses.isLinkLocal(packet.dstIpHi(), packet.dstIpLo())
                && clientMac != Packet.NO_MAC && !Addresses.isMulticastMac(clientMac)) {
            assignedAddresses(clientMac);
        }
    }

    /** The DUID (RFC 8415 §11) of the current host: hex, type, and what its type embeds. */
    private void duid(int at, int n, double confidence) {
        if (n < 3 || n > Dhcpv6Message.MAX_DUID_LENGTH) return;
        if (!firstTime(SeenValues.key(FACT_DUID, payload, at, n))) return;
        emit(Dhcpv6Attributes.DUID, OptionText.hex(payload, at, n), confidence);
        int type = payload.u16(at);
        emit(Dhcpv6Attributes.DUID_TYPE, type < DUID_TYPES.length && DUID_TYPES[type] != null
                ? DUID_TYPES[type] : Integer.toString(type), confidence);
        int addressAt = type == DUID_LLT ? DUID_LLT_ADDRESS_OFFSET : type == DUID_LL ? DUID_LL_ADDRESS_OFFSET : -1;
        if (addressAt > 0 && n - addressAt == 6) {
            int hardware = payload.u16(at + 2);
            if (hardware == Dhcpv6Message.HARDWARE_ETHERNET || hardware == Dhcpv6Message.HARDWARE_IEEE802) {
                long mac = (long) payload.u16(at + addressAt) << 32 | payload.u32(at + addressAt + 2);
                emit(Dhcpv6Attributes.DUID_MAC, Addresses.mac(mac), confidence);
            }
        }
        if (type == DUID_EN && n >= 6) {
            emit(Dhcpv6Attributes.DUID_ENTERPRISE, Long.toString(payload.u32(at + 2)), confidence);
        }
    }

    /** RFC 4704 §4: flags, then the name in DNS wire format, possibly partial. */
    private void fqdn() {
        int at = message.fqdnAt() + FQDN_FLAGS_LENGTH;
        int n = message.fqdnLength() - FQDN_FLAGS_LENGTH;
        if (message.fqdnAt() < 0 || n <= 0 || !firstTime(SeenValues.key(FACT_FQDN, payload, at, n))) return;
        String name = OptionText.dnsName(payload, at, n);
        if (name == null) {
            malformed++;
        } else if (!name.isEmpty()) {
            emit(Dhcpv6Attributes.FQDN, name, 1.0);
        }
    }

    /**
     * RFC 8415 §21.15 and §21.16: a list of (2-byte length, data) items, as text joined by ","; null
     * (and counted) when an item runs past the option.
     */
    private String opaqueList(int at, int n) {
        StringBuilder s = new StringBuilder(n);
        int i = 0;
        while (i + 2 <= n) {
            int length = payload.u16(at + i);
            if (i + 2 + length > n) break;
            if (!s.isEmpty()) s.append(',');
            s.append(OptionText.text(payload, at + i + 2, length));
            i += 2 + length;
        }
        if (i != n) {
            malformed++;
            return null;
        }
        return s.toString();
    }

    /** Bindings for the IA_NA and IA_TA addresses of a REPLY, with their valid lifetime not zero. */
    private void assignedAddresses(long clientMac) {
        int end = message.optionsEnd();
        for (int at = message.optionsStart(); at + 4 <= end; at += 4 + payload.u16(at + 2)) {
            int code = payload.u16(at);
            int length = payload.u16(at + 2);
            int header = code == Dhcpv6Message.OPTION_IA_NA ? IA_NA_HEADER_LENGTH
                    : code == Dhcpv6Message.OPTION_IA_TA ? IA_TA_HEADER_LENGTH : -1;
            if (header < 0) continue;
            int iaEnd = Math.min(at + 4 + length, end);
            for (int sub = at + 4 + header; sub + 4 <= iaEnd; sub += 4 + payload.u16(sub + 2)) {
                int value = sub + 4;
                if (payload.u16(sub) != Dhcpv6Message.OPTION_IAADDR || payload.u16(sub + 2) < IAADDR_LENGTH
                        || value + IAADDR_LENGTH > iaEnd || payload.u32(value + IAADDR_VALID_LIFETIME_OFFSET) == 0) {
                    continue;
                }
                long hi = payload.u32(value) << 32 | payload.u32(value + 4);
                long lo = payload.u32(value + 8) << 32 | payload.u32(value + 12);
                if (seen.firstTime(clientMac, hi, lo, SeenValues.key(FACT_BINDING, 0))) {
                    sink.accept(new Observation.Binding(clientMac, hi, lo, NAME, timestamp));
                }
            }
        }
    }

    static String messageTypeName(int type) {
        return type < MESSAGE_TYPES.length && MESSAGE_TYPES[type] != null ? MESSAGE_TYPES[type] : Integer.toString(type);
    }

    private void about(long mac, long ipHi, long ipLo) {
        hostMac = mac;
        hostIpHi = ipHi;
        hostIpLo = ipLo;
    }

    private boolean firstTime(long valueKey) {
        return seen.firstTime(hostMac, hostIpHi, hostIpLo, valueKey);
    }

    private Host host() {
        return new Host(hostMac, hostIpHi, hostIpLo);
    }

    /** Reports an attribute; an empty value (a string of NULs, say) tells nothing and is dropped. */
    private void emit(String attribute, String value, double confidence) {
        if (value.isEmpty()) return;
        sink.accept(new Observation.Attribute(host(), attribute, value, NAME, confidence, timestamp));
    }

    /** Messages decoded. */
    public long messages() { return messages; }
    /** Payloads on the DHCPv6 ports that were not DHCPv6. */
    public long notDhcpv6() { return notDhcpv6; }
    /** Messages with a length past its container, a broken relay chain or an undecodable item. */
    public long malformed() { return malformed; }
}
