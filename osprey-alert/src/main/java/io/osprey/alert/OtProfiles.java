package io.osprey.alert;

import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;
import io.osprey.inventory.ServiceEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds each device's {@link OtProfile} from the run's operations and the inventory. Programming relationships come
 * from the operations triggers.tsv maps to programming alerts and from S7 connections of the "PG" (programming
 * device) type; rack and slot from the S7 called TSAP; modes from the modes controllers report.
 */
public final class OtProfiles {
    /** Operations that program a controller, whatever the baseline says (the triggers of these alerts). */
    static final Set<String> PROGRAMMING_ALERTS =
            Set.of("plc-programming", "plc-program-upload", "plc-program-download", "plc-stop", "plc-start");
    /** Device facts that state an operating mode, when no operation reported one. */
    static final List<String> MODE_ATTRIBUTES = List.of("s7.cpuMode", "fins.mode", "ads.state", "enip.state");
    private static final Pattern TSAP = Pattern.compile("type=(\\w+) rack=(\\d+) slot=(\\d+)");

    private final AlertCatalogue catalogue;

    public OtProfiles(AlertCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Profiles by device id, for the devices with anything to show. */
    public Map<String, OtProfile> build(List<Device> devices, OperationLog log) {
        DeviceDirectory directory = new DeviceDirectory(devices);
        Map<String, Draft> drafts = new HashMap<>();
        List<LoggedOperation> operations = log.entries();
        for (LoggedOperation o : operations) {
            if (AlertEngine.NETWORK_SOURCES.contains(o.source()) || o.operation().equals(AlertEngine.MALFORMED)) continue;
            String client = directory.name(o.client()), server = directory.name(o.server());
            Draft s = drafts.computeIfAbsent(server, k -> new Draft());
            if (o.operation().equals(AlertEngine.MODE)) {
                s.mode = o.detail();
                continue;
            }
            if (o.operation().equals(AlertEngine.POLLING)) continue;
            Draft c = drafts.computeIfAbsent(client, k -> new Draft());
            c.peer(server, "client", o);
            s.peer(client, "server", o);
            Matcher m = TSAP.matcher(o.detail());
            boolean programming = o.source().equals("s7") && m.matches() && m.group(1).equals("pg");
            if (o.source().equals("s7") && m.matches()) {
                s.rack = Integer.valueOf(m.group(2));
                s.slot = Integer.valueOf(m.group(3));
            }
            for (OperationTrigger t : catalogue.triggersFor(o)) {
                if (PROGRAMMING_ALERTS.contains(t.alertId())) programming = true;
            }
            if (programming) {
                s.programmedBy.add(client);
                c.programs.add(server);
            }
        }
        Map<String, OtProfile> profiles = new LinkedHashMap<>();
        for (Device d : devices) {
            Draft draft = drafts.getOrDefault(d.deviceId(), new Draft());
            String mode = draft.mode != null ? draft.mode : modeFact(d);
            Purdue purdue = purdue(d, draft);
            if (purdue == null && mode == null && draft.peers.isEmpty()) continue;
            List<OtProfile.Peer> peers = new ArrayList<>();
            draft.peers.forEach((k, p) -> peers.add(new OtProfile.Peer(p.peer, p.role, p.protocols, p.operations)));
            profiles.put(d.deviceId(), new OtProfile(purdue == null ? null : purdue.level, purdue == null ? null : purdue.name,
                    purdue == null ? null : purdue.evidence, mode, draft.rack, draft.slot, draft.programmedBy,
                    draft.programs, List.copyOf(peers)));
        }
        return profiles;
    }

    private static String modeFact(Device d) {
        for (String attribute : MODE_ATTRIBUTES) {
            for (Evidence e : d.evidence()) if (e.attribute().equals(attribute)) return e.value();
        }
        return null;
    }

    private record Purdue(int level, String name, String evidence) {}

    /**
     * The level of the device's type (purdue-levels.tsv); for a device of unknown type, level 1 when it serves an
     * industrial protocol, level 2 when it only asks.
     */
    private Purdue purdue(Device d, Draft draft) {
        AlertCatalogue.PurdueLevel byType = catalogue.purdueLevel(d.deviceType());
        if (byType != null) return new Purdue(byType.level(), byType.name(), "deviceType=" + d.deviceType());
        for (ServiceEntry s : d.services()) {
            if (catalogue.industrialPort(s.port())) {
                return new Purdue(1, "Basic Control", "serves " + s.transport() + "/" + s.port()
                        + (s.protocol() == null ? "" : " (" + s.protocol() + ")"));
            }
        }
        boolean asks = draft.peers.values().stream().anyMatch(p -> p.role.equals("client"));
        boolean answers = draft.peers.values().stream().anyMatch(p -> p.role.equals("server"));
        if (answers) return new Purdue(1, "Basic Control", "answers industrial protocol requests");
        if (asks) return new Purdue(2, "Supervisory", "sends industrial protocol requests");
        return null;
    }

    private static final class Draft {
        final TreeSet<String> programmedBy = new TreeSet<>(), programs = new TreeSet<>();
        final Map<String, PeerDraft> peers = new TreeMap<>();
        String mode;
        Integer rack, slot;

        void peer(String peer, String role, LoggedOperation o) {
            PeerDraft p = peers.computeIfAbsent(peer + "|" + role, k -> new PeerDraft(peer, role));
            p.protocols.add(o.source());
            p.operations.add(o.source() + ":" + o.operation());
        }
    }

    private static final class PeerDraft {
        final String peer, role;
        final TreeSet<String> protocols = new TreeSet<>(), operations = new TreeSet<>();

        PeerDraft(String peer, String role) {
            this.peer = peer;
            this.role = role;
        }
    }
}
