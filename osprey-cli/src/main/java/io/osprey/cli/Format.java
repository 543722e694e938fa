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

    /**
     * ISO-8601 UTC with microseconds, or nanoseconds when the capture had them ("2016-09-06T16:48:30.091903Z");
     * null for "not known" (0). Written by hand: tens of thousands of devices are printed per scan, and
     * java.time's general formatter is the slow part of that.
     */
    static String time(long nanos) {
        if (nanos == 0) return null;
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        int fraction = (int) Math.floorMod(nanos, 1_000_000_000L);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) return Instant.ofEpochSecond(seconds, fraction).toString();
        StringBuilder sb = new StringBuilder(30);
        pad(sb, year, 4).append('-');
        pad(sb, date.getMonthValue(), 2).append('-');
        pad(sb, date.getDayOfMonth(), 2).append('T');
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2).append('.');
        if (fraction % 1000 == 0) pad(sb, fraction / 1000, 6);
        else pad(sb, fraction, 9);
        return sb.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) sb.append('0');
        return sb.append(s);
    }

    static String time(Long nanos) {
        return nanos == null ? null : time(nanos.longValue());
    }
}
