package io.osprey.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the network looked like while Osprey learned it: the devices, who used which protocol operation with whom,
 * the Modbus address ranges, the polling intervals, the controllers' modes and firmware. After learning, anything outside it is a deviation
 * (new asset, unpermitted function code, new activity, address range, mode or firmware change). An analyst adds
 * to it by learning an alert and silences alerts by muting them.
 *
 * <p>Persisted as a small JSON document (format {@value #FORMAT}), written atomically, that is also the export and
 * import format. Keys name devices by their stable device ids (an address when the end is no device):
 * <ul>
 *   <li>{@code device|ID}: a known device;</li>
 *   <li>{@code op|CLIENT|SERVER|PROTOCOL|OPERATION}: an operation used between two ends;</li>
 *   <li>{@code activity|CLIENT|SERVER|PROTOCOL|OPERATION|DETAIL}: a service, class or function used between them;</li>
 *   <li>{@code authorized|CLIENT|SERVER|ALERT}: the client may do what raises that alert to the server (an
 *   authorised programmer).</li>
 * </ul>
 */
public final class Baseline {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TreeSet<String> facts = new TreeSet<>();
    /** Modbus ranges: "CLIENT|SERVER|fc-3|unit=1" → {lowest start, highest end}. */
    private final TreeMap<String, long[]> ranges = new TreeMap<>();
    private final TreeMap<String, String> modes = new TreeMap<>();
    /** Polling: "CLIENT|SERVER|PROTOCOL|OPERATION DETAIL" → mean seconds between requests. */
    private final TreeMap<String, Double> polling = new TreeMap<>();
    private final TreeMap<String, String> firmware = new TreeMap<>();
    private final TreeSet<String> muted = new TreeSet<>();
    private final List<String> captures = new ArrayList<>();
    private long learnedFromNanos = Long.MAX_VALUE, learnedToNanos = Long.MIN_VALUE;

    public static String deviceKey(String id) { return "device|" + id; }

    public static String operationKey(String client, String server, String protocol, String operation) {
        return "op|" + client + "|" + server + "|" + protocol + "|" + operation;
    }

    /** That a client may do what raises a learnable alert ("plc-program-download") to a server: it is authorised. */
    public static String authorizationKey(String client, String server, String alertId) {
        return "authorized|" + client + "|" + server + "|" + alertId;
    }

    public static String activityKey(String client, String server, String protocol, String operation, String detail) {
        return "activity|" + client + "|" + server + "|" + protocol + "|" + operation + "|" + detail;
    }

    public static String rangeKey(String client, String server, String operation, String unit) {
        return client + "|" + server + "|" + operation + "|" + unit;
    }

    public boolean has(String key) { return facts.contains(key); }

    public void add(String key) { facts.add(key); }

    /** Widens the learned range of a Modbus (client, server, function, unit) to cover [start, end). */
    public void addRange(String key, long start, long end) {
        ranges.merge(key, new long[]{start, end}, (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }

    /** The learned range, or null when the combination was never seen. */
    public long[] range(String key) { return ranges.get(key); }

    public static String pollingKey(String client, String server, String protocol, String request) {
        return client + "|" + server + "|" + protocol + "|" + request;
    }

    public void polling(String key, double seconds) { polling.put(key, seconds); }

    /** The learned mean interval of a polled request, in seconds, or null. */
    public Double polling(String key) { return polling.get(key); }

    public void mode(String deviceId, String mode) { modes.put(deviceId, mode); }

    public String mode(String deviceId) { return modes.get(deviceId); }

    public void firmware(String deviceId, String version) { firmware.put(deviceId, version); }

    public String firmware(String deviceId) { return firmware.get(deviceId); }

    public void mute(String alertId) { muted.add(alertId); }

    public boolean muted(String alertId) { return muted.contains(alertId); }

    public void learnedOver(long firstNanos, long lastNanos) {
        learnedFromNanos = Math.min(learnedFromNanos, firstNanos);
        learnedToNanos = Math.max(learnedToNanos, lastNanos);
    }

    public void capture(String path) { if (!captures.contains(path)) captures.add(path); }

    public int size() { return facts.size() + ranges.size() + modes.size() + firmware.size() + polling.size(); }

    public int devices() { return (int) facts.stream().filter(k -> k.startsWith("device|")).count(); }

    public int mutedCount() { return muted.size(); }

    /**
     * Adds what an alert's {@code baselineKey} says: a fact, a widened range ("range|KEY|start|end"), a mode
     * ("mode|ID|MODE") or a firmware version ("firmware|ID|VERSION").
     */
    public void learn(String baselineKey) {
        String[] f = baselineKey.split("\\|", -1);
        switch (f[0]) {
            case "range" -> {
                int n = f.length;
                addRange(String.join("|", java.util.Arrays.copyOfRange(f, 1, n - 2)), Long.parseLong(f[n - 2]),
                        Long.parseLong(f[n - 1]));
            }
            case "mode" -> mode(f[1], f[2]);
            case "firmware" -> firmware(f[1], f[2]);
            case "polling" -> polling(String.join("|", java.util.Arrays.copyOfRange(f, 1, f.length - 1)), Double.parseDouble(f[f.length - 1]));
            default -> add(baselineKey);
        }
    }

    /** Takes in everything another baseline holds (import). */
    public void merge(Baseline other) {
        facts.addAll(other.facts);
        other.ranges.forEach((k, r) -> addRange(k, r[0], r[1]));
        modes.putAll(other.modes);
        polling.putAll(other.polling);
        firmware.putAll(other.firmware);
        muted.addAll(other.muted);
        for (String c : other.captures) capture(c);
        if (other.learnedFromNanos != Long.MAX_VALUE) learnedOver(other.learnedFromNanos, other.learnedToNanos);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("learnedFrom", learnedFromNanos == Long.MAX_VALUE ? null : java.time.Instant.ofEpochSecond(0, learnedFromNanos).toString());
        root.put("learnedTo", learnedToNanos == Long.MIN_VALUE ? null : java.time.Instant.ofEpochSecond(0, learnedToNanos).toString());
        captures.forEach(root.putArray("captures")::add);
        facts.forEach(root.putArray("facts")::add);
        ObjectNode r = root.putObject("ranges");
        ranges.forEach((k, v) -> r.putArray(k).add(v[0]).add(v[1]));
        modes.forEach(root.putObject("modes")::put);
        ObjectNode p = root.putObject("polling");
        polling.forEach(p::put);
        ObjectNode fw = root.putObject("firmware");
        firmware.forEach(fw::put);
        muted.forEach(root.putArray("muted")::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a baseline document; a document that is not one gives an {@link IllegalArgumentException} saying why. */
    public static Baseline fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("format")) throw new IllegalArgumentException("not an Osprey baseline (no \"format\")");
        if (root.get("format").asInt() > FORMAT) {
            throw new IllegalArgumentException("baseline format " + root.get("format").asInt() + " is newer than this Osprey (" + FORMAT + ")");
        }
        Baseline b = new Baseline();
        strings(root.get("facts")).forEach(b.facts::add);
        strings(root.get("muted")).forEach(b.muted::add);
        strings(root.get("captures")).forEach(b::capture);
        JsonNode r = root.get("ranges");
        if (r != null) r.properties().forEach(e -> {
            if (!e.getValue().isArray() || e.getValue().size() != 2) throw new IllegalArgumentException("range " + e.getKey() + " is not [start, end]");
            b.addRange(e.getKey(), e.getValue().get(0).asLong(), e.getValue().get(1).asLong());
        });
        JsonNode m = root.get("modes");
        if (m != null) m.properties().forEach(e -> b.modes.put(e.getKey(), e.getValue().asText()));
        JsonNode poll = root.get("polling");
        if (poll != null) poll.properties().forEach(e -> b.polling.put(e.getKey(), e.getValue().asDouble()));
        JsonNode fw = root.get("firmware");
        if (fw != null) fw.properties().forEach(e -> b.firmware.put(e.getKey(), e.getValue().asText()));
        if (root.hasNonNull("learnedFrom") && root.hasNonNull("learnedTo")) {
            b.learnedOver(nanos(root.get("learnedFrom").asText()), nanos(root.get("learnedTo").asText()));
        }
        return b;
    }

    private static long nanos(String iso) {
        var i = java.time.Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array == null) return out;
        if (!array.isArray()) throw new IllegalArgumentException("expected an array of strings");
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    public static Baseline read(Path path) throws IOException {
        return fromJson(Files.readString(path));
    }

    /** Writes the baseline next to {@code path} and moves it into place, so a crash never leaves half a file. */
    public void write(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, toJson());
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What the baseline holds, in a few lines for a person. */
    public String summary() {
        long operations = facts.stream().filter(k -> k.startsWith("op|")).count();
        long activities = facts.stream().filter(k -> k.startsWith("activity|")).count();
        String period = learnedFromNanos == Long.MAX_VALUE ? "-"
                : java.time.Instant.ofEpochSecond(0, learnedFromNanos) + " to " + java.time.Instant.ofEpochSecond(0, learnedToNanos);
        return String.join("\n",
                "learned over:       " + period,
                "from captures:      " + (captures.isEmpty() ? "-" : String.join(", ", captures)),
                "devices:            " + devices(),
                "operations:         " + operations + " (between pairs of devices, by protocol)",
                "activities:         " + activities + " (with their services, classes and functions)",
                "modbus ranges:      " + ranges.size(),
                "polled requests:    " + polling.size() + " (with their mean intervals)",
                "controller modes:   " + modes.size() + (modes.isEmpty() ? "" : " " + modes),
                "firmware versions:  " + firmware.size(),
                "muted alerts:       " + muted.size() + (muted.isEmpty() ? "" : " " + muted));
    }

}
