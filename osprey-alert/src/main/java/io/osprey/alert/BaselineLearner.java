package io.osprey.alert;

import io.osprey.inventory.Device;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link Baseline} from what a learning run saw: every device, every operation between two ends (with its
 * detail, for new-activity), the mean interval of each polled request, the authorisations of the clients that programmed controllers, the Modbus address ranges, the last mode of each controller and each device's firmware.
 */
public final class BaselineLearner {
    private static final Pattern MODBUS_RANGE = Pattern.compile("(unit=\\d+) start=(\\d+) count=(\\d+)");

    private BaselineLearner() {}

    /** Adds the run to {@code baseline} (a new one, or one being extended) and returns it. */
    public static Baseline learn(Baseline baseline, List<Device> devices, OperationLog log) {
        return learn(baseline, devices, log, AlertCatalogue.bundled());
    }

    public static Baseline learn(Baseline baseline, List<Device> devices, OperationLog log, AlertCatalogue catalogue) {
        DeviceDirectory directory = new DeviceDirectory(devices);
        for (Device d : devices) {
            baseline.add(Baseline.deviceKey(d.deviceId()));
            if (d.firmwareVersion() != null) baseline.firmware(d.deviceId(), d.firmwareVersion());
            if (d.firstSeenNanos() != 0) baseline.learnedOver(d.firstSeenNanos(), d.lastSeenNanos());
        }
        List<LoggedOperation> operations = log.entries();
        for (LoggedOperation o : operations) {
            if (AlertEngine.TRANSPORT_SOURCES.contains(o.source()) || o.operation().equals(AlertEngine.MALFORMED)) continue;
            String client = directory.name(o.client()), server = directory.name(o.server());
            if (o.source().equals("dhcp")) baseline.add(Spoofing.dhcpServerKey(server));
            if (AlertEngine.NETWORK_SOURCES.contains(o.source())) continue;
            if (o.operation().equals(AlertEngine.MODE)) {
                baseline.mode(server, o.detail());
                continue;
            }
            Matcher poll = AlertEngine.POLL.matcher(o.detail());
            if (o.operation().equals(AlertEngine.POLLING)) {
                if (poll.matches()) {
                    baseline.polling(Baseline.pollingKey(client, server, o.source(), poll.group(1)), Double.parseDouble(poll.group(2)));
                }
                continue;
            }
            baseline.add(Baseline.operationKey(client, server, o.source(), o.operation()));
            for (OperationTrigger t : catalogue.triggersFor(o)) {
                if (t.learnable()) baseline.add(Baseline.authorizationKey(client, server, t.alertId()));
            }
            baseline.add(Baseline.activityKey(client, server, o.source(), o.operation(), o.detail()));
            Matcher m = MODBUS_RANGE.matcher(o.detail());
            if (o.source().equals("modbus") && m.matches()) {
                long start = Long.parseLong(m.group(2));
                baseline.addRange(Baseline.rangeKey(client, server, o.operation(), m.group(1)), start,
                        start + Long.parseLong(m.group(3)));
            }
        }
        return baseline;
    }
}
