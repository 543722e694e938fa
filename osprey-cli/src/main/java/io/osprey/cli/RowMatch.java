package io.osprey.cli;

import io.osprey.inventory.Device;

import java.util.List;
import java.util.Locale;

/**
 * The device of a scan a truth row describes, and how it was recognised.
 *
 * @param device the device; null when none matches (the row's device was not found)
 * @param by "mac", "ip", or "none"
 */
record RowMatch(Device device, String by) {
    static final RowMatch NONE = new RowMatch(null, "none");

    boolean found() {
        return device != null;
    }

    /**
     * By MAC (lower case) when the row has a real one; by IP only when it has none (anonymised captures zero
     * the MACs). A row with a real MAC is never matched by IP: its IP column often lists the addresses of
     * several devices (a master and its outstations), and a neighbour would be counted as found.
     */
    static RowMatch find(TruthRow row, List<Device> devices) {
        if (row.hasRealMac()) {
            for (Device d : devices) {
                if (d.macAddress() != null && row.mac().equals(d.macAddress().toLowerCase(Locale.ROOT))) {
                    return new RowMatch(d, "mac");
                }
            }
            return NONE;
        }
        List<AddressPattern> ips = AddressPattern.parseColumn(row.ips());
        for (Device d : devices) {
            if (d.ipAddresses() == null) continue;
            for (String ip : d.ipAddresses()) {
                for (AddressPattern p : ips) {
                    if (p.matches(ip)) return new RowMatch(d, "ip");
                }
            }
        }
        return NONE;
    }
}
