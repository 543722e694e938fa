package io.osprey.packet.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What was read from one capture file or interface: frames, bytes, link types, the time span, the
 * warnings and (pcapng) the name resolution records. Updated by the reader as it goes (not thread-safe).
 *
 * <p>{@link #count}, {@link #skipLinkType} after the first frame of a link type, and {@link #addLinkType}
 * for a link type already added allocate nothing, so readers may call them per frame.
 */
public final class CaptureStats {
    private final String path;
    private long packets;
    private long bytes;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;
    private final Set<String> linkTypes = new TreeSet<>();
    private final List<CaptureWarning> warnings = new ArrayList<>();
    private final List<NameRecord> names = new ArrayList<>();
    // Skipped frames per unsupported link type, as parallel primitive arrays: a Map<Integer, Long> would box
    // on every skipped frame. Few link types ever occur in one file, so a linear search is the fast path.
    private int[] skippedTypes = new int[4];
    private long[] skippedCounts = new long[4];
    private int skippedSize;
    private int lastAddedLinkType = -1;

    public CaptureStats(String path) {
        this.path = path;
    }

    /** Counts one frame; called by readers for every frame they deliver or skip. */
    public void count(long timestampNanos, int wireLength) {
        packets++;
        bytes += wireLength;
        if (timestampNanos < firstNanos) firstNanos = timestampNanos;
        if (timestampNanos > lastNanos) lastNanos = timestampNanos;
    }

    public void addLinkType(int linkType) {
        if (linkType == lastAddedLinkType) return;
        lastAddedLinkType = linkType;
        linkTypes.add(LinkType.name(linkType));
    }

    /** Records a frame of a link type Osprey cannot decode; warns once per link type. */
    public void skipLinkType(int linkType, long offset) {
        for (int i = 0; i < skippedSize; i++) {
            if (skippedTypes[i] == linkType) {
                skippedCounts[i]++;
                return;
            }
        }
        if (skippedSize == skippedTypes.length) {
            skippedTypes = Arrays.copyOf(skippedTypes, skippedSize * 2);
            skippedCounts = Arrays.copyOf(skippedCounts, skippedSize * 2);
        }
        skippedTypes[skippedSize] = linkType;
        skippedCounts[skippedSize] = 1;
        skippedSize++;
        warn(offset, "link type " + LinkType.name(linkType) + " (" + linkType + ") is not supported; its frames are counted and skipped");
    }

    public void warn(long offset, String reason) {
        warnings.add(new CaptureWarning(path, offset, reason));
    }

    /** Adds one pcapng name resolution record (see {@link #names()}). */
    public void addName(NameRecord name) {
        names.add(name);
    }

    public String path() { return path; }
    public long packets() { return packets; }
    public long bytes() { return bytes; }
    /** Nanoseconds since the epoch of the earliest frame, or null when there was none. */
    public Long firstNanos() { return packets == 0 ? null : firstNanos; }
    public Long lastNanos() { return packets == 0 ? null : lastNanos; }
    public Set<String> linkTypes() { return linkTypes; }
    public List<CaptureWarning> warnings() { return warnings; }

    /**
     * The IPv4 and IPv6 name records of the file's pcapng Name Resolution Blocks, in file order (empty for
     * pcap and live captures); at most {@link CaptureLimits#MAX_NAME_RECORDS}.
     */
    public List<NameRecord> names() { return Collections.unmodifiableList(names); }

    /** Frames skipped because their link type is not supported, by link type (a new map on each call). */
    public Map<Integer, Long> skippedLinkTypes() {
        Map<Integer, Long> result = new TreeMap<>();
        for (int i = 0; i < skippedSize; i++) {
            result.put(skippedTypes[i], skippedCounts[i]);
        }
        return result;
    }

    @Override
    public String toString() {
        return path + ": " + packets + " frames, " + bytes + " bytes, " + warnings.size() + " warnings";
    }
}
