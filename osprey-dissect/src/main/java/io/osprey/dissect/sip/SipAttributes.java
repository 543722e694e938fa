package io.osprey.dissect.sip;

/**
 * Attribute names of SIP (RFC 3261) observations. Facts from a request are about its sender when the request
 * comes straight from the user agent that made it (one Via entry, RFC 3261 §8.1.1.7: each proxy adds one,
 * §16.6); facts from a response are about its sender. Credentials are never kept: only that some were sent.
 */
public final class SipAttributes {
    /** User-Agent header (RFC 3261 §20.41), e.g. "Nero SIPPS IP Phone Version 2.0.51.16". */
    public static final String USER_AGENT = "sip.userAgent";
    /** Server header of a response (RFC 3261 §20.35), e.g. "Cirpack/v4.38e (gw_sip)". */
    public static final String SERVER = "sip.server";
    /** A request method the host sends (RFC 3261 §7.1), e.g. "REGISTER", "INVITE". */
    public static final String METHOD = "sip.method";
    /** The host part of the host's own Contact URI (RFC 3261 §20.10, §19.1.1), lower-cased, without user or port. */
    public static final String CONTACT_HOST = "sip.contactHost";
    /** The +sip.instance Contact parameter (RFC 5626 §4.1): the device's stable URN, without quotes and brackets. */
    public static final String INSTANCE = "sip.instance";
    /**
     * Another feature tag of the Contact header (RFC 3840 §9), "name=value" unquoted, e.g. Cisco's
     * "+u.sip!devicename.ccm.cisco.com=SEP001122334455".
     */
    public static final String CONTACT_FEATURE = "sip.contactFeature";
    /** The host sent Authorization or Proxy-Authorization (RFC 3261 §22); the value is always {@link #PRESENT}. */
    public static final String AUTH = "sip.auth";
    public static final String PRESENT = "present";

    /** Confidence of what a user agent states about itself in a request it sent directly. */
    public static final double STATED = 1.0;
    /** Confidence of a response's headers: a proxy relays responses unchanged (RFC 3261 §16.7), so the sender may be one. */
    public static final double RESPONDED = 0.9;

    private SipAttributes() {}
}
