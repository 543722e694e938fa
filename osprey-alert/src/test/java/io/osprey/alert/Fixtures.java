package io.osprey.alert;

import io.osprey.dissect.Host;
import io.osprey.dissect.Observation;
import io.osprey.inventory.Device;
import io.osprey.inventory.NetworkLocation;
import io.osprey.packet.decode.Addresses;
import io.osprey.packet.decode.IpAddress;

import java.util.List;
import java.util.TreeSet;

/** Devices and operations written by hand: the alert engine's inputs without a capture. */
final class Fixtures {
    static final long SECOND = 1_000_000_000L;
    static final long T0 = 1_700_000_000L * SECOND;

    private Fixtures() {}

    static Host host(String ip) {
        IpAddress a = Addresses.parseIp(ip);
        return new Host(io.osprey.packet.decode.Packet.NO_MAC, a.hi(), a.lo());
    }

    /** A local device keyed by its IP's last octet, of the given category and type. */
    static Device device(String ip, String category, String type) {
        return device(ip, category, type, null);
    }

    static Device device(String ip, String category, String type, String firmware) {
        return new Device("dev-" + ip, null, List.of(ip), "Acme", null, category, type, null, null, null, null,
                firmware, null, new TreeSet<>(), new TreeSet<>(), T0, T0 + 60 * SECOND, false, NetworkLocation.LOCAL,
                1, 1, List.of());
    }

    static Observation.Operation op(String client, String server, String source, String operation, String detail,
                                    long seconds) {
        return new Observation.Operation(host(client), host(server), source, operation, detail, T0 + seconds * SECOND);
    }

    static OperationLog log(Observation.Operation... operations) {
        OperationLog log = new OperationLog();
        for (Observation.Operation o : operations) log.add(o);
        return log;
    }
}
