package io.osprey.packet.capture;

/**
 * The input limits of the capture readers, in one place. A record or block past a limit is treated as
 * damage (a {@link CaptureWarning} that ends the file), never as a reason to allocate without bound.
 */
public final class CaptureLimits {
    /**
     * The largest captured length accepted for one frame: 256 KiB, the snap length tcpdump and dumpcap write
     * for "whole packets" (libpcap MAXIMUM_SNAPLEN, Wireshark WTAP_MAX_PACKET_SIZE_STANDARD). A pcap file
     * header or pcapng IDB snap length of 0 or above this means "this limit".
     */
    public static final int MAX_FRAME_LENGTH = 262_144;

    /**
     * The largest pcapng block that is read into memory as a whole (section headers, interface
     * descriptions, packets with their options, name resolution). Blocks of other types are skipped by
     * their length whatever it is.
     */
    public static final int MAX_BLOCK_LENGTH = 16 * 1024 * 1024;

    /** Interfaces described in one pcapng file, over all sections. */
    public static final int MAX_INTERFACES = 65_536;

    /** Name resolution records kept per file; later ones are ignored with one warning. */
    public static final int MAX_NAME_RECORDS = 100_000;

    private CaptureLimits() {}
}
