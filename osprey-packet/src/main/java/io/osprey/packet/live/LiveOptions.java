package io.osprey.packet.live;

/**
 * How to open a live capture. Build from {@link #defaults()} and the {@code with...} methods.
 *
 * @param snaplen bytes kept of each frame, 1 to {@value #MAX_SNAPLEN}; longer frames are truncated
 *     and keep their wire length
 * @param promiscuous capture frames addressed to other hosts too (what a SPAN or TAP port needs)
 * @param filter a BPF filter in pcap-filter(7) syntax, run in the kernel, or null for every frame
 * @param bufferSizeBytes the kernel ring buffer; frames arriving while it is full are dropped and
 *     counted in {@link LiveCounters#droppedByBuffer()}
 * @param readTimeoutMillis how long {@link LiveCapture#read} waits for a frame before it returns 0;
 *     also the longest time a frame waits in the kernel buffer before it is handed over
 * @param immediateMode hand each frame over as it arrives instead of in buffer-sized batches: lower
 *     latency, more wake-ups per frame
 */
public record LiveOptions(int snaplen, boolean promiscuous, String filter, int bufferSizeBytes,
                          int readTimeoutMillis, boolean immediateMode) {

    /** libpcap's MAXIMUM_SNAPLEN (pcap-int.h): it silently clamps anything larger to this. */
    public static final int MAX_SNAPLEN = 262_144;
    public static final int DEFAULT_SNAPLEN = MAX_SNAPLEN;
    /**
     * 32 MiB instead of libpcap's 2 MiB: at 1 Gbit/s 2 MiB fill in about 16 ms, less than a GC pause or
     * a burst of dissection work; 32 MiB give a quarter of a second of headroom.
     */
    public static final int DEFAULT_BUFFER_SIZE_BYTES = 32 * 1024 * 1024;
    public static final int DEFAULT_READ_TIMEOUT_MILLIS = 250;

    public LiveOptions {
        if (snaplen < 1 || snaplen > MAX_SNAPLEN) {
            throw new IllegalArgumentException("snaplen must be 1 to " + MAX_SNAPLEN + ": " + snaplen);
        }
        if (bufferSizeBytes < 1) {
            throw new IllegalArgumentException("buffer size must be positive: " + bufferSizeBytes);
        }
        // 0 would mean "wait forever" to libpcap, and read() could then never report a quiet interface.
        if (readTimeoutMillis < 1) {
            throw new IllegalArgumentException("read timeout must be at least 1 ms: " + readTimeoutMillis);
        }
        if (filter != null && filter.isBlank()) {
            filter = null;
        }
    }

    /** Full frames, promiscuous, no filter, 32 MiB buffer, 250 ms timeout, batched delivery. */
    public static LiveOptions defaults() {
        return new LiveOptions(DEFAULT_SNAPLEN, true, null, DEFAULT_BUFFER_SIZE_BYTES, DEFAULT_READ_TIMEOUT_MILLIS, false);
    }

    public LiveOptions withSnaplen(int value) {
        return new LiveOptions(value, promiscuous, filter, bufferSizeBytes, readTimeoutMillis, immediateMode);
    }

    public LiveOptions withPromiscuous(boolean value) {
        return new LiveOptions(snaplen, value, filter, bufferSizeBytes, readTimeoutMillis, immediateMode);
    }

    public LiveOptions withFilter(String value) {
        return new LiveOptions(snaplen, promiscuous, value, bufferSizeBytes, readTimeoutMillis, immediateMode);
    }

    public LiveOptions withBufferSizeBytes(int value) {
        return new LiveOptions(snaplen, promiscuous, filter, value, readTimeoutMillis, immediateMode);
    }

    public LiveOptions withReadTimeoutMillis(int value) {
        return new LiveOptions(snaplen, promiscuous, filter, bufferSizeBytes, value, immediateMode);
    }

    public LiveOptions withImmediateMode(boolean value) {
        return new LiveOptions(snaplen, promiscuous, filter, bufferSizeBytes, readTimeoutMillis, value);
    }
}
