package io.osprey.dissect.rtsp;

/** Attribute names of RTSP (RFC 2326, RFC 7826) observations. */
public final class RtspAttributes {
    /** User-Agent request header (RFC 2326 §12.41, RFC 7826 §18.58), about the client, e.g. "LibVLC/3.0.16 (LIVE555 Streaming Media v2016.11.28)". */
    public static final String USER_AGENT = "rtsp.userAgent";
    /** Server response header (RFC 2326 §12.36, RFC 7826 §18.48), about the server, e.g. "VLC/3.0.12". */
    public static final String SERVER = "rtsp.server";

    /** Confidence of what a host states about itself in its own messages. */
    public static final double STATED = 1.0;

    private RtspAttributes() {}
}
