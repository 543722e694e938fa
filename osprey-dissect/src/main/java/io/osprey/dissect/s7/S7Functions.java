package io.osprey.dissect.s7;

/**
 * Names of the S7comm and S7comm-plus functions Osprey reports: the values of {@link S7Attributes#FUNCTION} and
 * {@link S7Attributes#PLUS_FUNCTION}. Codes follow the public descriptions of the protocols (Wireshark's s7comm
 * and s7comm-plus dissectors, Snap7's documentation); a code without a name here is not reported.
 */
final class S7Functions {
    // S7comm job/ack-data parameter function codes
    static final int SETUP_COMMUNICATION = 0xF0, READ_VAR = 0x04, WRITE_VAR = 0x05;
    static final int REQUEST_DOWNLOAD = 0x1A, DOWNLOAD_BLOCK = 0x1B, DOWNLOAD_ENDED = 0x1C;
    static final int START_UPLOAD = 0x1D, UPLOAD = 0x1E, END_UPLOAD = 0x1F;
    static final int PLC_CONTROL = 0x28, PLC_STOP = 0x29;
    /** The PI service that starts the PLC program (cold or warm restart, by its argument). */
    static final String PI_PROGRAM = "P_PROGRAM";
    static final String PLC_START = "plc-start";

    // S7comm userdata function groups (low nibble of the type/group octet) and their subfunctions
    static final int GROUP_BLOCK = 3, GROUP_CPU = 4, GROUP_TIME = 7;
    static final int CPU_READ_SZL = 1;

    // S7comm-plus opcodes and function codes
    static final int PLUS_REQUEST = 0x31, PLUS_RESPONSE = 0x32, PLUS_NOTIFICATION = 0x33;
    static final int PLUS_CREATE_OBJECT = 0x04CA;

    private S7Functions() {}

    /** True for the job functions that change the PLC: program download and upload, stop and control. */
    static boolean changesPlc(int code) {
        return code >= REQUEST_DOWNLOAD && code <= END_UPLOAD || code == PLC_CONTROL || code == PLC_STOP;
    }

    /** The job function's name, or null. */
    static String job(int code) {
        return switch (code) {
            case SETUP_COMMUNICATION -> "setup";
            case READ_VAR -> "read-var";
            case WRITE_VAR -> "write-var";
            case REQUEST_DOWNLOAD -> "request-download";
            case DOWNLOAD_BLOCK -> "download-block";
            case DOWNLOAD_ENDED -> "download-ended";
            case START_UPLOAD -> "start-upload";
            case UPLOAD -> "upload";
            case END_UPLOAD -> "end-upload";
            case PLC_CONTROL -> "plc-control";
            case PLC_STOP -> "plc-stop";
            default -> null;
        };
    }

    /** The userdata request's name by function group and subfunction, or null. */
    static String userdata(int group, int subfunction) {
        return switch (group << 8 | subfunction) {
            case GROUP_CPU << 8 | CPU_READ_SZL -> "read-szl";
            case GROUP_BLOCK << 8 | 1 -> "list-blocks";
            case GROUP_BLOCK << 8 | 2 -> "list-blocks-of-type";
            case GROUP_BLOCK << 8 | 3 -> "get-block-info";
            case GROUP_TIME << 8 | 1 -> "read-clock";
            case GROUP_TIME << 8 | 2 -> "set-clock";
            default -> null;
        };
    }

    /** The S7comm-plus opcode's name, or null. */
    static String plusOpcode(int opcode) {
        return switch (opcode) {
            case PLUS_REQUEST -> "request";
            case PLUS_RESPONSE -> "response";
            case PLUS_NOTIFICATION -> "notification";
            default -> null;
        };
    }

    /** The S7comm-plus function's name, or null. */
    static String plusFunction(int code) {
        return switch (code) {
            case 0x04BB -> "explore";
            case PLUS_CREATE_OBJECT -> "create-object";
            case 0x04D4 -> "delete-object";
            case 0x04F2 -> "set-variable";
            case 0x04FC -> "get-variable";
            case 0x0524 -> "get-link";
            case 0x0542 -> "set-multi-variables";
            case 0x054C -> "get-multi-variables";
            case 0x0556 -> "begin-sequence";
            case 0x0560 -> "end-sequence";
            case 0x056B -> "invoke";
            case 0x057C -> "set-var-substreamed";
            case 0x0586 -> "get-var-substreamed";
            default -> null;
        };
    }

    /**
     * SZL 0x0424 "current mode transition", requested mode (bits 0-3 of bzu-id), as the CPU's operating mode, or
     * null for codes not listed.
     */
    static String cpuMode(int requestedMode) {
        return switch (requestedMode) {
            case 1, 2, 3, 4 -> "stop";
            case 5, 6, 7 -> "startup";
            case 8 -> "run";
            case 10 -> "hold";
            case 13 -> "defect";
            default -> null;
        };
    }
}
