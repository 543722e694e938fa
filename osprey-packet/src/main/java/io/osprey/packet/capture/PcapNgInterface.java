package io.osprey.packet.capture;

/**
 * What a pcapng Interface Description Block says about the packets of one interface
 * (draft-ietf-opsawg-pcapng §4.2): link type, snap length and how to turn its timestamps into nanoseconds.
 */
final class PcapNgInterface {
    /** if_tsresol when the option is absent: 10^-6 s. */
    static final int DEFAULT_RESOLUTION = 6;
    /** if_tsresol (§4.2, option 9): the high bit selects a power of 2, else a power of 10. */
    static final int RESOLUTION_BINARY = 0x80;

    private static final int MULTIPLY = 0;
    private static final int DIVIDE = 1;
    private static final int BINARY = 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final int linkType;
    final boolean supported;
    /** The IDB snap length as written; 0 means "no limit". */
    final int snapLength;
    /** The largest captured length a packet of this interface may have. */
    final int captureLimit;
    boolean linkTypeAdded;

    private final int kind;
    /** MULTIPLY: nanoseconds per unit; DIVIDE: units per nanosecond. */
    private final long factor;
    /** BINARY: units are 2^-shift seconds, 1 <= shift <= 63. */
    private final int shift;
    private final long offsetNanos;

    /**
     * @param resolution the if_tsresol byte, {@link #DEFAULT_RESOLUTION} when absent; must be {@link #isSupported}
     * @param offsetSeconds if_tsoffset (option 14): seconds to add to every timestamp
     */
    PcapNgInterface(int linkType, int snapLength, int resolution, long offsetSeconds) {
        this.linkType = linkType;
        this.supported = LinkType.isSupported(linkType);
        this.snapLength = snapLength;
        this.captureLimit = snapLength > 0 && snapLength < CaptureLimits.MAX_FRAME_LENGTH ? snapLength : CaptureLimits.MAX_FRAME_LENGTH;
        this.offsetNanos = offsetSeconds * NANOS_PER_SECOND;
        int exponent = resolution & ~RESOLUTION_BINARY;
        if ((resolution & RESOLUTION_BINARY) != 0 && exponent > 0) {
            kind = BINARY;
            factor = 0;
            shift = exponent;
        } else if ((resolution & RESOLUTION_BINARY) != 0) {
            kind = MULTIPLY;
            factor = NANOS_PER_SECOND;
            shift = 0;
        } else if (exponent <= 9) {
            kind = MULTIPLY;
            factor = powerOfTen(9 - exponent);
            shift = 0;
        } else {
            kind = DIVIDE;
            factor = powerOfTen(exponent - 9);
            shift = 0;
        }
    }

    /** Resolutions finer than 2^-63 s or 10^-27 s cannot be converted with 64-bit arithmetic. */
    static boolean isSupported(int resolution) {
        int exponent = resolution & ~RESOLUTION_BINARY;
        return (resolution & RESOLUTION_BINARY) != 0 ? exponent <= 63 : exponent <= 27;
    }

    private static long powerOfTen(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }

    /** Nanoseconds since the epoch of a timestamp of this interface, given as an unsigned count of units. */
    long nanos(long units) {
        long nanos = switch (kind) {
            case MULTIPLY -> units * factor;
            case DIVIDE -> Long.divideUnsigned(units, factor);
            // whole seconds, then the fraction (units mod 2^shift) / 2^shift scaled to nanoseconds in 128 bits
            default -> (units >>> shift) * NANOS_PER_SECOND + Math.unsignedMultiplyHigh(units << (64 - shift), NANOS_PER_SECOND);
        };
        return nanos + offsetNanos;
    }
}
