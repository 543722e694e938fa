package io.osprey.dissect.fins;

/**
 * FINS command codes (MRC << 8 | SRC) by name, from the command lists of the FINS Commands Reference Manual
 * (W227 §5-1) and the CS/CJ Communications Commands manual (W342 §5-1), and the operating modes of Controller
 * Status Read (W342 §5-3-8).
 */
final class FinsCommands {
    static final int CONTROLLER_DATA_READ = 0x0501;
    static final int CONTROLLER_STATUS_READ = 0x0601;
    static final int RUN = 0x0401;

    /**
     * True for the commands that change the controller's operation, program or settings (W342 §5-1): parameter area
     * write and clear, program area protect clear, write and clear, run, stop, reset, file memory format, program
     * area file transfer, forced set/reset.
     */
    static boolean changesController(int code) {
        return switch (code) {
            case 0x0202, 0x0203, 0x0305, 0x0307, 0x0308, RUN, 0x0402, 0x0403, 0x2204, 0x220c, 0x2301 -> true;
            default -> false;
        };
    }

    private FinsCommands() {}

    /** The command's name, or null outside the table. */
    static String name(int code) {
        return switch (code) {
            case 0x0101 -> "memory-area-read";
            case 0x0102 -> "memory-area-write";
            case 0x0103 -> "memory-area-fill";
            case 0x0104 -> "multiple-memory-area-read";
            case 0x0105 -> "memory-area-transfer";
            case 0x0201 -> "parameter-area-read";
            case 0x0202 -> "parameter-area-write";
            case 0x0203 -> "parameter-area-clear";
            case 0x0304 -> "program-area-protect";
            case 0x0305 -> "program-area-protect-clear";
            case 0x0306 -> "program-area-read";
            case 0x0307 -> "program-area-write";
            case 0x0308 -> "program-area-clear";
            case RUN -> "run";
            case 0x0402 -> "stop";
            case 0x0403 -> "reset";
            case CONTROLLER_DATA_READ -> "controller-data-read";
            case 0x0502 -> "connection-data-read";
            case CONTROLLER_STATUS_READ -> "controller-status-read";
            case 0x0602 -> "network-status-read";
            case 0x0603 -> "data-link-status-read";
            case 0x0620 -> "cycle-time-read";
            case 0x0701 -> "clock-read";
            case 0x0702 -> "clock-write";
            case 0x0801 -> "loop-back-test";
            case 0x0802 -> "broadcast-test-results-read";
            case 0x0803 -> "broadcast-test-data-send";
            case 0x0920 -> "message-read";
            case 0x0c01 -> "access-right-acquire";
            case 0x0c02 -> "access-right-forced-acquire";
            case 0x0c03 -> "access-right-release";
            case 0x2101 -> "error-clear";
            case 0x2102 -> "error-log-read";
            case 0x2103 -> "error-log-clear";
            case 0x2140 -> "fins-write-access-log-read";
            case 0x2141 -> "fins-write-access-log-clear";
            case 0x2201 -> "file-name-read";
            case 0x2202 -> "single-file-read";
            case 0x2203 -> "single-file-write";
            case 0x2204 -> "file-memory-format";
            case 0x2205 -> "file-delete";
            case 0x2207 -> "file-copy";
            case 0x2208 -> "file-name-change";
            case 0x220a -> "memory-area-file-transfer";
            case 0x220b -> "parameter-area-file-transfer";
            case 0x220c -> "program-area-file-transfer";
            case 0x2215 -> "directory-create-delete";
            case 0x2220 -> "memory-cassette-transfer";
            case 0x2301 -> "forced-set-reset";
            case 0x2302 -> "forced-set-reset-cancel";
            default -> null;
        };
    }

    /** Controller Status Read, mode octet: 00 PROGRAM, 02 MONITOR, 04 RUN; null otherwise. */
    static String mode(int octet) {
        return switch (octet) {
            case 0x00 -> "program";
            case 0x02 -> "monitor";
            case 0x04 -> "run";
            default -> null;
        };
    }
}
