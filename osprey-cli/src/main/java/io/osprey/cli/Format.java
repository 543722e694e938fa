package io.osprey.cli;

import java.time.Instant;
import java.util.Locale;

/** Number and time formatting shared by the human-readable outputs. */
final class Format {
    private Format() {}

    static String count(long n) {
        if (n >= 10_000_000) return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        if (n >= 10_000) return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        return Long.toString(n);
    }

    static String bytes(long n) {
        if (n >= 1L << 30) return String.format(Locale.ROOT, "%.2f GB", n / (double) (1L << 30));
        if (n >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
        if (n >= 1L << 10) return String.format(Locale.ROOT, "%.1f kB", n / 1024.0);
        return n + " B";
    }

    /** ISO-8601 UTC with the precision the capture had; null for "not known" (0). */
    static String time(long nanos) {
        if (nanos == 0) return null;
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    static String time(Long nanos) {
        return nanos == null ? null : time(nanos.longValue());
    }
}
