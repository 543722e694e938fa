package io.osprey.dissect.ntp;

/** The Mode field of RFC 5905 §7.3 (Figure 10); {@link #label} is the attribute value. */
public enum NtpMode {
    RESERVED("reserved"),
    SYMMETRIC_ACTIVE("symmetricActive"),
    SYMMETRIC_PASSIVE("symmetricPassive"),
    CLIENT("client"),
    SERVER("server"),
    BROADCAST("broadcast"),
    /** NTP control message (RFC 1305 Appendix B, RFC 9327): ntpq. */
    CONTROL("control"),
    /** Reserved for private use: ntpdc's mode 7. */
    PRIVATE("private");

    private static final NtpMode[] BY_VALUE = values();
    private final String label;

    NtpMode(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** The mode of a 3-bit field value. */
    public static NtpMode of(int value) {
        return BY_VALUE[value & 7];
    }
}
