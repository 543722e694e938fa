package io.osprey.cli;

import io.osprey.alert.Recommendations;
import io.osprey.vuln.store.PostureState;
import io.osprey.vuln.store.VulnStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `osprey posture`: the analyst's decisions the store keeps: asset values and accepted recommendations. */
@Command(name = "posture",
        sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Records an analyst's decisions in the store, which 'osprey scan --db' then applies:",
            "",
            "  osprey posture asset-value DEVICE Low|Normal|High --db PATH",
            "      how much a device matters: it weighs on the device's exposure (controllers default to High)",
            "  osprey posture except DEVICE RECOMMENDATION --justification TEXT --until YYYY-MM-DD --db PATH",
            "      accept a recommendation for a device until a date: it is listed as an exception and",
            "      weighs nothing on exposure; it becomes active again when the exception expires",
            "",
            "DEVICE is a device id from the scan (mac-..., ip-...). Recommendation ids: disable-telnet, "
                    + "remove-snmp-v1-v2c, snmp-default-community, vnc-authentication, https-administration, "
                    + "cleartext-credentials, update-firmware, internet-direct, upnp-exposed, unauthorized-device, "
                    + "plc-operating-mode.",
            ""},
        footer = {"", ExitCode.HELP})
final class PostureCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "asset-value or except.")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The device, then the value or the recommendation.")
    List<String> args = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH", required = true, description = "The Osprey store.")
    Path db;

    @Option(names = "--justification", paramLabel = "TEXT", description = "except: why the recommendation is accepted.")
    String justification;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "except: when the exception expires.")
    String until;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        return CommandFailures.run(this::posture, err);
    }

    private int posture() throws IOException {
        if (args.size() != 2) throw new IllegalArgumentException(action + ": give the device and the " + (action.equals("except") ? "recommendation" : "value"));
        String device = args.get(0);
        try (VulnStore store = Stores.open(db, false)) {
            PostureState state = new PostureState(store);
            switch (action) {
                case "asset-value" -> {
                    state.setAssetValue(device, args.get(1));
                    err.println("osprey: " + device + " has asset value " + args.get(1));
                }
                case "except" -> {
                    String rec = args.get(1);
                    if (Recommendations.bundled().entries().stream().noneMatch(e -> e.id().equals(rec))) {
                        throw new IllegalArgumentException("no recommendation '" + rec + "' (see osprey posture --help)");
                    }
                    if (justification == null || until == null) throw new IllegalArgumentException("except: give --justification and --until");
                    LocalDate expires;
                    try {
                        expires = LocalDate.parse(until);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--until '" + until + "' is not a date (YYYY-MM-DD)");
                    }
                    state.addException(device, rec, justification, expires);
                    err.println("osprey: " + rec + " accepted for " + device + " until " + expires);
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "': use asset-value or except");
            }
        }
        return ExitCode.OK;
    }
}
