package io.osprey.dissect.ntp;

/** Attribute names of NTP (RFC 5905) observations, all about the packet's sender. */
public final class NtpAttributes {
    /** The association mode the host speaks (RFC 5905 §7.3 Figure 10), one of the {@link NtpMode} names. */
    public static final String MODE = "ntp.mode";
    /** The NTP version number of its packets (RFC 5905 §7.3 VN), e.g. "4". */
    public static final String VERSION = "ntp.version";
    /** Stratum a server or peer states (RFC 5905 §7.3 Figure 11), decimal: 1 primary, 2–15 secondary, 16 unsynchronized. */
    public static final String STRATUM = "ntp.stratum";
    /**
     * The reference clock a primary server (stratum 1) names in its reference ID, four ASCII characters without
     * padding (RFC 5905 §7.3 Figure 12: "GPS", "PPS", "DCF"...).
     */
    public static final String REFERENCE_CLOCK = "ntp.referenceClock";

    /** Confidence of what a host states in its own packets. */
    public static final double STATED = 1.0;

    private NtpAttributes() {}
}
