package io.osprey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `osprey` command: subcommands for each job. */
@Command(name = "osprey",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        versionProvider = Osprey.Version.class,
        subcommands = {ScanCommand.class, BaselineCommand.class, IntelCommand.class, PostureCommand.class, EvalCommand.class, CommandLine.HelpCommand.class},
        description = {
            "Agentless IoT and OT security: discovers and classifies every device in network traffic.",
            "",
            "Start with:  osprey scan CAPTURE.pcap                 (see: osprey scan --help)",
            "Why a device is what Osprey says:  osprey scan --explain MAC-OR-IP CAPTURE.pcap",
            "Alert on deviations:  osprey scan --learn LEARN.pcap --baseline plant.json MONITOR.pcap  (osprey baseline --help)",
            "Vulnerabilities:  osprey intel import --db osprey.duckdb FEEDS...;  osprey scan --db osprey.duckdb CAPTURE",
            "How good the answers are:  osprey eval                (scores the labelled captures of ../shared/data/pcaps)"},
        footer = {"", ExitCode.HELP})
public final class Osprey implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Osprey());
        cl.setExitCodeExceptionMapper(t -> ExitCode.SOFTWARE);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("osprey: internal error: " + ex + " (please report it, with the command line)");
            if (Boolean.getBoolean("osprey.debug")) ex.printStackTrace(cmd.getErr());
            return ExitCode.SOFTWARE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("osprey: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Osprey.class.getPackage().getImplementationVersion();
            return new String[] {"osprey " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version()};
        }
    }
}
