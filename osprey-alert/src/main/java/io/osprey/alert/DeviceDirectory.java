package io.osprey.alert;

import io.osprey.dissect.Host;
import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;
import io.osprey.packet.decode.Addresses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which device of an inventory snapshot a {@link Host} of an observation is. An IP that a device owns names that
 * device (a routed host's frames carry its router's MAC, so the IP is the better name); otherwise, unless the IP is an
 * internet address (whose frames carry the router's MAC too), the MAC, when a device is keyed by it (a linked randomized MAC names the device it was merged into). A host that is neither, such
 * as an internet address, is no device: {@link #deviceId} is null and the caller shows its address.
 */
public final class DeviceDirectory {
    private final Map<String, Device> byId = new HashMap<>();
    private final Map<String, String> byIp = new HashMap<>();
    private final Map<String, String> byMac = new HashMap<>();
    /** Hosts already named: a log names the same few ends over and over. */
    private final Map<Host, String> names = new HashMap<>();
    private final Map<Host, String> ids = new HashMap<>();
    private static final String NONE = "";

    public DeviceDirectory(List<Device> devices) {
        for (Device d : devices) {
            byId.put(d.deviceId(), d);
            for (String ip : d.ipAddresses()) byIp.putIfAbsent(ip, d.deviceId());
            if (d.macAddress() != null) byMac.put(d.macAddress(), d.deviceId());
            for (Evidence e : d.evidence()) if (e.attribute().equals("linkedMac")) byMac.put(e.value(), d.deviceId());
        }
    }

    /** The device the host is, or null. */
    public String deviceId(Host host) {
        String id = ids.computeIfAbsent(host, h -> {
            String found = resolve(h);
            return found == null ? NONE : found;
        });
        return id.equals(NONE) ? null : id;
    }

    private String resolve(Host host) {
        if (host.hasIp()) {
            String id = byIp.get(Addresses.ip(host.ipHi(), host.ipLo()));
            if (id != null) return id;
            // an internet address behind a MAC is reached through that MAC (a router): it is not the router
            if (Addresses.isGlobalUnicast(host.ipHi(), host.ipLo())) return null;
        }
        if (host.hasMac()) return byMac.get(Addresses.mac(host.mac()));
        return null;
    }

    public Device device(String deviceId) { return deviceId == null ? null : byId.get(deviceId); }

    /** The device id when the host is a device, else its address (an IP, or a MAC for link-layer protocols). */
    public String name(Host host) {
        return names.computeIfAbsent(host, this::describe);
    }

    private String describe(Host host) {
        String id = deviceId(host);
        if (id != null) return id;
        return host.hasIp() ? Addresses.ip(host.ipHi(), host.ipLo()) : host.hasMac() ? Addresses.mac(host.mac()) : "?";
    }
}
