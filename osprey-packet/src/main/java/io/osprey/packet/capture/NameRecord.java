package io.osprey.packet.capture;

import java.net.InetAddress;
import java.util.List;

/**
 * One IPv4 or IPv6 entry of a pcapng Name Resolution Block (draft-ietf-opsawg-pcapng §4.5: nrb_record_ipv4,
 * nrb_record_ipv6): an address and the names the capturing tool resolved it to. Collected per file in
 * {@link CaptureStats#names()}.
 */
public record NameRecord(InetAddress address, List<String> names) {
    public NameRecord {
        names = List.copyOf(names);
    }
}
