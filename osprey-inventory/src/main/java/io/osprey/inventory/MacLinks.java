package io.osprey.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links MAC addresses that belong to one physical host. Phones and laptops randomize their MAC per network or per
 * day (the locally administered bit set), so one device shows up under several MACs; it keeps, however, identifiers
 * of its own. Only strong ones link, and only where at least one MAC is randomized:
 * <ul>
 *   <li>the DHCPv6 DUID (RFC 8415 §11), unless it is a DUID-LL/LLT built from that very MAC;</li>
 *   <li>the DHCP client identifier (RFC 2132 §9.14), unless it is type 1 and the MAC itself;</li>
 *   <li>the host name, from DHCP or mDNS, together with the same DHCP parameter request list: a name alone is
 *   too often a default ("android-…", "iPhone") shared by many devices.</li>
 * </ul>
 */
final class MacLinks {
    /** A MAC device to merge into another one, and why. */
    record Link(String intoId, String reason) {}

    /** What linking needs to know of a MAC device. */
    record Candidate(String id, long mac, boolean randomized, long firstSeenNanos, List<Fact> facts) {}

    private MacLinks() {}

    /**
     * The devices to merge: each key is merged into its link's device. Within a group, the MAC seen first keeps its
     * device id, so the id does not change as new MACs join.
     */
    static Map<String, Link> find(List<Candidate> candidates) {
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            for (String key : keys(c)) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        Map<String, String> parent = new HashMap<>();
        Map<String, Candidate> byId = new HashMap<>();
        for (Candidate c : candidates) byId.put(c.id(), c);
        Map<String, String> reasons = new HashMap<>();
        byKey.forEach((key, group) -> {
            if (group.size() < 2 || group.stream().noneMatch(Candidate::randomized)) return;
            for (int i = 1; i < group.size(); i++) {
                String a = root(parent, group.get(0).id()), b = root(parent, group.get(i).id());
                if (a.equals(b)) continue;
                Candidate ca = byId.get(a), cb = byId.get(b);
                boolean aFirst = ca.firstSeenNanos() < cb.firstSeenNanos()
                        || ca.firstSeenNanos() == cb.firstSeenNanos() && ca.id().compareTo(cb.id()) < 0;
                String keep = aFirst ? a : b, merge = aFirst ? b : a;
                parent.put(merge, keep);
                reasons.put(merge, key);
            }
        });
        Map<String, Link> links = new LinkedHashMap<>();
        for (String id : reasons.keySet()) links.put(id, new Link(root(parent, id), reasons.get(id)));
        return links;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (parent.containsKey(r)) r = parent.get(r);
        return r;
    }

    /** The strong identifiers of one MAC device, each as "attribute=value" text that also explains the link. */
    static List<String> keys(Candidate c) {
        List<String> keys = new ArrayList<>();
        String ownMac = String.format(Locale.ROOT, "%012x", c.mac());
        List<String> names = new ArrayList<>();
        List<String> prls = new ArrayList<>();
        for (Fact f : c.facts()) {
            String v = f.value().toLowerCase(Locale.ROOT);
            switch (f.attribute()) {
                case "dhcpv6.duid" -> {
                    // DUID-LLT (type 1) and DUID-LL (type 3) end in the link-layer address they were made from
                    if (!v.endsWith(ownMac)) keys.add("dhcpv6.duid=" + v);
                }
                case "dhcp.clientId" -> {
                    if (!v.equals("01" + ownMac)) keys.add("dhcp.clientId=" + v);
                }
                case "dhcp.hostname" -> names.add(v);
                case "mdns.hostname" -> names.add(v.endsWith(".local") ? v.substring(0, v.length() - 6) : v);
                case "dhcp.parameterRequestList" -> prls.add(v);
                default -> { }
            }
        }
        for (String n : names) for (String p : prls) keys.add("hostname=" + n + " + dhcp.parameterRequestList=" + p);
        return keys;
    }
}
