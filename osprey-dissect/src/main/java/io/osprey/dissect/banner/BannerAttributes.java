package io.osprey.dissect.banner;

/**
 * Attribute names of the text banners servers (and SSH clients) send before anything else. Values are the text
 * as sent, control characters escaped, white space runs folded to one space, at most
 * {@link #MAX_BANNER_LENGTH} octets.
 */
public final class BannerAttributes {
    /** The SSH server's identification string (RFC 4253 §4.2), e.g. "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6". */
    public static final String SSH_SERVER = "ssh.server";
    /** The SSH client's identification string (RFC 4253 §4.2), e.g. "SSH-2.0-libssh_0.9.6". */
    public static final String SSH_CLIENT = "ssh.client";
    /** The text of an FTP server's 220 greeting (RFC 959 §4.2, §5.4), lines of a multi-line reply joined by a space. */
    public static final String FTP_BANNER = "ftp.banner";
    /** The first printable text a Telnet server sends, negotiation (RFC 854) and terminal escapes removed. */
    public static final String TELNET_BANNER = "telnet.banner";

    /** Octets of a banner kept; RFC 4253 §4.2 caps the SSH identification at 255 with its CR LF. */
    public static final int MAX_BANNER_LENGTH = 256;
    /** Confidence of what a host states about itself in its own messages. */
    public static final double STATED = 1.0;

    private BannerAttributes() {}
}
