package io.osprey.inventory;

import io.osprey.dissect.Attributes;
import io.osprey.dissect.Host;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.inventory.classify.Classification;
import io.osprey.inventory.classify.Classifier;
import io.osprey.inventory.classify.DeviceField;
import io.osprey.inventory.classify.RuleBook;
import io.osprey.packet.decode.Addresses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Folds observations into devices. It keeps what each MAC and each IP was seen doing, and resolves identity
 * only when asked for a {@link #snapshot()}, so late evidence (a MAC found to be a gateway after it was
 * first bound to an IP) corrects earlier guesses instead of being frozen into them.
 *
 * <p>Identity rules:
 * <ul>
 *   <li>A unicast, non-gateway MAC is a local device, keyed by the MAC; it owns the IPs bound to it.</li>
 *   <li>A gateway MAC (it sends for many IP sources) is a device too, owning only the IPs ARP gave it: the
 *   addresses it forwards belong to the hosts behind it.</li>
 *   <li>A private IP that sent traffic but is owned by no local device sits behind a router: a routed device,
 *   keyed by its IP, with no MAC and no vendor (never the router's).</li>
 *   <li>Public and group addresses are not devices; they remain remote ends of connections.</li>
 *   <li>A source whose frames carry the all-zero MAC (an anonymised capture) is a device keyed by its IP, public or
 *   not, with an unknown location: the capture gives no way to tell.</li>
 *   <li>When a MAC has private IPv4 addresses, public IPv4 sources behind it are forwarded traffic, not its own.</li>
 * </ul>
 */
public final class DeviceInventory implements ObservationSink {
    /** The fact the IEEE registry gives about a MAC: its manufacturer, as rules read it. */
    public static final String OUI_VENDOR = "oui.vendor";
    /** The fact that a device serves a port, "tcp/9100" or with the protocol a dissector saw there, "tcp/2000/sccp". */
    public static final String SERVICE = "service";
    private final VendorLookup vendors;
    private final Map<Long, MacRecord> macs = new HashMap<>();
    private final Map<IpKey, IpRecord> ips = new HashMap<>();
    private long observations;

    private final Classifier classifier;

    public DeviceInventory(VendorLookup vendors) {
        this(vendors, new Classifier(RuleBook.bundled()));
    }

    public DeviceInventory(VendorLookup vendors, Classifier classifier) {
        this.vendors = vendors;
        this.classifier = classifier;
    }

    private record IpKey(long hi, long lo) {
        String text() { return Addresses.ip(hi, lo); }
    }

    private static final class Activity {
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE, packets, bytes;

        void add(Observation.Activity a) {
            first = Math.min(first, a.firstNanos());
            last = Math.max(last, a.lastNanos());
            packets += a.packets();
            bytes += a.bytes();
        }

        void seen(long t) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }

        boolean any() { return first != Long.MAX_VALUE; }
    }

    private static final class MacRecord {
        final long mac;
        final Activity activity = new Activity();
        /** IP → the source that first bound it, ARP preferred. */
        final Map<IpKey, String> ips = new LinkedHashMap<>();
        final TreeSet<String> protocols = new TreeSet<>();
        final Facts facts = new Facts();
        String gatewayEvidence;

        MacRecord(long mac) { this.mac = mac; }
    }

    private static final class IpRecord {
        final Activity activity = new Activity();
        final Facts facts = new Facts();
        final TreeSet<ServiceEntry> services = new TreeSet<>();
        final Map<ServiceEntry, String> serviceSources = new HashMap<>();
    }

    @Override
    public void accept(Observation o) {
        observations++;
        switch (o) {
            case Observation.Activity a -> {
                Host h = a.host();
                if (h.hasMac()) mac(h.mac()).activity.add(a);
                else if (h.hasIp()) ip(h.ipHi(), h.ipLo()).activity.add(a);
            }
            case Observation.Binding b -> {
                MacRecord m = mac(b.mac());
                m.activity.seen(b.timestampNanos());
                IpKey k = new IpKey(b.ipHi(), b.ipLo());
                String before = m.ips.get(k);
                if (before == null || !isArpLike(before) && isArpLike(b.source())) m.ips.put(k, b.source());
            }
            case Observation.Service s -> {
                Host h = s.server();
                if (!h.hasIp()) return;
                IpRecord r = ip(h.ipHi(), h.ipLo());
                ServiceEntry e = new ServiceEntry(s.port(), s.transport().label(), s.protocol());
                if (r.services.add(e)) r.serviceSources.put(e, s.source());
            }
            case Observation.Attribute a -> attribute(a);
            case Observation.Operation ignored -> { } // between two hosts: the operation log's, not a device fact
        }
    }

    /**
     * Keeps a reported attribute with the host it is about. One naming a MAC stays with that MAC; its IP is
     * kept beside it so that, if the MAC turns out to be a router's, the fact can go to the host behind it.
     */
    private void attribute(Observation.Attribute a) {
        Host h = a.host();
        IpKey ip = h.hasIp() ? new IpKey(h.ipHi(), h.ipLo()) : null;
        Fact fact = new Fact(a.attribute(), a.value(), a.source(), a.confidence(), a.timestampNanos());
        if (!h.hasMac()) {
            if (ip != null) ip(ip.hi(), ip.lo()).facts.add(fact, null);
            return;
        }
        MacRecord m = mac(h.mac());
        switch (a.attribute()) {
            case Attributes.ROLE -> {
                if (Attributes.ROLE_GATEWAY.equals(a.value()) && m.gatewayEvidence == null) m.gatewayEvidence = a.source();
                m.facts.add(fact, null);
            }
            case Attributes.PROTOCOL -> m.protocols.add(a.value());
            default -> m.facts.add(fact, ip);
        }
    }

    private static boolean isArpLike(String source) {
        return source.equals("arp") || source.equals("ndp");
    }

    private MacRecord mac(long mac) {
        return macs.computeIfAbsent(mac, MacRecord::new);
    }

    private IpRecord ip(long hi, long lo) {
        return ips.computeIfAbsent(new IpKey(hi, lo), k -> new IpRecord());
    }

    public long observations() { return observations; }

    /** The devices as the evidence stands now, local devices first (by MAC), then routed ones (by IP). */
    public List<Device> snapshot() {
        List<Device> local = new ArrayList<>();
        Map<IpKey, String> owner = new HashMap<>();
        Map<String, DeviceBuilder> builders = new LinkedHashMap<>();
        for (MacRecord m : macs.values()) {
            if (Addresses.isMulticastMac(m.mac) || m.mac == 0) continue;
            DeviceBuilder b = localDevice(m);
            builders.put(b.id, b);
            for (IpKey ip : b.ips) owner.put(ip, b.id);
        }
        MacRecord zero = macs.get(0L);
        if (zero != null) {
            for (IpKey k : zero.ips.keySet()) {
                IpRecord r = ips.get(k);
                if (owner.containsKey(k) || r == null || !r.activity.any() || Addresses.isLoopback(k.hi(), k.lo())) continue;
                DeviceBuilder b = anonymousDevice(k, r);
                builders.put(b.id, b);
                owner.put(k, b.id);
            }
        }
        for (Map.Entry<IpKey, IpRecord> e : ips.entrySet()) {
            IpKey k = e.getKey();
            if (owner.containsKey(k) || !e.getValue().activity.any()) continue;
            if (!Addresses.isPrivate(k.hi(), k.lo()) || Addresses.isLoopback(k.hi(), k.lo())) continue;
            DeviceBuilder b = routedDevice(k, e.getValue());
            builders.put(b.id, b);
            owner.put(k, b.id);
        }
        for (MacRecord m : macs.values()) {
            DeviceBuilder b = builders.get(macId(m.mac));
            if (b == null) continue;
            boolean gateway = m.gatewayEvidence != null;
            m.facts.forEach((fact, ip) -> {
                if (ip == null || b.ips.contains(ip)) {
                    b.facts.add(fact, null);
                } else if (gateway) {
                    // A router's frames carry the facts of the hosts it forwards for: give them to those hosts.
                    String behind = owner.get(ip);
                    if (behind != null) builders.get(behind).facts.add(fact, null);
                } else if (!Addresses.isGlobalUnicast(ip.hi(), ip.lo())) {
                    // A local address this MAC used once (DHCP may have given it to another device since): the
                    // fact stays with the MAC, never with the address's new holder.
                    b.facts.add(fact, null);
                }
                // else: a public address behind a MAC that is not its own is forwarded traffic (a router not yet
                // recognised as one); its facts describe a remote host, not a device of the inventory.
            });
        }
        for (Map.Entry<IpKey, IpRecord> e : ips.entrySet()) {
            String id = owner.get(e.getKey());
            if (id == null) continue;
            DeviceBuilder b = builders.get(id);
            e.getValue().facts.forEach((fact, ip) -> b.facts.add(fact, null));
            for (ServiceEntry s : e.getValue().services) {
                b.services.add(s);
                b.protocols.add(s.transport());
                String value = s.transport() + "/" + s.port() + (s.protocol() == null ? "" : "/" + s.protocol());
                b.facts.add(new Fact(SERVICE, value, e.getValue().serviceSources.get(s), 1.0, 0), null);
            }
        }
        linkMacs(builders);
        List<DeviceBuilder> ordered = new ArrayList<>(builders.values());
        ordered.sort(Comparator.comparing((DeviceBuilder b) -> b.location == NetworkLocation.ROUTED)
                .thenComparingLong(b -> b.macValue)
                .thenComparing(b -> b.ips.isEmpty() ? null : b.ips.getFirst(), Comparator.nullsFirst(IP_ORDER)));
        for (DeviceBuilder b : ordered) local.add(b.build(classifier));
        return local;
    }

    /** Merges the MAC devices {@link MacLinks} finds to be one host, saying which identifier linked them. */
    private static void linkMacs(Map<String, DeviceBuilder> builders) {
        List<MacLinks.Candidate> candidates = new ArrayList<>();
        for (DeviceBuilder b : builders.values()) {
            if (b.mac == null) continue;
            candidates.add(new MacLinks.Candidate(b.id, b.macValue, Boolean.TRUE.equals(b.randomized),
                    b.activity.any() ? b.activity.first : Long.MAX_VALUE, b.facts.list()));
        }
        MacLinks.find(candidates).forEach((id, link) -> {
            DeviceBuilder from = builders.remove(id), into = builders.get(link.intoId());
            into.mergeFrom(from, link.reason());
        });
    }

    private DeviceBuilder localDevice(MacRecord m) {
        String mac = Addresses.mac(m.mac);
        DeviceBuilder b = new DeviceBuilder(macId(m.mac));
        b.mac = mac;
        b.macValue = m.mac;
        b.location = NetworkLocation.LOCAL;
        b.activity = m.activity;
        b.protocols.addAll(m.protocols);
        boolean randomized = Addresses.isLocallyAdministered(m.mac);
        b.randomized = randomized;
        if (randomized) {
            b.evidence.add(new Evidence("randomizedMac", "true", "mac (locally administered bit set)", 1.0));
        } else {
            String vendor = vendors.vendor(m.mac);
            if (vendor != null) b.facts.add(new Fact(OUI_VENDOR, vendor, "oui", 1.0, m.activity.first), null);
        }
        boolean gateway = m.gatewayEvidence != null;
        boolean hasPrivateV4 = m.ips.keySet().stream()
                .anyMatch(k -> Addresses.isIpv4(k.hi(), k.lo()) && Addresses.isPrivate(k.hi(), k.lo()));
        for (Map.Entry<IpKey, String> e : m.ips.entrySet()) {
            IpKey k = e.getKey();
            boolean arp = isArpLike(e.getValue());
            if (!arp && gateway) continue;
            if (!arp && hasPrivateV4 && Addresses.isIpv4(k.hi(), k.lo()) && !Addresses.isPrivate(k.hi(), k.lo())) continue;
            b.ips.add(k);
            b.evidence.add(new Evidence("ipAddress", k.text(), e.getValue(), arp ? 1.0 : 0.8));
        }
        return b;
    }

    /**
     * A host whose frames carry the all-zero MAC (anonymised captures): the IP is its only name, and whether it is
     * local or routed cannot be told, so the location stays unknown.
     */
    private DeviceBuilder anonymousDevice(IpKey k, IpRecord r) {
        DeviceBuilder b = new DeviceBuilder("ip-" + k.text());
        b.activity = r.activity;
        b.ips.add(k);
        b.evidence.add(new Evidence("ipAddress", k.text(), "ip (frames with the all-zero MAC 00:00:00:00:00:00)", 0.8));
        return b;
    }

    private static String macId(long mac) {
        return "mac-" + Addresses.mac(mac).replace(":", "");
    }

    private DeviceBuilder routedDevice(IpKey k, IpRecord r) {
        String ip = k.text();
        DeviceBuilder b = new DeviceBuilder("ip-" + ip);
        b.location = NetworkLocation.ROUTED;
        b.activity = r.activity;
        b.ips.add(k);
        b.evidence.add(new Evidence("networkLocation", "routed", "ip (private source address not bound to a local MAC)", 0.8));
        return b;
    }

    /**
     * The facts known about one host, each once, with the IP it was reported with (null when none or when it
     * no longer matters). Bounded: a chatty host (hundreds of DNS names) keeps its first values per attribute.
     */
    private static final class Facts {
        static final int MAX_FACTS = 256;
        static final int MAX_VALUES_PER_ATTRIBUTE = 16;
        private record Key(String attribute, String value, IpKey ip) {}

        private final Map<Key, Fact> facts = new LinkedHashMap<>();
        private final Map<String, Integer> perAttribute = new HashMap<>();

        void add(Fact f, IpKey ip) {
            Key k = new Key(f.attribute(), f.value(), ip);
            if (facts.containsKey(k) || facts.size() >= MAX_FACTS) return;
            if (perAttribute.merge(f.attribute(), 1, Integer::sum) > MAX_VALUES_PER_ATTRIBUTE) return;
            facts.put(k, f);
        }

        void forEach(java.util.function.BiConsumer<Fact, IpKey> action) {
            facts.forEach((k, f) -> action.accept(f, k.ip()));
        }

        /** Each fact once, whatever IP it came with. */
        List<Fact> list() {
            Map<String, Fact> unique = new LinkedHashMap<>();
            for (Fact f : facts.values()) unique.putIfAbsent(f.attribute() + '\0' + f.value(), f);
            return List.copyOf(unique.values());
        }
    }

    /** IPv4 before IPv6, then by numeric value. */
    private static final Comparator<IpKey> IP_ORDER = Comparator
            .comparing((IpKey k) -> !Addresses.isIpv4(k.hi(), k.lo()))
            .thenComparing(IpKey::hi, Long::compareUnsigned)
            .thenComparing(IpKey::lo, Long::compareUnsigned);

    private static final class DeviceBuilder {
        final String id;
        String mac;
        final List<IpKey> ips = new ArrayList<>();
        long macValue = -1;
        final Facts facts = new Facts();
        final TreeSet<String> protocols = new TreeSet<>();
        final TreeSet<ServiceEntry> services = new TreeSet<>();
        Activity activity = new Activity();
        Boolean randomized;
        NetworkLocation location;
        final List<Evidence> evidence = new ArrayList<>();

        DeviceBuilder(String id) { this.id = id; }

        /** Takes in another MAC of the same host: its addresses, traffic, facts and evidence. */
        void mergeFrom(DeviceBuilder other, String reason) {
            for (IpKey ip : other.ips) if (!ips.contains(ip)) ips.add(ip);
            Activity sum = new Activity();
            for (Activity a : List.of(activity, other.activity)) {
                if (!a.any()) continue;
                sum.seen(a.first);
                sum.seen(a.last);
                sum.packets += a.packets;
                sum.bytes += a.bytes;
            }
            activity = sum;
            protocols.addAll(other.protocols);
            services.addAll(other.services);
            other.facts.forEach((f, ip) -> facts.add(f, null));
            if (Boolean.TRUE.equals(other.randomized)) randomized = true;
            evidence.add(new Evidence("linkedMac", other.mac, "identity: both MACs share " + reason, 0.9));
            evidence.addAll(other.evidence);
        }

        Device build(Classifier classifier) {
            ips.sort(IP_ORDER);
            List<Fact> known = facts.list();
            Classification c = classifier.classify(known);
            for (Fact f : known) evidence.add(new Evidence(f.attribute(), f.value(), f.source(), f.confidence()));
            c.verdicts().forEach((field, v) -> {
                for (Classification.Hit h : v.hits()) evidence.add(new Evidence(field.jsonName(), v.value(), h.describe(), h.confidence()));
            });
            c.overruled().forEach((field, losers) -> {
                for (Classification.Verdict v : losers)
                    evidence.add(new Evidence("overruled." + field.jsonName(), v.value(), v.hits().getFirst().describe(), v.confidence()));
            });
            String type = c.value(DeviceField.DEVICE_TYPE);
            return new Device(id, mac, ips.stream().map(IpKey::text).toList(), c.value(DeviceField.VENDOR),
                    c.value(DeviceField.DEVICE_NAME), classifier.taxonomy().categoryOf(type), type,
                    c.value(DeviceField.DEVICE_SUBTYPE), c.value(DeviceField.MODEL), c.value(DeviceField.OS_PLATFORM),
                    c.value(DeviceField.OS_VERSION), c.value(DeviceField.FIRMWARE_VERSION),
                    c.value(DeviceField.SERIAL_NUMBER), protocols, services, activity.any() ? activity.first : 0,
                    activity.any() ? activity.last : 0, randomized, location, activity.packets, activity.bytes,
                    List.copyOf(evidence));
        }
    }
}
