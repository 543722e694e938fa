package io.osprey.vuln.nvd;

/** An intelligence file (NVD, KEV, EPSS, CSAF) that does not follow its format; the file is skipped whole. */
public final class MalformedIntelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedIntelException(String message) {
        super(message);
    }

    public MalformedIntelException(String message, Throwable cause) {
        super(message, cause);
    }
}
