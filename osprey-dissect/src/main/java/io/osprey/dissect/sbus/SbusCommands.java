package io.osprey.dissect.sbus;

/**
 * The S-Bus command codes by name (SBC "S-Bus for the PCD family" manual 26/739, "Telegram list"), and which of
 * them change the PCD. Codes for the 7 CPUs of a multi-processor PCD follow each other (Read PCD Status CPU0 is
 * 0x14, CPU6 0x1A, own CPU 0x1B); the names carry the CPU ("read-pcd-status-cpu3", "stop-own", "run-all").
 */
final class SbusCommands {
    static final int READ_PCD_STATUS_CPU0 = 0x14, READ_PCD_STATUS_OWN = 0x1B, READ_FIRMWARE_VERSION = 0x20;

    private static final String[] NAMES = new String[256];
    /** Commands that change the PCD's data, program or operation, as a 256-bit set. */
    private static final long[] CHANGES = new long[4];

    static {
        name(0x00, "read-counter");
        name(0x01, "read-display-register");
        name(0x02, "read-flag");
        name(0x03, "read-input");
        name(0x04, "read-clock");
        name(0x05, "read-output");
        name(0x06, "read-register");
        name(0x07, "read-timer");
        change(0x0A, "write-counter");
        change(0x0B, "write-flag");
        change(0x0C, "write-clock");
        change(0x0D, "write-output");
        change(0x0E, "write-register");
        change(0x0F, "write-timer");
        name(0x13, "read-write-multi-media");
        for (int cpu = 0; cpu <= 6; cpu++) name(READ_PCD_STATUS_CPU0 + cpu, "read-pcd-status-cpu" + cpu);
        name(READ_PCD_STATUS_OWN, "read-pcd-status-own");
        name(0x1D, "read-station-number");
        name(0x1E, "read-user-memory");
        name(0x1F, "read-program-line");
        name(READ_FIRMWARE_VERSION, "read-firmware-version");
        name(0x21, "read-text");
        name(0x22, "read-active-transition");
        change(0x23, "write-user-memory");
        change(0x24, "write-program-line");
        change(0x25, "write-text");
        for (int cpu = 0; cpu <= 6; cpu++) change(0x28 + cpu, "run-cpu" + cpu);
        change(0x2F, "run-own");
        change(0x30, "run-all");
        for (int cpu = 1; cpu <= 6; cpu++) change(0x31 + cpu, "restart-cold-cpu" + cpu);
        change(0x38, "restart-cold-own");
        change(0x39, "restart-cold-all");
        for (int cpu = 0; cpu <= 6; cpu++) change(0x3C + cpu, "stop-cpu" + cpu);
        change(0x43, "stop-own");
        change(0x44, "stop-all");
        name(0x46, "read-status-flags-accu");
        name(0x47, "read-byte");
        name(0x48, "read-halt-failure-register");
        name(0x49, "read-index-register");
        name(0x4A, "read-instruction-pointer");
        name(0x4B, "find-history");
        change(0x50, "write-status-flags-accu");
        change(0x51, "write-byte");
        change(0x52, "write-index-register");
        change(0x53, "write-instruction-pointer");
        change(0x5A, "clear-all");
        change(0x5B, "clear-flags");
        change(0x5C, "clear-outputs");
        change(0x5D, "clear-registers");
        change(0x5E, "clear-timers");
        for (int cpu = 1; cpu <= 6; cpu++) change(0x63 + cpu, "restart-warm-cpu" + cpu);
        change(0x6A, "restart-warm-own");
        change(0x6B, "restart-warm-all");
        // programming and debugging (PG5 online): each changes the running program or its execution
        change(0x6E, "change-block");
        change(0x6F, "clear-history-failure");
        change(0x70, "delete-program-line");
        change(0x71, "go-conditional");
        change(0x72, "insert-program-line");
        change(0x73, "local-cycle");
        change(0x74, "all-cycles");
        change(0x75, "make-text");
        change(0x76, "execute-single-instruction");
        change(0x77, "single-step");
        change(0x82, "xob-17-interrupt");
        change(0x83, "xob-18-interrupt");
        change(0x84, "xob-19-interrupt");
        name(0x91, "read-hangup-timeout");
        name(0x96, "read-data-block");
        change(0x97, "write-data-block");
        change(0x98, "make-data-block");
        change(0x99, "clear-data-block");
        change(0x9A, "clear-text");
        name(0x9B, "read-block-addresses");
        name(0x9C, "read-block-sizes");
        name(0x9D, "read-current-block");
        name(0x9E, "read-call-stack");
        name(0x9F, "read-dbx");
        name(0xA1, "read-user-eeprom-register");
        change(0xA3, "write-user-eeprom-register");
        change(0xA5, "erase-flash");
        change(0xA6, "restart-cold-flag");
        change(0xA7, "write-system-buffer");
        name(0xA8, "read-system-buffer");
        change(0xA9, "read-write-pcd-block"); // program and configuration block transfers, both ways
        name(0xAA, "get-diagnostic");
        name(0xAB, "read-system-information");
        change(0xAC, "change-blocks-on-run");
        change(0xAD, "flashcard-telegram");
        change(0xAE, "download-firmware");
        name(0xAF, "web-server-serial-comm");
    }

    private SbusCommands() {}

    private static void name(int code, String name) {
        NAMES[code] = name;
    }

    private static void change(int code, String name) {
        NAMES[code] = name;
        CHANGES[code >>> 6] |= 1L << (code & 63);
    }

    /** The command's name, or null outside the list. */
    static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : null;
    }

    /** True for the commands that write data, change the program or start, stop, restart or clear the PCD. */
    static boolean changesPcd(int code) {
        return code >= 0 && code < 256 && (CHANGES[code >>> 6] >>> (code & 63) & 1) != 0;
    }

    /**
     * True for the writes of counters, flags, outputs, registers and timers, whose data starts with a count octet
     * and the first element's address u16.
     */
    static boolean writesMedia(int code) {
        return code == 0x0A || code == 0x0B || code == 0x0D || code == 0x0E || code == 0x0F;
    }

    /** True for the Read PCD Status commands (one per CPU, and the CPU that answers). */
    static boolean readsStatus(int code) {
        return code >= READ_PCD_STATUS_CPU0 && code <= READ_PCD_STATUS_OWN;
    }

    /** The PCD status octet's name (S-Bus manual, Read PCD Status answer), or null. */
    static String status(int octet) {
        return switch (octet) {
            case 'R' -> "run";
            case 'S' -> "stop";
            case 'H' -> "halt";
            default -> null;
        };
    }
}
