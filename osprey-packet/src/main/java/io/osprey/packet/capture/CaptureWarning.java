package io.osprey.packet.capture;

/**
 * A problem found while reading a capture: where it is and what it is. Readers report each kind of
 * problem once per file and keep every frame read before it.
 */
public record CaptureWarning(String path, long offset, String reason) {
    @Override
    public String toString() {
        return path + " at byte " + offset + ": " + reason;
    }
}
