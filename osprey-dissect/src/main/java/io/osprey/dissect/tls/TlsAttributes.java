package io.osprey.dissect.tls;

/**
 * Attribute names of TLS handshake observations. ClientHello facts are about the client (the sender of the
 * ClientHello), ServerHello and Certificate facts about the server. Numbers are decimal, as JA3 writes them.
 */
public final class TlsAttributes {
    /** server_name extension (RFC 6066 §3): the host name the client asked for, as sent. */
    public static final String SNI = "tls.sni";
    /** ALPN protocol names the client offers (RFC 7301 §3.1), in order, comma-separated, e.g. "h2,http/1.1". */
    public static final String ALPN = "tls.alpn";
    /** The JA3 string of the ClientHello (salesforce/ja3), GREASE (RFC 8701) excluded. */
    public static final String JA3 = "tls.ja3";
    /** MD5 of {@link #JA3}, lower-case hex: the usual JA3 fingerprint. */
    public static final String JA3_HASH = "tls.ja3Hash";
    /** JA4 TLS client fingerprint (FoxIO), e.g. "t13d1516h2_8daaf6152771_e5627efa2ab1". */
    public static final String JA4 = "tls.ja4";
    /** supported_versions the client offers (RFC 8446 §4.2.1), in order, decimal, GREASE excluded. */
    public static final String SUPPORTED_VERSIONS = "tls.supportedVersions";
    /** The version the server chose: supported_versions' selected_version, else ServerHello.legacy_version. */
    public static final String SERVER_VERSION = "tls.serverVersion";
    /** The cipher suite the server chose (RFC 8446 §4.1.3), decimal. */
    public static final String SERVER_CIPHER = "tls.serverCipher";
    /** The JA3S string of the ServerHello: version,cipher,extensions. */
    public static final String JA3S = "tls.ja3s";
    /** MD5 of {@link #JA3S}, lower-case hex. */
    public static final String JA3S_HASH = "tls.ja3sHash";
    /** Leaf certificate (TLS ≤ 1.2 Certificate message, RFC 5246 §7.4.2) subject commonName (RFC 5280 §4.1.2.6). */
    public static final String CERT_SUBJECT_CN = "tls.cert.subjectCn";
    public static final String CERT_SUBJECT_O = "tls.cert.subjectO";
    public static final String CERT_ISSUER_CN = "tls.cert.issuerCn";
    public static final String CERT_ISSUER_O = "tls.cert.issuerO";
    /** Leaf certificate serialNumber (RFC 5280 §4.1.2.2): its DER content octets in lower-case hex. */
    public static final String CERT_SERIAL = "tls.cert.serial";
    /** Validity notBefore (RFC 5280 §4.1.2.5) as ISO 8601 UTC, "2016-04-12T00:00:00Z". */
    public static final String CERT_NOT_BEFORE = "tls.cert.notBefore";
    public static final String CERT_NOT_AFTER = "tls.cert.notAfter";
    /** subjectAltName dNSName and iPAddress entries (RFC 5280 §4.2.1.6) in order, comma-separated. */
    public static final String CERT_SAN = "tls.cert.san";

    /** Confidence of what a host states in its own handshake messages. */
    public static final double STATED = 1.0;

    private TlsAttributes() {}
}
