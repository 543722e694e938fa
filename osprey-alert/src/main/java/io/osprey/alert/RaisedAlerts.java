package io.osprey.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one evaluation while they are built: occurrences of the same behaviour between the same two ends
 * merge into one alert, keyed by (definition, source, destination, discriminator), with a count, the first and last
 * time and the first pieces of evidence. An alert whose definition has a threshold is raised only when it is reached.
 */
final class RaisedAlerts {
    final DeviceDirectory directory;
    final Map<String, Builder> builders = new LinkedHashMap<>();

    private final AlertCatalogue catalogue;

    RaisedAlerts(AlertCatalogue catalogue, DeviceDirectory directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    void operation(String definitionId, LoggedOperation o, String discriminator, String baselineKey) {
        operation(definitionId, o, discriminator, baselineKey, false);
    }

    /** Adds an operation; {@code perSource} merges by the acting end alone (scans, connectivity). */
    void operation(String definitionId, LoggedOperation o, String discriminator, String baselineKey, boolean perSource) {
        String client = directory.name(o.client()), server = directory.name(o.server());
        boolean outsider = directory.deviceId(o.client()) == null && directory.deviceId(o.server()) != null;
        String source = perSource && outsider ? server : client;
        String destination = perSource ? null : server;
        if (definitionId.equals("malformed-packets")) discriminator = "malformed|" + o.source();
        Builder b = builder(definitionId, source, destination, discriminator, baselineKey);
        b.count += o.count();
        b.times.add(o.times());
        b.first = Math.min(b.first, o.first());
        b.last = Math.max(b.last, o.last());
        for (long t : o.times()) {
            if (b.evidence.size() >= AlertEngine.MAX_EVIDENCE) break;
            b.evidence.add(new AlertEvidence(t, o.source(), o.operation(), o.detail(), client, server));
        }
    }

    /**
     * Adds operations a detector has already judged to be one alert (a scan: the contacts within its window), so
     * the definition's threshold is not applied again.
     */
    void detected(String definitionId, List<LoggedOperation> operations, String source, String destination) {
        detected(definitionId, operations, source, destination, null);
    }

    void detected(String definitionId, List<LoggedOperation> operations, String source, String destination,
                  String baselineKey) {
        Builder b = builder(definitionId, source, destination, definitionId, baselineKey);
        b.decided = true;
        for (LoggedOperation o : operations) {
            b.count += o.count();
            b.first = Math.min(b.first, o.first());
            b.last = Math.max(b.last, o.last());
            if (b.evidence.size() < AlertEngine.MAX_EVIDENCE) {
                b.evidence.add(new AlertEvidence(o.first(), o.source(), o.operation(), o.detail(),
                        directory.name(o.client()), directory.name(o.server())));
            }
        }
    }

    void single(String definitionId, String source, String destination, long nanos, String protocol,
                String operation, String detail, String baselineKey) {
        Builder b = builder(definitionId, source, destination, detail, baselineKey);
        b.count++;
        b.times.add(new long[]{nanos});
        b.first = Math.min(b.first, nanos);
        b.last = Math.max(b.last, nanos);
        if (b.evidence.size() < AlertEngine.MAX_EVIDENCE) b.evidence.add(new AlertEvidence(nanos, protocol, operation, detail, source, destination));
    }

    private Builder builder(String definitionId, String source, String destination, String discriminator, String baselineKey) {
        String identity = definitionId + "|" + source + "|" + destination + "|" + discriminator;
        return builders.computeIfAbsent(identity, k -> new Builder(catalogue.definition(definitionId), k, source, destination, baselineKey));
    }

    final class Builder {
        final AlertDefinition definition;
        final String identity, source, destination, baselineKey;
        final List<long[]> times = new ArrayList<>();
        final List<AlertEvidence> evidence = new ArrayList<>();
        long count, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        boolean decided;

        Builder(AlertDefinition definition, String identity, String source, String destination, String baselineKey) {
            this.definition = definition;
            this.identity = identity;
            this.source = source;
            this.destination = destination;
            this.baselineKey = baselineKey;
        }

        /** The alert, or null when its threshold is not reached within its window. */
        Alert build() {
            int n = 0;
            for (long[] t : times) n += t.length;
            long[] all = new long[n];
            int at = 0;
            for (long[] t : times) {
                System.arraycopy(t, 0, all, at, t.length);
                at += t.length;
            }
            if (!decided && !definition.reached(all, count)) return null;
            evidence.sort(Comparator.comparingLong(AlertEvidence::timestampNanos));
            return new Alert(AlertEngine.alertId(identity), definition.id(), definition.title(), definition.engine(),
                    definition.severity(), definition.category(), definition.techniques(), source, destination,
                    first, last, count, List.copyOf(evidence), definition.remediation(), baselineKey, "New");
        }
    }
}
