package io.osprey.vuln.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysts' decisions and the sensor's memory between runs, kept in the store (migration V002): asset values,
 * recommendation exceptions and states, and alert states. Times are capture times (UTC), so replaying old captures
 * ages alerts by the traffic's clock, not the wall clock.
 */
public final class PostureState {
    /** An alert that is not raised again for this long closes by itself. */
    public static final Duration ALERT_QUIET_CLOSE = Duration.ofDays(90);
    public static final Set<String> ASSET_VALUES = Set.of("Low", "Normal", "High");

    /** An alert as a run raised it. */
    public record RaisedAlert(String alertId, String definitionId, String title, String severity, String source,
                              String destination, long firstNanos, long lastNanos, long count) {}

    /** An accepted recommendation. */
    public record Exception(String justification, LocalDate expires) {}

    private final VulnStore store;

    public PostureState(VulnStore store) {
        this.store = store;
    }

    public Map<String, String> assetValues() throws IOException {
        return store.transaction(c -> {
            Map<String, String> out = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT device_id, value FROM asset_value")) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    public void setAssetValue(String deviceId, String value) throws IOException {
        if (!ASSET_VALUES.contains(value)) throw new IllegalArgumentException("asset value must be Low, Normal or High, not '" + value + "'");
        store.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO asset_value (device_id, value) VALUES (?, ?)")) {
                p.setString(1, deviceId);
                p.setString(2, value);
                p.executeUpdate();
            }
            return null;
        });
    }

    public void addException(String deviceId, String recommendationId, String justification, LocalDate expires) throws IOException {
        if (justification == null || justification.isBlank()) throw new IllegalArgumentException("an exception needs a justification");
        store.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO recommendation_exception VALUES (?, ?, ?, ?)")) {
                p.setString(1, deviceId);
                p.setString(2, recommendationId);
                p.setString(3, justification);
                p.setObject(4, expires);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Exceptions by "device|recommendation" that have not expired on {@code today}. */
    public Map<String, Exception> exceptions(LocalDate today) throws IOException {
        return store.transaction(c -> {
            Map<String, Exception> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT device_id, recommendation_id, justification, expires "
                    + "FROM recommendation_exception WHERE expires >= ?")) {
                p.setObject(1, today);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1) + "|" + rs.getString(2), new Exception(rs.getString(3), rs.getObject(4, LocalDate.class)));
                }
            }
            return out;
        });
    }

    /**
     * Records a run's recommendations ("device|recommendation" → status active or exception, seen at
     * {@code nowNanos}) and returns those that were open before and are no longer seen: now resolved.
     */
    public List<String> recordRecommendations(Map<String, String> seen, long nowNanos) throws IOException {
        Timestamp now = timestamp(nowNanos);
        return store.transaction(c -> {
            Map<String, String> before = new LinkedHashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT device_id, recommendation_id, status FROM recommendation_state WHERE status <> 'resolved'")) {
                while (rs.next()) before.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO recommendation_state VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (device_id, recommendation_id) DO UPDATE SET status = excluded.status, last_seen = excluded.last_seen")) {
                for (Map.Entry<String, String> e : seen.entrySet()) {
                    String[] k = e.getKey().split("\\|", 2);
                    upsert.setString(1, k[0]);
                    upsert.setString(2, k[1]);
                    upsert.setString(3, e.getValue());
                    upsert.setTimestamp(4, now);
                    upsert.setTimestamp(5, now);
                    upsert.executeUpdate();
                }
            }
            List<String> resolved = before.keySet().stream().filter(k -> !seen.containsKey(k)).toList();
            try (PreparedStatement p = c.prepareStatement("UPDATE recommendation_state SET status = 'resolved' "
                    + "WHERE device_id = ? AND recommendation_id = ?")) {
                for (String k : resolved) {
                    String[] f = k.split("\\|", 2);
                    p.setString(1, f[0]);
                    p.setString(2, f[1]);
                    p.executeUpdate();
                }
            }
            return resolved;
        });
    }

    /**
     * Records a run's alerts and returns each one's lifecycle status: New when first raised, Active when a
     * previous run raised it too. Alerts not raised for {@link #ALERT_QUIET_CLOSE} before {@code nowNanos} close.
     */
    public Map<String, String> recordAlerts(List<RaisedAlert> alerts, long nowNanos) throws IOException {
        return store.transaction(c -> {
            Map<String, String> status = new LinkedHashMap<>();
            Map<String, String> known = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT alert_id, status FROM alert_state")) {
                while (rs.next()) known.put(rs.getString(1), rs.getString(2));
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_state VALUES (?, ?, ?, ?, ?, ?, 'New', ?, ?, ?, 1)");
                 PreparedStatement update = c.prepareStatement("UPDATE alert_state SET status = 'Active', "
                         + "last_seen = greatest(last_seen, ?), count = count + ?, runs = runs + 1 WHERE alert_id = ?")) {
                for (RaisedAlert a : alerts) {
                    if (known.containsKey(a.alertId())) {
                        update.setTimestamp(1, timestamp(a.lastNanos()));
                        update.setLong(2, a.count());
                        update.setString(3, a.alertId());
                        update.executeUpdate();
                        status.put(a.alertId(), "Active");
                    } else {
                        insert.setString(1, a.alertId());
                        insert.setString(2, a.definitionId());
                        insert.setString(3, a.title());
                        insert.setString(4, a.severity());
                        insert.setString(5, a.source());
                        insert.setString(6, a.destination());
                        insert.setTimestamp(7, timestamp(a.firstNanos()));
                        insert.setTimestamp(8, timestamp(a.lastNanos()));
                        insert.setLong(9, a.count());
                        insert.executeUpdate();
                        status.put(a.alertId(), "New");
                    }
                }
            }
            try (PreparedStatement close = c.prepareStatement("UPDATE alert_state SET status = 'Closed' "
                    + "WHERE status <> 'Closed' AND last_seen < ?")) {
                close.setTimestamp(1, timestamp(nowNanos - ALERT_QUIET_CLOSE.toNanos()));
                close.executeUpdate();
            }
            return status;
        });
    }

    /** Alerts by status, for `osprey alerts`-style summaries and tests. */
    public Map<String, String> alertStatuses() throws IOException {
        return store.transaction(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT alert_id, status FROM alert_state ORDER BY alert_id")) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    private static Timestamp timestamp(long nanos) {
        return Timestamp.from(Instant.ofEpochSecond(0, nanos).atOffset(ZoneOffset.UTC).toInstant());
    }
}
