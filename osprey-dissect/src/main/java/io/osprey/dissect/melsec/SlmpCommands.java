package io.osprey.dissect.melsec;

/** SLMP commands by name (SLMP Reference Manual SH-080956ENG §5, "Command list"). */
final class SlmpCommands {
    static final int READ_TYPE_NAME = 0x0101;

    private SlmpCommands() {}

    /**
     * True for the remote operations that change the CPU's state (SH-080956ENG §5-5): Remote Run 1001, Remote Stop
     * 1002, Remote Pause 1003, Remote Latch Clear 1005, Remote Reset 1006.
     */
    static boolean changesCpu(int command) {
        return command == 0x1001 || command == 0x1002 || command == 0x1003 || command == 0x1005 || command == 0x1006;
    }

    /** The command's name, or null outside the table. */
    static String name(int command) {
        return switch (command) {
            case 0x0401 -> "device-read";
            case 0x1401 -> "device-write";
            case 0x0403 -> "device-read-random";
            case 0x1402 -> "device-write-random";
            case 0x0406 -> "device-read-block";
            case 0x1406 -> "device-write-block";
            case 0x0801 -> "monitor-register";
            case 0x0802 -> "monitor";
            case 0x0601 -> "extend-unit-read";
            case 0x1601 -> "extend-unit-write";
            case 0x0613 -> "memory-read";
            case 0x1613 -> "memory-write";
            case 0x1001 -> "remote-run";
            case 0x1002 -> "remote-stop";
            case 0x1003 -> "remote-pause";
            case 0x1005 -> "remote-latch-clear";
            case 0x1006 -> "remote-reset";
            case READ_TYPE_NAME -> "read-type-name";
            case 0x1630 -> "remote-password-unlock";
            case 0x1631 -> "remote-password-lock";
            case 0x0619 -> "self-test";
            case 0x1617 -> "clear-error";
            case 0x1810 -> "file-read-directory";
            case 0x1811 -> "file-search-directory";
            case 0x1820 -> "file-new";
            case 0x1822 -> "file-delete";
            case 0x1824 -> "file-copy";
            case 0x1825 -> "file-change-attribute";
            case 0x1826 -> "file-change-date";
            case 0x1827 -> "file-open";
            case 0x1828 -> "file-read";
            case 0x1829 -> "file-write";
            case 0x182a -> "file-close";
            default -> null;
        };
    }
}
