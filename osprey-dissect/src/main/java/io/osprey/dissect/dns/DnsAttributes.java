package io.osprey.dissect.dns;

import java.util.List;

/**
 * The attribute names the DNS, mDNS and LLMNR dissectors report, and the DNS-SD TXT keys they keep.
 * Values are text as the host sent it, names in presentation form without the trailing dot.
 */
public final class DnsAttributes {
    /** A name the host asked its DNS server about (lower-cased: resolvers randomise case, draft-vixie-dnsext-dns0x20). */
    public static final String DNS_QUERY = "dns.query";

    /** A DNS-SD service type the host announces, e.g. "_ipp._tcp" (RFC 6763 §7: "_service._proto"). */
    public static final String MDNS_SERVICE = "mdns.service";
    /** A DNS-SD service instance name the host announces, e.g. "Philips hue - 2476FF._hap._tcp.local" (RFC 6763 §4.1). */
    public static final String MDNS_INSTANCE = "mdns.instance";
    /**
     * A host name the host announces and proves its own (A/AAAA owner or SRV target resolving to the packet's source
     * address, or the reverse-mapping PTR of that address), e.g. "Philips-hue.local".
     */
    public static final String MDNS_HOSTNAME = "mdns.hostname";
    /** A name the host looked up over mDNS (not its own probes), e.g. "_googlecast._tcp.local". */
    public static final String MDNS_QUERY = "mdns.query";
    /** Prefix of the TXT attributes: "mdns.txt.md" = "BSB002". */
    public static final String MDNS_TXT_PREFIX = "mdns.txt.";

    /** A name the host asked about over LLMNR. */
    public static final String LLMNR_QUERY = "llmnr.query";
    /** A name the host answered for over LLMNR, i.e. its own (RFC 4795 §2.3: responders answer only for their names). */
    public static final String LLMNR_HOSTNAME = "llmnr.hostname";

    /**
     * The TXT keys worth keeping: they describe the device (make, model, firmware), nothing else. Matched
     * case-insensitively (RFC 6763 §6.4); reported under the spelling here. Others (flags, counters, public
     * keys, user-chosen names) are not reported.
     * <ul>
     *   <li>ty, product, usb_MFG, usb_MDL, usb_CMD — Bonjour Printing Specification 1.2.1 §9 (printer make and
     *   model, PostScript product, IEEE 1284 device id parts, page description languages)</li>
     *   <li>md — Google Cast and HomeKit (HAP §6.4) model name</li>
     *   <li>model, srcvers, am, osxvers, rpMd — AirPlay/RAOP and Apple device-info models and versions</li>
     *   <li>fv — firmware version (AirPlay, HAP accessories)</li>
     *   <li>manufacturer, serialNumber, model_number — vendor keys seen on cameras and IoT devices</li>
     *   <li>vendor — Synology and other NAS announcements of their maker</li>
     *   <li>ci — HomeKit accessory category identifier (HAP §6.4: 2 bridge, 5 lightbulb, 7 outlet, 9 thermostat, 17 camera)</li>
     * </ul>
     */
    public static final List<String> TXT_KEYS = List.of("md", "model", "ty", "product", "usb_MFG", "usb_MDL", "usb_CMD",
            "fv", "srcvers", "am", "osxvers", "rpMd", "manufacturer", "serialNumber", "model_number", "vendor", "ci");

    /** Attribute name per entry of {@link #TXT_KEYS}, built once. */
    static final String[] TXT_ATTRIBUTES = TXT_KEYS.stream().map(k -> MDNS_TXT_PREFIX + k).toArray(String[]::new);

    /** Confidence of what a host states about itself in its own messages. */
    public static final double STATED = 1.0;

    private DnsAttributes() {}
}
