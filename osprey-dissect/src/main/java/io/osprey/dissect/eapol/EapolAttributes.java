package io.osprey.dissect.eapol;

/**
 * Attribute names of 802.1X observations (IEEE 802.1X-2010 §11, EAP of RFC 3748), about the frame's source MAC.
 * The EAP identity (a user name, RFC 3748 §5.1) is never reported: a Response/Identity shows up only as the method
 * "Identity".
 */
public final class EapolAttributes {
    /**
     * The host is an 802.1X supplicant (it sent EAPOL-Start, EAPOL-Logoff or an EAP Response), valued with the EAPOL
     * protocol version it speaks: "802.1X-2001", "802.1X-2004" or "802.1X-2010" (§11.3.1).
     */
    public static final String SUPPLICANT = "eapol.supplicant";
    /** The host is an 802.1X authenticator (it sent an EAP Request, Success or Failure); valued as {@link #SUPPLICANT}. */
    public static final String AUTHENTICATOR = "eapol.authenticator";
    /**
     * An EAP method the host requested (authenticator) or answered with (supplicant), by the names of the IANA EAP
     * method type registry (RFC 3748 §5-6): "Identity", "MD5-Challenge", "TLS", "SIM", "TTLS", "PEAP", "Nak"...
     * Unnamed types are "type-NN".
     */
    public static final String EAP_METHOD = "eapol.eapMethod";

    /** Confidence: the frames show the role and the method directly. */
    public static final double SEEN = 0.9;

    private EapolAttributes() {}
}
