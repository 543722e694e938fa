package io.osprey.alert;

import io.osprey.packet.decode.Addresses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Scans, from the "connect" operations (a client's first packet to each server port): one source reaching many
 * distinct targets within a window. The thresholds and windows are the catalogue's (alerts.tsv):
 * <ul>
 *   <li>plc-scan: distinct devices on industrial ports (industrial-ports.tsv);</li>
 *   <li>address-scan: distinct addresses, on any port;</li>
 *   <li>port-scan: distinct ports of one server;</li>
 *   <li>arp-scan: distinct addresses asked for over ARP ("who-has").</li>
 * </ul>
 * Multicast and broadcast destinations are not targets: discovery protocols send to them by design.
 */
final class Scans {
    private final AlertCatalogue catalogue;

    Scans(AlertCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void detect(List<LoggedOperation> operations, RaisedAlerts raised) {
        DeviceDirectory directory = raised.directory;
        List<LoggedOperation> connects = new ArrayList<>();
        for (LoggedOperation o : operations) {
            if (isUnicastConnect(o)) connects.add(o);
        }
        Map<String, List<LoggedOperation>> byClient = group(connects, o -> directory.name(o.client()));
        byClient.forEach((client, list) -> {
            window("plc-scan", list, o -> catalogue.industrialPort(port(o)), o -> directory.name(o.server()), raised, client, null);
            window("address-scan", list, o -> true, o -> directory.name(o.server()), raised, client, null);
        });
        List<LoggedOperation> whoHas = new ArrayList<>();
        for (LoggedOperation o : operations) if (o.source().equals("arp") && o.operation().equals("who-has")) whoHas.add(o);
        group(whoHas, o -> directory.name(o.client())).forEach((client, list) ->
                window("arp-scan", list, o -> true, LoggedOperation::detail, raised, client, null));
        Map<String, List<LoggedOperation>> byPair = group(connects, o -> directory.name(o.client()) + "\u0000" + directory.name(o.server()));
        byPair.forEach((pair, list) -> {
            String[] ends = pair.split("\u0000", 2);
            window("port-scan", list, o -> true, o -> o.source() + "/" + o.detail(), raised, ends[0], ends[1]);
        });
    }

    private static boolean isUnicastConnect(LoggedOperation o) {
        if (!AlertEngine.TRANSPORT_SOURCES.contains(o.source()) || !o.operation().equals(AlertEngine.CONNECT)) return false;
        long hi = o.server().ipHi(), lo = o.server().ipLo();
        return o.server().hasIp() && !Addresses.isMulticast(hi, lo) && !Addresses.isBroadcast(hi, lo);
    }

    private static int port(LoggedOperation o) {
        try {
            return Integer.parseInt(o.detail());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static <K> Map<K, List<LoggedOperation>> group(List<LoggedOperation> operations, Function<LoggedOperation, K> key) {
        Map<K, List<LoggedOperation>> out = new LinkedHashMap<>();
        for (LoggedOperation o : operations) out.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
        return out;
    }

    /**
     * The first window (of the definition's length, from some contact) holding {@code threshold} distinct targets
     * raises one alert with those contacts; later windows of the same source merge into it.
     */
    private void window(String definitionId, List<LoggedOperation> sorted, Predicate<LoggedOperation> counts,
                        Function<LoggedOperation, String> target, RaisedAlerts raised, String source, String destination) {
        AlertDefinition def = catalogue.definition(definitionId);
        List<LoggedOperation> list = sorted.stream().filter(counts).toList();
        if (list.size() < def.threshold()) return;
        long span = def.window().isZero() ? Long.MAX_VALUE : def.window().toNanos();
        Map<String, Integer> inWindow = new HashMap<>();
        int from = 0;
        for (int to = 0; to < list.size(); to++) {
            inWindow.merge(target.apply(list.get(to)), 1, Integer::sum);
            while (list.get(to).first() - list.get(from).first() > span) {
                String t = target.apply(list.get(from++));
                if (inWindow.merge(t, -1, Integer::sum) == 0) inWindow.remove(t);
            }
            if (inWindow.size() >= def.threshold()) {
                raised.detected(definitionId, list.subList(from, to + 1), source, destination);
                return;
            }
        }
    }
}
