package io.osprey.vuln.match;

/**
 * How sure a match is (issue 5, "Output and accuracy"), strongest first:
 * CONFIRMED the device's version is known and inside the range, or equals the criterion's version;
 * LIKELY the product matches and the criterion's version is * or - with no range;
 * POSSIBLE the product matches, the criterion has a range (or a version), and the device's version is unknown.
 */
public enum Confidence {
    CONFIRMED,
    LIKELY,
    POSSIBLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The weaker of two: an AND is as sure as its least sure part. */
    public Confidence weaker(Confidence other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public boolean strongerThan(Confidence other) {
        return ordinal() < other.ordinal();
    }
}
