package io.osprey.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn at most every 200 ms. Shown only when stderr is a terminal
 * (the launcher tells, see {@link #stderrIsTerminal()}) and the input is large enough to wait for.
 */
final class ProgressBar {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    /** True when the launcher found stderr to be a terminal ({@code -Dosprey.stderr.tty=true}). */
    static boolean stderrIsTerminal() {
        String prop = System.getProperty("osprey.stderr.tty");
        if (prop != null) return Boolean.parseBoolean(prop);
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    void update(long done, long packets) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        double secs = Math.max(1e-9, (now - startNanos) / 1e9);
        StringBuilder sb = new StringBuilder("\r");
        if (total > 0) {
            double f = Math.min(1.0, (double) done / total);
            int fill = (int) (f * WIDTH);
            sb.append('[').append("#".repeat(fill)).append(" ".repeat(WIDTH - fill)).append("] ");
            sb.append(String.format(Locale.ROOT, "%3.0f%% ", f * 100));
            double rate = done / secs;
            if (rate > 0 && done < total) {
                sb.append(String.format(Locale.ROOT, "eta %ds ", (long) ((total - done) / rate)));
            }
        }
        sb.append(Format.count(packets)).append(" packets, ").append(Format.bytes(done));
        sb.append(String.format(Locale.ROOT, ", %s packets/s   ", Format.count((long) (packets / secs))));
        out.print(sb);
        out.flush();
        drawn = true;
    }

    /** For work counted in files and records (an intelligence import): total is the number of files. */
    void updateFiles(int filesDone, long records, String current) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && filesDone < total) return;
        lastDraw = now;
        double f = total > 0 ? Math.min(1.0, (double) filesDone / total) : 0;
        int fill = (int) (f * WIDTH);
        String name = current == null ? "" : current.length() > 30 ? "..." + current.substring(current.length() - 27) : current;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d files, %s records %s   ", "#".repeat(fill),
                " ".repeat(WIDTH - fill), filesDone, total, Format.count(records), name));
        out.flush();
        drawn = true;
    }

    void clear() {
        if (drawn) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }
}
