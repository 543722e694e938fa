package io.osprey.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a labelled device's packets carry identifying strings, so that it counts toward the "deviceType
 * correct for at least 90% of identifiable devices" target. Decided from TRUTH.tsv's evidence column only,
 * conservatively: a row is identifiable when its evidence names a source of identity strings ({@link
 * #MARKERS}: DHCP (host name, vendor class, parameter list: GROUND_TRUTH.md counts them as evident from
 * packets), vendor classes, LLDP/CDP descriptions, S7 SZL, ENIP ListIdentity replies, HTTP/SSDP
 * headers, user agents, mDNS/NBNS names, SNMP values, protocol payload strings). Evidence that is only an
 * OUI, a client or server role, protocol traffic without names (Modbus function codes, DNP3, GOOSE, EAPOL,
 * STP), a file name, or "no identity strings in this run" is not.
 *
 * <p>The evidence column lists items separated by " / ". Items that name only generic software or a radio module
 * ({@link #GENERIC}: a udhcp or dhcpcd vendor class, a DHCP parameter list, a module's default host name such as
 * ESP_07AEFB or HF-LPB100) identify the DHCP client or the Wi-Fi chip, not the device, and are ignored; so are DNS
 * queries for cloud or NTP names, which name the maker's service at most. Only the ".local" names of a
 * "DNS/mDNS queries" item (the device's own mDNS names) count.
 */
final class IdentityEvidence {
    /** Lower-case substrings of the evidence column, each naming a source of identity strings. */
    static final List<String> MARKERS = List.of("hostname", "host name", "vendor class", "user class", "opt55", "dhcp",
            "lldp", "cdp", "szl", "listidentity reply", "controller data read", "readproperty reply", "ssdp", "http",
            "user-agent", "server header", "mdns", "nbns", "netbios", "snmp", "model string", "payload strings",
            "hello strings", "beacon", "ws-discovery", "display names", "mud", "search response");

    /** Evidence items, lower case, that identify software or a module rather than the device. */
    static final List<Pattern> GENERIC = List.of(
            Pattern.compile("^dhcp vendor class: (udhcp|dhcpcd)[\\s\\w.:+-]*$"),
            Pattern.compile("^dhcp opt55: [\\d,\\s]*$"),
            Pattern.compile("^dhcp hostname: (esp_[0-9a-f]{6}|hf-lpb\\d+|gainspan[0-9a-f]+)$"));
    private static final String DNS_QUERIES = "dns/mdns queries:";

    /** The decision and the evidence marker that made it (null when none did). */
    record Decision(boolean identifiable, String marker) {
        String cell() {
            return identifiable ? "yes (" + marker + ")" : "no";
        }
    }

    private IdentityEvidence() {}

    static Decision of(TruthRow row) {
        String all = row.evidence().toLowerCase(Locale.ROOT);
        if (all.contains("no identity strings")) return new Decision(false, null);
        StringBuilder kept = new StringBuilder();
        for (String item : all.split(" / ")) {
            String i = item.strip();
            if (GENERIC.stream().anyMatch(g -> g.matcher(i).matches())) continue;
            if (i.startsWith(DNS_QUERIES)) {
                boolean own = java.util.Arrays.stream(i.substring(DNS_QUERIES.length()).split(";"))
                        .anyMatch(n -> n.strip().endsWith(".local"));
                if (!own) continue;
            }
            kept.append(i).append(" / ");
        }
        String e = kept.toString();
        for (String m : MARKERS) {
            if (e.contains(m)) return new Decision(true, m);
        }
        return new Decision(false, null);
    }
}
