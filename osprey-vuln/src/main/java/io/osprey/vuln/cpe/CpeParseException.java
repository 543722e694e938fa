package io.osprey.vuln.cpe;

/** A CPE formatted string, version string or version range that does not follow its grammar. */
public final class CpeParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CpeParseException(String message) {
        super(message);
    }
}
