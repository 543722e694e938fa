package io.osprey.dissect.dns;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.packet.decode.Packet;

/**
 * Multicast DNS (RFC 6762) and DNS-Based Service Discovery over it (RFC 6763), on UDP port 5353. Everything is
 * about the sender (the frame's source: mDNS never leaves the link), from the records it publishes — a response's
 * records, or a probe's authority section ({@link SelfNames#published}):
 * <ul>
 *   <li>{@value DnsAttributes#MDNS_SERVICE}: service types, from PTR records of "_services._dns-sd._udp" and of
 *   service types, and from the names of SRV and TXT records ("_ipp._tcp");</li>
 *   <li>{@value DnsAttributes#MDNS_INSTANCE}: service instance names, from the same records;</li>
 *   <li>{@value DnsAttributes#MDNS_HOSTNAME}: its host names — the names proven its own: A and AAAA owner names
 *   and SRV targets that resolve to the packet's source address (in this message or an earlier one from that
 *   address), and targets of the reverse-mapping PTR record of the source address. Names it publishes for other
 *   addresses (a Bonjour Sleep Proxy answering for a sleeping host, a reflector) are not its own;</li>
 *   <li>{@code mdns.txt.<key>}: the TXT keys of {@link DnsAttributes#TXT_KEYS};</li>
 *   <li>{@value DnsAttributes#MDNS_QUERY}: the names it asks about in queries that are not probes (at most
 *   {@link #MAX_QUERY_NAMES_PER_HOST});</li>
 *   <li>a {@link Observation.Binding} of its MAC to every address of a name that is proven its own (an A or AAAA
 *   record of the name holds the packet's source address, {@link SelfNames});</li>
 *   <li>an mDNS {@link Observation.Service} on port 5353 when it responds, and the service an SRV record
 *   announces (port, _tcp/_udp, protocol from the service name) when the SRV target is a name proven to resolve
 *   to the packet's source address, in this message or an earlier one from that address.</li>
 * </ul>
 * Messages with a non-zero opcode or response code are ignored (RFC 6762 §18.3, §18.11).
 */
public final class MdnsDissector implements Dissector {
    public static final int PORT = 5353;
    /** Distinct names reported per host as {@value DnsAttributes#MDNS_QUERY}. */
    public static final int MAX_QUERY_NAMES_PER_HOST = 64;
    /** Slots of the set of names proven own, per (source address, name hash), that credits SRV records of later messages. */
    static final int MAX_OWN_NAMES = 1 << 14;
    /** SRV RDATA: priority, weight, port, then the target name (RFC 2782). */
    static final int SRV_PORT_OFFSET = 4, SRV_TARGET_OFFSET = 6;

    private final DnsMessage message = new DnsMessage();
    private final DnsName owner = new DnsName();
    private final DnsName target = new DnsName();
    private final ValueBuffer value = new ValueBuffer();
    private final SelfNames self = new SelfNames();
    private final OwnNames ownNames = new OwnNames(MAX_OWN_NAMES);
    private final ReportedFacts reported = new ReportedFacts("mdns", true);

    private ObservationSink sink;
    private long mac, ipHi, ipLo, ts;

    @Override
    public String name() {
        return "mdns";
    }

