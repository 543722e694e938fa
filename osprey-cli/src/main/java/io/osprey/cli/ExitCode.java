package io.osprey.cli;

/** The exit codes of every osprey command; documented in the README and in each command's --help. */
public final class ExitCode {
    /** The command did its work (captures may still carry warnings about damaged records). */
    public static final int OK = 0;
    /** Something unexpected failed inside Osprey; a bug worth reporting. */
    public static final int SOFTWARE = 1;
    /** Bad input: wrong options, a missing file, a file that is not a capture. */
    public static final int USAGE = 2;
    /** Live capture is not possible here: libpcap missing, no permission, no such interface. */
    public static final int UNAVAILABLE = 3;
    /** The work was done but some input was skipped, each with a message (an intelligence file that is malformed). */
    public static final int PARTIAL = 4;
    /** Interrupted (Ctrl-C) before the input ended; what was found so far was still written. */
    public static final int INTERRUPTED = 130;

    static final String HELP = """
            Exit codes:
              0    success (warnings about damaged records do not change it)
              1    internal error: please report it
              2    bad input: options, missing file, not a capture
              3    live capture unavailable: libpcap missing, permission, interface
              4    done, but some input was skipped (osprey intel import: a malformed file)
              130  interrupted by Ctrl-C after writing what was found so far""";

    private ExitCode() {}
}
