package io.osprey.packet.live;

import java.net.InetAddress;
import java.util.List;

/**
 * A network interface libpcap can capture on, as pcap_findalldevs(3PCAP) lists it.
 *
 * @param name what {@link LiveCapture#open} takes ("eth0", "any")
 * @param description libpcap's description, or "" when it has none (usual on Linux)
 * @param addresses the interface's IPv4 and IPv6 addresses
 */
public record CaptureInterface(String name, String description, List<InetAddress> addresses,
                               boolean loopback, boolean up, boolean running) {
    public CaptureInterface {
        addresses = List.copyOf(addresses);
    }
}
