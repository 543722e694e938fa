package io.osprey.cli;

import io.osprey.alert.Alert;

import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The human-readable outputs: the device table, and the explanation of one device. */
final class TableReport {
    private static final int MAX_CELL = 40;

    private TableReport() {}

    static void write(ScanResult r, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DEVICE", "MAC", "IP", "NAME", "VENDOR", "MODEL", "TYPE", "LOCATION", "SERVICES", "PACKETS",
            "LAST SEEN"});
        for (Device d : r.devices()) {
            String type = d.deviceType() != null ? d.deviceType()
                    : "Unknown".equals(d.deviceCategory()) || d.deviceCategory() == null ? "-" : d.deviceCategory();
            String vendor = d.vendor() != null ? d.vendor() : Boolean.TRUE.equals(d.randomizedMac()) ? "(randomized)" : "-";
            rows.add(new String[] {
                d.deviceId(), dash(d.macAddress()), d.ipAddresses().isEmpty() ? "-" : String.join(" ", d.ipAddresses()),
                dash(d.deviceName()), vendor, dash(d.model()), type, d.networkLocation() == null ? "-" : d.networkLocation().label(),
                d.services().isEmpty() ? "-" : d.services().stream().map(CsvReport::service).collect(Collectors.joining(" ")),
                Long.toString(d.packets()), dash(Format.time(d.lastSeenNanos()))});
        }
        print(rows, out);
        if (!r.alerts().isEmpty()) {
            List<String[]> alerts = new ArrayList<>();
            alerts.add(new String[] {"ALERT", "SEVERITY", "TITLE", "SOURCE", "DESTINATION", "COUNT", "FIRST SEEN"});
            for (Alert a : r.alerts()) {
                alerts.add(new String[] {a.alertId(), a.severity(), a.title(), dash(a.sourceDeviceId()),
                    dash(a.destinationDeviceId()), Long.toString(a.count()), dash(Format.time(a.firstSeenNanos()))});
            }
            out.println();
            print(alerts, out);
        }
        out.flush();
    }

    private static void print(List<String[]> rows, PrintWriter out) {
        int[] width = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = clip(row[i]);
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(row[i]);
                if (i < row.length - 1) sb.append(" ".repeat(width[i] - row[i].length() + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** The fields a classification rule sets, in the order --explain prints them. */
    private static final List<String> CLASSIFIED = List.of("deviceName", "vendor", "model", "deviceType", "deviceSubtype",
            "osPlatform", "osVersion", "firmwareVersion", "serialNumber");

    /**
     * Everything Osprey believes about a device and why: its fields, then for each classified field the rules
     * that chose the value and the facts they matched, the values that lost, and every fact observed.
     */
    static void explain(Device d, PrintWriter out) {
        out.println(d.deviceId() + (d.macAddress() == null ? "" : "  " + d.macAddress())
                + (d.ipAddresses().isEmpty() ? "" : "  " + String.join(" ", d.ipAddresses())));
        field(out, "name", d.deviceName());
        field(out, "vendor", d.vendor());
        field(out, "model", d.model());
        field(out, "category", d.deviceCategory());
        field(out, "type", d.deviceType());
        field(out, "subtype", d.deviceSubtype());
        field(out, "os", d.osPlatform() == null ? null : d.osPlatform() + (d.osVersion() == null ? "" : " " + d.osVersion()));
        field(out, "firmware", d.firmwareVersion());
        field(out, "serial", d.serialNumber());
        field(out, "location", d.networkLocation() == null ? null : d.networkLocation().label());
        field(out, "randomized MAC", d.randomizedMac() == null ? null : d.randomizedMac().toString());
        field(out, "first seen", Format.time(d.firstSeenNanos()));
        field(out, "last seen", Format.time(d.lastSeenNanos()));
        field(out, "traffic", d.packets() + " packets, " + Format.bytes(d.bytes()) + " sent");
        field(out, "protocols", d.protocols().isEmpty() ? null : String.join(", ", d.protocols()));
        out.println("why:");
        boolean any = false;
        for (String f : CLASSIFIED) {
            for (Evidence e : d.evidence()) {
                if (!e.attribute().equals(f)) continue;
                out.printf("  %-16s %-28s %s, confidence %.2f%n", f, e.value(), e.source(), e.confidence());
                any = true;
            }
        }
        if (!any) out.println("  (no rule matched: the fields above are unknown, not guessed)");
        List<Evidence> overruled = d.evidence().stream().filter(e -> e.attribute().startsWith("overruled.")).toList();
        if (!overruled.isEmpty()) {
            out.println("overruled (weaker or conflicting values):");
            for (Evidence e : overruled) {
                out.printf("  %-16s %-28s %s, confidence %.2f%n", e.attribute().substring("overruled.".length()), e.value(),
                        e.source(), e.confidence());
            }
        }
        out.println("observed:");
        any = false;
        for (Evidence e : d.evidence()) {
            if (CLASSIFIED.contains(e.attribute()) || e.attribute().startsWith("overruled.")) continue;
            out.printf("  %-24s %-40s from %s, confidence %.2f%n", e.attribute(), e.value(), e.source(), e.confidence());
            any = true;
        }
        if (!any) out.println("  (nothing beyond the traffic itself)");
        out.flush();
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("  %-16s %s%n", name, value == null ? "unknown" : value);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String clip(String s) {
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "…";
    }
}
