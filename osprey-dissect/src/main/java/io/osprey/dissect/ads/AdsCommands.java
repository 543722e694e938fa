package io.osprey.dissect.ads;

/** The ADS vocabularies the dissector names (Beckhoff TE1000 "ADS specification": ADS commands, ADSSTATE). */
final class AdsCommands {
    /** The ADS command id's name, or null (0 is invalid; 1-9 are the ADS commands). */
    static String name(int command) {
        return switch (command) {
            case 1 -> "read-device-info";
            case 2 -> "read";
            case 3 -> "write";
            case 4 -> "read-state";
            case 5 -> "write-control";
            case 6 -> "add-notification";
            case 7 -> "delete-notification";
            case 8 -> "notification";
            case 9 -> "read-write";
            default -> null;
        };
    }

    /** ADSSTATE (TcAdsDef.h: ADSSTATE_INVALID 0 ... ADSSTATE_EXCEPTION 19) as a lower-case name, or null. */
    static String state(int state) {
        return switch (state) {
            case 0 -> "invalid";
            case 1 -> "idle";
            case 2 -> "reset";
            case 3 -> "init";
            case 4 -> "start";
            case 5 -> "run";
            case 6 -> "stop";
            case 7 -> "save-config";
            case 8 -> "load-config";
            case 9 -> "power-failure";
            case 10 -> "power-good";
            case 11 -> "error";
            case 12 -> "shutdown";
            case 13 -> "suspend";
            case 14 -> "resume";
            case 15 -> "config";
            case 16 -> "reconfig";
            case 17 -> "stopping";
            case 18 -> "incompatible";
            case 19 -> "exception";
            default -> null;
        };
    }

    /** OSVERSIONINFO dwPlatformId (Win32 VER_PLATFORM_*) as a name, or null. */
    static String platform(long id) {
        return id == 0 ? "win32s" : id == 1 ? "win32-windows" : id == 2 ? "win32-nt" : id == 3 ? "win32-ce" : null;
    }

    private AdsCommands() {}
}
