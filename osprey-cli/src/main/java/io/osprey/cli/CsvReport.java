package io.osprey.cli;

import io.osprey.inventory.Device;
import io.osprey.inventory.ServiceEntry;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** One row per device, RFC 4180 quoting; list fields are joined with a space. */
final class CsvReport {
    static final List<String> COLUMNS = List.of("deviceId", "macAddress", "ipAddresses", "vendor", "deviceName",
            "deviceCategory", "deviceType", "deviceSubtype", "model", "osPlatform", "osVersion", "firmwareVersion",
            "serialNumber", "protocols", "services", "firstSeen", "lastSeen", "randomizedMac", "networkLocation",
            "packets", "bytes");

    private CsvReport() {}

    static void write(ScanResult r, PrintWriter out) {
        out.print(String.join(",", COLUMNS));
        out.print("\r\n");
        for (Device d : r.devices()) {
            String services = d.services().stream().map(CsvReport::service).collect(Collectors.joining(" "));
            List<Object> row = List.of(d.deviceId(), nz(d.macAddress()), String.join(" ", d.ipAddresses()),
                    nz(d.vendor()), nz(d.deviceName()), nz(d.deviceCategory()), nz(d.deviceType()),
                    nz(d.deviceSubtype()), nz(d.model()), nz(d.osPlatform()), nz(d.osVersion()),
                    nz(d.firmwareVersion()), nz(d.serialNumber()), String.join(" ", d.protocols()), services,
                    nz(Format.time(d.firstSeenNanos())), nz(Format.time(d.lastSeenNanos())),
                    d.randomizedMac() == null ? "" : d.randomizedMac(),
                    d.networkLocation() == null ? "" : d.networkLocation().label(), d.packets(), d.bytes());
            out.print(row.stream().map(v -> quote(v.toString())).collect(Collectors.joining(",")));
            out.print("\r\n");
        }
        out.flush();
    }

    static String service(ServiceEntry s) {
        return s.transport() + "/" + s.port() + (s.protocol() == null ? "" : "(" + s.protocol() + ")");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** RFC 4180 §2: fields with commas, quotes or line breaks are quoted, quotes doubled. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
