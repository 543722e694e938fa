package io.osprey.alert;

import io.osprey.dissect.Host;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.connection.ConnectionObserver;
import io.osprey.inventory.Device;
import io.osprey.packet.decode.Addresses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a run's operations and devices into alerts, against a learned {@link Baseline} when there is one.
 *
 * <p>Without a baseline only what is wrong in itself is raised: operations that change a controller, protocol
 * violations, scans, internet connectivity, modes that change during the run. With one, deviations from it are
 * raised too: new assets, unpermitted function codes, new activity, address ranges, mode and firmware changes; and
 * programming by a device the baseline does not know as a programmer. Repeats of the same behaviour between the
 * same two devices merge into one alert with a count.
 */
public final class AlertEngine {
    /** Evidence items kept per alert. */
    public static final int MAX_EVIDENCE = 10;
    /** Operations of the link and transport layers: the enterprise alerts' material, not OT activity. */
    static final Set<String> TRANSPORT_SOURCES = Set.of("tcp", "udp");
    /** Operations of IT protocols: the enterprise alerts' material; the OT baseline and views leave them out. */
    static final Set<String> NETWORK_SOURCES =
            Set.of("tcp", "udp", "arp", "dhcp", "dns", "ftp", "telnet", "ssh", "http", "snmp");
    /** Protocols with their own function-code alerts, so not reported again as new activity. */
    static final Map<String, String> FUNCTION_CODE_ALERTS =
            Map.of("modbus", "modbus-unpermitted-function", "dnp3", "dnp3-unpermitted-function");
    /** The operation names the dissectors report, as the detectors read them. */
    static final String CONNECT = ConnectionObserver.CONNECT, MODE = ReportedOperations.MODE,
            MALFORMED = ReportedOperations.MALFORMED, POLLING = ReportedOperations.POLLING;
    /** A polling summary's detail: the request, then "every=1.000s n=3600". */
    static final Pattern POLL = Pattern.compile("(.*) every=([0-9.]+)s n=(\\d+)");
    /** How far a polling interval may drift from the learned one before it is an anomaly (a factor either way). */
    static final double POLLING_TOLERANCE = 2.0;
    private static final Pattern MODBUS_RANGE = Pattern.compile("(unit=\\d+) start=(\\d+) count=(\\d+)");

    private final AlertCatalogue catalogue;

