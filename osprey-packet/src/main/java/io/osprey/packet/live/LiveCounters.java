package io.osprey.packet.live;

/**
 * libpcap's counters for a live capture (pcap_stats(3PCAP)). On Linux they count from the moment the
 * capture was opened and wrap at 2^32, as libpcap keeps them in 32-bit fields. On the loopback device
 * the kernel hands each frame to the socket twice (sent and received) and libpcap discards one, so
 * {@code received} counts loopback frames twice.
 *
 * @param received frames that passed the filter, including those later dropped
 * @param droppedByBuffer frames that passed the filter but found the ring buffer full
 * @param droppedByInterface frames the network interface or its driver dropped
 */
public record LiveCounters(long received, long droppedByBuffer, long droppedByInterface) {
    public static final LiveCounters NONE = new LiveCounters(0, 0, 0);
}
