package io.osprey.cli;

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
        rows.add(new String[] {"DEVICE", "MAC", "IP", "VENDOR", "TYPE", "LOCATION", "SERVICES", "PACKETS", "LAST SEEN"});
        for (Device d : r.devices()) {
            String type = d.deviceType() != null ? d.deviceType()
                    : "Unknown".equals(d.deviceCategory()) || d.deviceCategory() == null ? "-" : d.deviceCategory();
            String vendor = d.vendor() != null ? d.vendor() : Boolean.TRUE.equals(d.randomizedMac()) ? "(randomized)" : "-";
            rows.add(new String[] {
                d.deviceId(), dash(d.macAddress()), d.ipAddresses().isEmpty() ? "-" : String.join(" ", d.ipAddresses()),
                vendor, type, d.networkLocation() == null ? "-" : d.networkLocation().label(),
                d.services().isEmpty() ? "-" : d.services().stream().map(CsvReport::service).collect(Collectors.joining(" ")),
                Long.toString(d.packets()), dash(Format.time(d.lastSeenNanos()))});
        }
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
        out.flush();
    }

    static void explain(Device d, PrintWriter out) {
        out.println(d.deviceId() + (d.macAddress() == null ? "" : "  " + d.macAddress())
                + (d.ipAddresses().isEmpty() ? "" : "  " + String.join(" ", d.ipAddresses())));
        field(out, "vendor", d.vendor());
        field(out, "category", d.deviceCategory());
        field(out, "type", d.deviceType());
        field(out, "location", d.networkLocation() == null ? null : d.networkLocation().label());
        field(out, "randomized MAC", d.randomizedMac() == null ? null : d.randomizedMac().toString());
        field(out, "first seen", Format.time(d.firstSeenNanos()));
        field(out, "last seen", Format.time(d.lastSeenNanos()));
        field(out, "traffic", d.packets() + " packets, " + Format.bytes(d.bytes()) + " sent");
        field(out, "protocols", d.protocols().isEmpty() ? null : String.join(", ", d.protocols()));
        out.println("evidence:");
        if (d.evidence().isEmpty()) out.println("  (none beyond the traffic itself)");
        for (Evidence e : d.evidence()) {
            out.printf("  %-16s %-28s from %s, confidence %.2f%n", e.attribute(), e.value(), e.source(), e.confidence());
        }
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
