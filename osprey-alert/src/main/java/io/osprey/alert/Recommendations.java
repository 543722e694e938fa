package io.osprey.alert;

import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;
import io.osprey.inventory.ServiceEntry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which recommendations of the catalogue (recommendations.tsv) apply to a device, each with its evidence. The texts
 * are data; each check here is the few lines that say when its row applies.
 */
public final class Recommendations {
    /** One catalogue row. */
    public record Entry(String id, String title, String severity, String remediation) {}

    /** What a check sees of a device beyond its own facts. */
    public record Context(List<Alert> alerts, List<Weakness> weaknesses, Set<String> internetPeers, String plcMode) {}

    static final Set<String> SEVERITIES = Set.of("High", "Medium", "Low");
    private static final Set<Integer> VNC_PORTS = Set.of(5900, 5901, 5902, 5903);
    private static final Set<Integer> HTTP_PORTS = Set.of(80, 8000, 8008, 8080, 8081);
    private final Map<String, Entry> entries;

    private Recommendations(Map<String, Entry> entries) {
        this.entries = entries;
    }

    private static final class Holder {
        static final Recommendations BUNDLED = load();
    }

    public static Recommendations bundled() { return Holder.BUNDLED; }

    private static Recommendations load() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = Recommendations.class.getResourceAsStream("recommendations.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 4 || !SEVERITIES.contains(f[2])) {
                    throw new IllegalStateException("recommendations.tsv:" + n + ": id, title, High|Medium|Low, remediation expected");
                }
                entries.put(f[0], new Entry(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Recommendations(entries);
    }

    public List<Entry> entries() { return List.copyOf(entries.values()); }

    /** The recommendations that apply to the device, in catalogue order. */
    public List<RecommendationFinding> applicable(Device d, Context c) {
        List<RecommendationFinding> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            List<String> evidence = check(e.id(), d, c);
            if (!evidence.isEmpty()) {
                out.add(new RecommendationFinding(e.id(), e.title(), e.severity(), e.remediation(), "active", evidence));
            }
        }
        return out;
    }

    private static List<String> check(String id, Device d, Context c) {
        List<String> ev = new ArrayList<>();
        switch (id) {
            case "disable-telnet" -> {
                serves(d, "tcp", Set.of(23), ev);
                facts(d, "telnet.banner", null, ev);
            }
            case "remove-snmp-v1-v2c" -> {
                if (isSnmpAgent(d)) facts(d, "snmp.version", Set.of("1", "2c", "v1", "v2c"), ev);
            }
            case "snmp-default-community" -> facts(d, "snmp.communityInUse", Set.of("default-public", "default-private", "empty"), ev);
            case "vnc-authentication" -> serves(d, "tcp", VNC_PORTS, ev);
            case "https-administration" -> {
                List<String> web = new ArrayList<>();
                serves(d, "tcp", HTTP_PORTS, web);
                if (!web.isEmpty()) {
                    facts(d, "http.authRealm", null, ev);
                    if (!ev.isEmpty()) ev.addAll(web);
                }
            }
            case "cleartext-credentials" -> {
                facts(d, "http.basicAuth", null, ev);
                facts(d, "snmp.communityInUse", null, ev);
                for (Alert a : c.alerts()) if (a.definitionId().equals("cleartext-credentials")) ev.add("alert " + a.alertId() + ": " + a.title());
            }
            case "update-firmware" -> {
                for (Weakness w : c.weaknesses()) {
                    if (w.fixAvailable() && !w.confidence().equals("possible")) ev.add(w.cveId() + " (" + w.confidence() + ", fix available)");
                }
            }
            case "internet-direct" -> {
                if (!"Router".equals(d.deviceType()) && !"Firewall".equals(d.deviceType()) && !c.internetPeers().isEmpty()) {
                    ev.add(c.internetPeers().size() + " internet address(es), e.g. " + c.internetPeers().iterator().next());
                }
            }
            case "upnp-exposed" -> {
                facts(d, "ssdp.usn", null, ev);
                if (ev.isEmpty()) facts(d, "ssdp.server", null, ev);
            }
            case "unauthorized-device" -> {
                for (Alert a : c.alerts()) {
                    if (a.definitionId().equals("new-asset") && d.deviceId().equals(a.sourceDeviceId())) ev.add("alert " + a.alertId() + ": not in the baseline");
                }
            }
            case "plc-operating-mode" -> {
                if ("PLC".equals(d.deviceType()) && c.plcMode() != null && !c.plcMode().equalsIgnoreCase("run")) {
                    ev.add("reported mode: " + c.plcMode());
                }
            }
            default -> throw new IllegalStateException("no check for recommendation " + id);
        }
        return ev;
    }

    private static boolean isSnmpAgent(Device d) {
        for (ServiceEntry s : d.services()) if (s.port() == 161 && s.transport().equals("udp")) return true;
        for (Evidence e : d.evidence()) if (e.attribute().equals("snmp.sysDescr") || e.attribute().equals("snmp.sysName")) return true;
        return false;
    }

    private static void serves(Device d, String transport, Set<Integer> ports, List<String> ev) {
        for (ServiceEntry s : d.services()) {
            if (s.transport().equals(transport) && ports.contains(s.port())) {
                ev.add("serves " + transport + "/" + s.port() + (s.protocol() == null ? "" : " (" + s.protocol() + ")"));
            }
        }
    }

    private static void facts(Device d, String attribute, Set<String> values, List<String> ev) {
        for (Evidence e : d.evidence()) {
            if (e.attribute().equals(attribute) && (values == null || values.contains(e.value()))) {
                ev.add(attribute + "=" + e.value() + " (" + e.source() + ")");
            }
        }
    }
}
