package io.osprey.dissect.http;

/**
 * Attribute names of HTTP/1.x observations. Request facts are about the client (the packet's source), response
 * facts about the server. Credentials are never kept: only that a scheme was used.
 */
public final class HttpAttributes {
    /** User-Agent request header (RFC 9110 §10.1.5), e.g. "Wget/1.13 (linux-uclibc)". */
    public static final String USER_AGENT = "http.userAgent";
    /** Server response header (RFC 9110 §10.2.4), e.g. "Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0". */
    public static final String SERVER = "http.server";
    /** Host request header (RFC 9110 §7.2): the name the client asked for, lower-cased, port kept. */
    public static final String HOST = "http.host";
    /**
     * The first request of a connection: method, a space, and the path of the request target without query or
     * fragment (which may hold secrets), e.g. "POST /DcpRequestHandler/index.ashx".
     */
    public static final String REQUEST = "http.request";
    /** An auth-scheme the server challenges with in WWW-Authenticate (RFC 9110 §11.6.1), e.g. "Digest". */
    public static final String AUTH_SCHEME = "http.authScheme";
    /** A realm parameter of a WWW-Authenticate challenge (RFC 9110 §11.5), unquoted. */
    public static final String AUTH_REALM = "http.authRealm";
    /** The client sent Basic credentials (RFC 7617) in the clear; the value is always {@link #PRESENT}. */
    public static final String BASIC_AUTH = "http.basicAuth";
    /** The client sent a Digest response (RFC 7616); the value is always {@link #PRESENT}. */
    public static final String DIGEST_AUTH = "http.digestAuth";
    public static final String PRESENT = "present";

    /** Confidence of what a host states about itself in its own messages. */
    public static final double STATED = 1.0;

    private HttpAttributes() {}
}