    /** Every packet: a host's announcements share one long-lived flow and change over time. */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || !message.wrap(payload, 0, payload.length())) return;
        if (message.opcode() != DnsMessage.OPCODE_QUERY || message.rcode() != 0) return;
        this.sink = sink;
        mac = packet.srcMac();
        ipHi = packet.srcIpHi();
        ipLo = packet.srcIpLo();
        ts = packet.timestampNanos();
        boolean response = message.isResponse();
        if (response && packet.srcPort() == PORT) {
            reported.service(sink, mac, ipHi, ipLo, PORT, Observation.Transport.UDP, "mdns", ts);
        }
        // RFC 6762 §8.2: a probe is a query with the proposed records in its authority section; its questions
        // are the sender's own names, not names it is looking for
        boolean probe = !response && message.count(DnsMessage.AUTHORITY) > 0;
        self.collect(message, owner, ipHi, ipLo);
        while (message.next()) {
            if (message.section() == DnsMessage.QUESTION) {
                if (!response && !probe) query();
            } else if (SelfNames.published(message) && owner.read(message, message.nameOffset()) >= 0) {
                switch (message.type()) {
                    case DnsMessage.TYPE_PTR -> pointer();
                    case DnsMessage.TYPE_SRV -> serviceLocation();
                    case DnsMessage.TYPE_TXT -> text();
                    case DnsMessage.TYPE_A, DnsMessage.TYPE_AAAA -> address();
                    default -> { }
                }
            }
        }
        this.sink = null;
    }

    private void query() {
        if (owner.read(message, message.nameOffset()) < 0 || owner.isRoot()) return;
        report(DnsAttributes.MDNS_QUERY, value.clear().appendName(owner, false), MAX_QUERY_NAMES_PER_HOST);
    }

    /** PTR (RFC 6763 §4.1, §9; RFC 6762 §4 for reverse mapping). */
    private void pointer() {
        if (target.read(message, message.rdataOffset()) < 0 || target.isRoot()) return;
        if (DnsSdName.isServiceTypeEnumeration(owner)) {
            if (DnsSdName.serviceTypeIndex(target) == 0) serviceType(target, 0);
        } else if (DnsSdName.isServiceType(owner)) {
            serviceType(owner, DnsSdName.serviceTypeIndex(owner));
            if (DnsSdName.instanceServiceIndex(target) > 0) instance(target);
        } else if (ReverseName.isFor(owner, ipHi, ipLo)) {
            report(DnsAttributes.MDNS_HOSTNAME, value.clear().appendName(target, false));
        }
    }

    /** SRV (RFC 2782, RFC 6763 §5): instance name → port and target host. */
    private void serviceLocation() {
        int s = DnsSdName.instanceServiceIndex(owner);
        if (s > 0) {
            serviceType(owner, s);
            instance(owner);
        }
        if (message.rdataLength() <= SRV_TARGET_OFFSET) return;
        int port = message.u16(message.rdataOffset() + SRV_PORT_OFFSET);
        if (target.read(message, message.rdataOffset() + SRV_TARGET_OFFSET) < 0 || target.isRoot()) return;
        if (!isOwn(target.hash())) return;
        report(DnsAttributes.MDNS_HOSTNAME, value.clear().appendName(target, false));
        if (s < 0 || port == 0) return;
        Observation.Transport transport = owner.labelEquals(s + 1, DnsSdName.TCP)
                ? Observation.Transport.TCP : Observation.Transport.UDP;
        value.clear();
        for (int i = 1; i < owner.labelLength(s); i++) {
            int c = owner.labelByte(s, i);
            value.appendText(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        reported.service(sink, mac, ipHi, ipLo, port, transport, value, ts);
    }

    /** TXT (RFC 6763 §6): "key=value" strings of at most 255 octets each. */
    private void text() {
        int s = DnsSdName.instanceServiceIndex(owner);
        if (s < 0) return;
        serviceType(owner, s);
        instance(owner);
        int at = message.rdataOffset();
        int end = at + message.rdataLength();
        while (at < end) {
            int len = message.u8(at);
            if (len < 0 || at + 1 + len > end) return;
            txtEntry(at + 1, len);
            at += 1 + len;
        }
    }

    private void txtEntry(int at, int len) {
        for (int k = 0; k < DnsAttributes.TXT_ATTRIBUTES.length; k++) {
            String key = DnsAttributes.TXT_KEYS.get(k);
            if (len <= key.length() || message.u8(at + key.length()) != '=' || !keyMatches(at, key)) continue;
            value.clear();
            for (int i = key.length() + 1; i < len; i++) value.appendText(message.u8(at + i));
            report(DnsAttributes.TXT_ATTRIBUTES[k], value);
            return;
        }
    }

    /** RFC 6763 §6.4: keys are compared case-insensitively. */
    private boolean keyMatches(int at, String key) {
        for (int i = 0; i < key.length(); i++) {
            int c = message.u8(at + i);
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            int k = key.charAt(i);
            if (k >= 'A' && k <= 'Z') k += 'a' - 'A';
            if (c != k) return false;
        }
        return true;
    }

    /** A and AAAA (RFC 6762 §6): the owner is one of the sender's host names when proven so. */
    private void address() {
        if (owner.isRoot() || !message.readAddress()) return;
        long h = owner.hash();
        if (self.contains(h)) {
            ownNames.add(ipHi, ipLo, h);
            reported.binding(sink, mac, message.addressHi(), message.addressLo(), ts);
        } else if (!ownNames.contains(ipHi, ipLo, h)) {
            return;
        }
        report(DnsAttributes.MDNS_HOSTNAME, value.clear().appendName(owner, false));
    }

    private boolean isOwn(long nameHash) {
        return self.contains(nameHash) || ownNames.contains(ipHi, ipLo, nameHash);
    }

    private void serviceType(DnsName name, int index) {
        report(DnsAttributes.MDNS_SERVICE, value.clear().appendName(name, index, index + 2, true));
    }

    private void instance(DnsName name) {
        report(DnsAttributes.MDNS_INSTANCE, value.clear().appendName(name, false));
    }

    private void report(String attribute, ValueBuffer v) {
        reported.attribute(sink, mac, ipHi, ipLo, attribute, v, DnsAttributes.STATED, ts);
    }

    private void report(String attribute, ValueBuffer v, int maxPerHost) {
        reported.attribute(sink, mac, ipHi, ipLo, attribute, v, maxPerHost, DnsAttributes.STATED, ts);
    }
}
