package io.osprey.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Impersonation on the local network:
 * <ul>
 *   <li>arp-spoofing: an IP address whose ARP claimant changes back and forth (the "claim" operations the ARP
 *   dissector reports when a different MAC claims an address), as many changes as the catalogue's threshold within
 *   its window. A single change is a re-leased address, not an attack.</li>
 *   <li>rogue-dhcp: a DHCP server answering clients beside the legitimate one: the one the baseline learned, or,
 *   without a baseline, the one serving the most clients.</li>
 * </ul>
 */
final class Spoofing {
    private static final Pattern CLAIM = Pattern.compile("ip=(\\S+) mac=(\\S+) previous=(\\S+)");
    private final AlertCatalogue catalogue;

    Spoofing(AlertCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    static String dhcpServerKey(String server) { return "dhcp-server|" + server; }

    void detect(List<LoggedOperation> operations, Baseline baseline, RaisedAlerts raised) {
        arpFlipFlops(operations, raised);
        rogueDhcp(operations, baseline, raised);
    }

    private void arpFlipFlops(List<LoggedOperation> operations, RaisedAlerts raised) {
        AlertDefinition def = catalogue.definition("arp-spoofing");
        Map<String, List<LoggedOperation>> byIp = new LinkedHashMap<>();
        for (LoggedOperation o : operations) {
            if (!o.source().equals("arp") || !o.operation().equals("claim")) continue;
            Matcher m = CLAIM.matcher(o.detail());
            if (m.matches()) byIp.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(o);
        }
        byIp.forEach((ip, claims) -> {
            int n = 0;
            for (LoggedOperation c : claims) n += c.times().length;
            long[] times = new long[n];
            int at = 0;
            long count = 0;
            for (LoggedOperation c : claims) {
                for (long t : c.times()) times[at++] = t;
                count += c.count();
            }
            if (!def.reached(times, count)) return;
            claims.sort(Comparator.comparingLong(LoggedOperation::last).reversed());
            raised.detected("arp-spoofing", claims, raised.directory.name(claims.getFirst().client()), ip);
        });
    }

    private void rogueDhcp(List<LoggedOperation> operations, Baseline baseline, RaisedAlerts raised) {
        Map<String, Set<String>> clients = new LinkedHashMap<>();
        Map<String, List<LoggedOperation>> answers = new LinkedHashMap<>();
        for (LoggedOperation o : operations) {
            if (!o.source().equals("dhcp") || !o.operation().equals("offer") && !o.operation().equals("ack")) continue;
            String server = raised.directory.name(o.server());
            clients.computeIfAbsent(server, k -> new HashSet<>()).add(raised.directory.name(o.client()));
            answers.computeIfAbsent(server, k -> new ArrayList<>()).add(o);
        }
        if (clients.isEmpty()) return;
        Set<String> legitimate = new HashSet<>();
        if (baseline != null) {
            for (String s : clients.keySet()) if (baseline.has(dhcpServerKey(s))) legitimate.add(s);
        }
        if (legitimate.isEmpty()) {
            if (clients.size() < 2) return;
            legitimate.add(clients.entrySet().stream().max(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size()))
                    .orElseThrow().getKey());
        }
        for (Map.Entry<String, List<LoggedOperation>> e : answers.entrySet()) {
            if (legitimate.contains(e.getKey())) continue;
            raised.detected("rogue-dhcp", e.getValue(), e.getKey(), null, dhcpServerKey(e.getKey()));
        }
    }
}