    public AlertEngine(AlertCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The alerts, most severe first, then by first occurrence; muted ones are left out. */
    public List<Alert> evaluate(List<Device> devices, OperationLog log, Baseline baseline) {
        return evaluate(devices, log, baseline, new Indicators());
    }

    /** As {@link #evaluate(List, OperationLog, Baseline)}, matching traffic against threat-intelligence indicators. */
    public List<Alert> evaluate(List<Device> devices, OperationLog log, Baseline baseline, Indicators indicators) {
        DeviceDirectory directory = new DeviceDirectory(devices);
        RaisedAlerts raised = new RaisedAlerts(catalogue, directory);
        List<LoggedOperation> operations = log.entries();
        for (LoggedOperation o : operations) {
            triggers(o, baseline, raised);
            if (baseline != null) deviations(o, baseline, directory, raised);
        }
        new Scans(catalogue).detect(operations, raised);
        new Spoofing(catalogue).detect(operations, baseline, raised);
        internetConnectivity(operations, directory, raised);
        outsideProfile(operations, directory, raised);
        if (!indicators.isEmpty()) threatIntelligence(devices, operations, indicators, raised);
        modeChanges(operations, directory, baseline, raised);
        if (baseline != null) {
            for (Device d : devices) {
                if (!baseline.has(Baseline.deviceKey(d.deviceId()))) newAsset(d, raised);
                String learned = baseline.firmware(d.deviceId());
                if (learned != null && d.firmwareVersion() != null && !learned.equals(d.firmwareVersion())) {
                    raised.single("firmware-change", d.deviceId(), null, d.lastSeenNanos(), "inventory", "firmware",
                            "learned=" + learned + " now=" + d.firmwareVersion(),
                            "firmware|" + d.deviceId() + "|" + d.firmwareVersion());
                }
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (RaisedAlerts.Builder b : raised.builders.values()) {
            Alert a = b.build();
            if (a != null && (baseline == null || !baseline.muted(a.alertId()))) alerts.add(a);
        }
        alerts.sort(Comparator.comparingInt((Alert a) -> AlertDefinition.SEVERITIES.indexOf(a.severity()))
                .thenComparingLong(Alert::firstSeenNanos).thenComparing(Alert::alertId));
        return alerts;
    }

    /** The operations triggers.tsv names: programming, stops, protocol violations, resets, malformed PDUs. */
    private void triggers(LoggedOperation o, Baseline baseline, RaisedAlerts raised) {
        for (OperationTrigger t : catalogue.triggersFor(o)) {
            String client = raised.directory.name(o.client()), server = raised.directory.name(o.server());
            String key = Baseline.authorizationKey(client, server, t.alertId());
            if (t.learnable() && baseline != null && baseline.has(key)) continue;
            // a session's malformed PDUs are one alert per pair and protocol; others one per pair and alert
            raised.operation(t.alertId(), o, t.alertId(), t.learnable() ? key : null);
        }
    }

    /** Deviations from the baseline, for operations that raise no alert of their own (triggers.tsv). */
    private void deviations(LoggedOperation o, Baseline baseline, DeviceDirectory directory, RaisedAlerts raised) {
        if (NETWORK_SOURCES.contains(o.source()) || o.operation().equals(MODE) || triggered(o)) return;
        String client = directory.name(o.client()), server = directory.name(o.server());
        if (o.operation().equals(POLLING)) {
            pollingChange(o, client, server, baseline, raised);
            return;
        }
        String opKey = Baseline.operationKey(client, server, o.source(), o.operation());
        String functionAlert = FUNCTION_CODE_ALERTS.get(o.source());
        if (functionAlert != null && o.operation().startsWith(ReportedOperations.FUNCTION_CODE)) {
            if (!baseline.has(opKey)) {
                raised.operation(functionAlert, o, functionAlert + "|" + o.operation(), opKey);
            } else if (o.source().equals("modbus")) {
                addressRange(o, client, server, baseline, raised);
            }
            return;
        }
        if (functionAlert != null) return;
        String key = Baseline.activityKey(client, server, o.source(), o.operation(), o.detail());
        if (!baseline.has(key)) raised.operation("new-activity", o, "new-activity|" + o.source() + "|" + o.operation() + "|" + o.detail(), key);
    }

    /** A polled request whose interval moved by more than {@link #POLLING_TOLERANCE} from the learned one. */
    private void pollingChange(LoggedOperation o, String client, String server, Baseline baseline, RaisedAlerts raised) {
        Matcher m = POLL.matcher(o.detail());
        if (!m.matches()) return;
        String key = Baseline.pollingKey(client, server, o.source(), m.group(1));
        Double learned = baseline.polling(key);
        double now = Double.parseDouble(m.group(2));
        if (learned == null || learned <= 0 || now <= 0) return;
        double ratio = now / learned;
        if (ratio <= POLLING_TOLERANCE && ratio >= 1 / POLLING_TOLERANCE) return;
        raised.operation("polling-change", o, "polling-change|" + key, "polling|" + key + "|" + now);
    }

    private boolean triggered(LoggedOperation o) {
        return !catalogue.triggersFor(o).isEmpty();
    }

    private void addressRange(LoggedOperation o, String client, String server, Baseline baseline, RaisedAlerts raised) {
        Matcher m = MODBUS_RANGE.matcher(o.detail());
        if (!m.matches()) return;
        String key = Baseline.rangeKey(client, server, o.operation(), m.group(1));
        long start = Long.parseLong(m.group(2)), end = start + Long.parseLong(m.group(3));
        long[] learned = baseline.range(key);
        if (learned == null || start >= learned[0] && end <= learned[1]) return;
        raised.operation("modbus-address-range", o, "modbus-address-range|" + key,
                "range|" + key + "|" + start + "|" + end);
    }

    /** An OT device exchanging traffic with an internet address, either way. */
    private void internetConnectivity(List<LoggedOperation> operations, DeviceDirectory directory, RaisedAlerts raised) {
        for (LoggedOperation o : operations) {
            if (!TRANSPORT_SOURCES.contains(o.source()) || !o.operation().equals(CONNECT)) continue;
            Device client = directory.device(directory.deviceId(o.client()));
            Device server = directory.device(directory.deviceId(o.server()));
            boolean out = isOt(client) && server == null && internet(o.server());
            boolean in = isOt(server) && client == null && internet(o.client());
            if (out || in) raised.operation("internet-connectivity", o, "internet-connectivity", null, true);
        }
    }

    /** A device opening, on several hosts, TCP ports its type never opens (type-profiles.tsv). */
    private void outsideProfile(List<LoggedOperation> operations, DeviceDirectory directory, RaisedAlerts raised) {
        AlertDefinition def = catalogue.definition("type-profile");
        Map<String, List<LoggedOperation>> byClient = new LinkedHashMap<>();
        for (LoggedOperation o : operations) {
            if (!o.source().equals("tcp") || !o.operation().equals(CONNECT)) continue;
            Device client = directory.device(directory.deviceId(o.client()));
            if (client == null) continue;
            int port;
            try {
                port = Integer.parseInt(o.detail());
            } catch (NumberFormatException e) {
                continue;
            }
            if (catalogue.forbiddenClientPorts(client.deviceType()).contains(port)) {
                byClient.computeIfAbsent(client.deviceId(), k -> new ArrayList<>()).add(o);
            }
        }
        byClient.forEach((client, list) -> {
            Set<String> hosts = new HashSet<>();
            for (LoggedOperation o : list) hosts.add(directory.name(o.server()));
            if (hosts.size() >= def.threshold()) raised.detected("type-profile", list, client, null);
        });
    }

    /** Device facts that name a domain the device looked up or contacted. */
    static final List<String> DOMAIN_ATTRIBUTES = List.of("dns.query", "tls.sni", "http.host");

    /** Traffic to or from a listed address, and lookups or connections naming a listed domain. */
    private void threatIntelligence(List<Device> devices, List<LoggedOperation> operations, Indicators indicators,
                                    RaisedAlerts raised) {
        for (LoggedOperation o : operations) {
            if (TRANSPORT_SOURCES.contains(o.source()) && o.operation().equals(CONNECT)) {
                Indicators.Indicator to = indicators.ip(o.server().ipHi(), o.server().ipLo());
                Indicators.Indicator from = indicators.ip(o.client().ipHi(), o.client().ipLo());
                Indicators.Indicator hit = to != null ? to : from;
                if (hit != null) raised.operation("malicious-ip", o, "malicious-ip|" + hit.value() + "|" + hit.source(), null);
            } else if (o.source().equals("dns") && o.operation().equals("query")) {
                Indicators.Indicator hit = indicators.domain(o.detail());
                if (hit != null) raised.operation("malicious-domain", o, "malicious-domain|" + hit.value(), null);
            }
        }
        for (Device d : devices) {
            for (var e : d.evidence()) {
                if (!DOMAIN_ATTRIBUTES.contains(e.attribute())) continue;
                Indicators.Indicator hit = indicators.domain(e.value());
                if (hit == null) continue;
                raised.single("malicious-domain", d.deviceId(), null, d.lastSeenNanos(), e.source(), e.attribute(),
                        e.value() + " listed by " + hit.source() + (hit.description().isEmpty() ? "" : ": " + hit.description()),
                        null);
            }
        }
    }

    private static boolean isOt(Device d) { return d != null && "OT".equals(d.deviceCategory()); }

    private static boolean internet(Host h) { return h.hasIp() && Addresses.isGlobalUnicast(h.ipHi(), h.ipLo()); }

    /** The modes a controller reports, in time order: any change is an alert, and so is a change from the baseline. */
    private void modeChanges(List<LoggedOperation> operations, DeviceDirectory directory, Baseline baseline, RaisedAlerts raised) {
        Map<String, TreeMap<Long, LoggedOperation>> byController = new LinkedHashMap<>();
        for (LoggedOperation o : operations) {
            if (o.operation().equals(MODE)) byController.computeIfAbsent(directory.name(o.server()), k -> new TreeMap<>()).put(o.first(), o);
        }
        byController.forEach((controller, modes) -> {
            String previous = baseline == null ? null : baseline.mode(controller);
            String before = previous;
            for (LoggedOperation o : modes.values()) {
                if (before != null && !before.equals(o.detail())) {
                    raised.single("plc-mode-change", controller, null, o.first(), o.source(), MODE,
                            "from=" + before + " to=" + o.detail(), "mode|" + controller + "|" + o.detail());
                }
                before = o.detail();
            }
        });
    }

    private void newAsset(Device d, RaisedAlerts raised) {
        String detail = "vendor=" + d.vendor() + " type=" + d.deviceType() + " ip=" + String.join(",", d.ipAddresses());
        raised.single("new-asset", d.deviceId(), null, d.firstSeenNanos(), "inventory", "first-seen", detail,
                Baseline.deviceKey(d.deviceId()));
    }

    /** "OA-" and 12 hex digits of a SHA-256 of the alert's identity: stable across runs, short enough to type. */
    static String alertId(String identity) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "OA-" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
