package io.osprey.dissect.banner;

/**
 * The vocabulary of the login evidence the FTP, Telnet and SSH dissectors (and HTTP's, which spells the same names)
 * report as {@link io.osprey.dissect.Observation.Operation}s, always from the client to the server. The alert engine
 * counts failed logins and sessions per minute (password guessing) and flags cleartext credentials. Details name the
 * protocol and never carry a user name or a password.
 */
public final class LoginOperations {
    /** A login the server refused. */
    public static final String LOGIN_FAILED = "login-failed";
    /** Credentials that crossed the network in clear (what was sent is never read into the report). */
    public static final String CLEARTEXT_CREDENTIALS = "cleartext-credentials";
    /** A new session (a connection whose client spoke), counted for guessing over encrypted protocols. */
    public static final String SESSION = "session";

    static final String FTP = "protocol=ftp";
    static final String FTP_USER_SEEN = "protocol=ftp user-seen=true";
    static final String FTP_NO_USER = "protocol=ftp user-seen=false";
    static final String TELNET = "protocol=telnet";

    private LoginOperations() {}
}
