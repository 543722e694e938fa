package io.osprey.cli;

import java.util.List;
import java.util.Locale;

/**
 * One labelled device of ../shared/data/pcaps/TRUTH.tsv: the capture it is in (relative to the pcaps folder),
 * how to recognise it (MAC, IP column) and what Osprey should say of it. Free-text columns are kept verbatim;
 * the scorers decide what in them is checkable.
 *
 * @param line the line number in TRUTH.tsv (1 is the header), for messages
 * @param ips the raw IP column: addresses separated by '/' or ',', '.x' wildcards, '.N' shorthand, '-' for none
 * @param acceptedTypes TAXONOMY.md deviceType values any of which is right; empty when the row accepts none
 */
record TruthRow(int line, String file, String mac, String ips, List<String> acceptedTypes, String expectedVendor,
                String expectedModel, String evidence, String sourceNote) {

    /** Anonymised captures zero their MACs (zeek/modbusSmall): such rows are matched by IP only. */
    private static final String ZERO_MAC = "00:00:00:00:00:00";

    TruthRow {
        mac = mac == null ? "" : mac.trim().toLowerCase(Locale.ROOT);
        acceptedTypes = List.copyOf(acceptedTypes);
    }

    /** True when the MAC column names a real interface (not empty, '-' or all zeros). */
    boolean hasRealMac() {
        return mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}") && !mac.equals(ZERO_MAC);
    }

    /** The capture's source collection: the first folder of its path (ics-iti, iot-sentinel, ndpi, ...). */
    String group() {
        int slash = file.indexOf('/');
        return slash < 0 ? "(top)" : file.substring(0, slash);
    }
}
