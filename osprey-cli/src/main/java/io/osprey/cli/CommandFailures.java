package io.osprey.cli;

import io.osprey.packet.live.LiveCaptureException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;

/**
 * How a subcommand's expected failures reach the user: one line on standard error and an {@link ExitCode}, never a
 * stack trace. Bad input (options, missing or unreadable files, not a capture) is {@link ExitCode#USAGE}; live
 * capture that cannot start is {@link ExitCode#UNAVAILABLE}. Anything else is a bug, left to picocli's handler.
 */
final class CommandFailures {
    /** A subcommand's work, returning its exit code. */
    interface Work {
        int run() throws IOException;
    }

    private CommandFailures() {}

    static int run(Work work, PrintStream err) {
        try {
            return work.run();
        } catch (LiveCaptureException e) {
            err.println("osprey: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        } catch (NoSuchFileException e) {
            err.println("osprey: " + e.getFile() + ": no such file or folder");
            return ExitCode.USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("osprey: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }
}
