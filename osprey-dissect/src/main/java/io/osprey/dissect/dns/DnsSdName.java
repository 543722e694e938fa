package io.osprey.dissect.dns;

/**
 * The structure of DNS-SD names (RFC 6763): where the "_service._proto" pair sits in a name.
 * <pre>
 *   _services._dns-sd._udp.local                  service type enumeration (§9)
 *   _ipp._tcp.local                               service type: browse for instances (§4.1)
 *   _printer._sub._http._tcp.local                subtype (§7.1)
 *   Office Printer._ipp._tcp.local                service instance name: one label, then the type (§4.1)
 * </pre>
 */
final class DnsSdName {
    /** RFC 6763 §7: the protocol label is "_tcp" for TCP services and "_udp" for everything else. */
    static final String TCP = "_tcp", UDP = "_udp";

    private DnsSdName() {}

    /**
     * The index of the "_service" label of the first "_service._tcp" or "_service._udp" pair, or -1 when the name
     * has none. At least one label (the domain) must follow the pair.
     */
    static int serviceTypeIndex(DnsName name) {
        for (int i = 0; i + 2 < name.labelCount(); i++) {
            if (name.labelStartsWith(i, '_') && name.labelLength(i) > 1
                    && (name.labelEquals(i + 1, TCP) || name.labelEquals(i + 1, UDP))) {
                return i;
            }
        }
        return -1;
    }

    /** True for "_services._dns-sd._udp.&lt;domain&gt;", whose PTR records name service types (RFC 6763 §9). */
    static boolean isServiceTypeEnumeration(DnsName name) {
        return name.labelCount() > 3 && name.labelEquals(0, "_services") && name.labelEquals(1, "_dns-sd")
                && name.labelEquals(2, UDP);
    }

    /**
     * The service type index of a service instance name ("Instance._service._proto.domain"), or -1 when the name
     * is not one: the instance is exactly one label, which is not the "_sub" of a subtype.
     */
    static int instanceServiceIndex(DnsName name) {
        int s = serviceTypeIndex(name);
        return s == 1 && !name.labelEquals(0, "_sub") && !isServiceTypeEnumeration(name) ? 1 : -1;
    }

    /** True when the name is a service type itself ("_service._proto.domain", or a subtype of one). */
    static boolean isServiceType(DnsName name) {
        int s = serviceTypeIndex(name);
        return s == 0 || s >= 2 && name.labelEquals(s - 1, "_sub");
    }
}
