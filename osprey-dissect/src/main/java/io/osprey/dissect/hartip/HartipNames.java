package io.osprey.dissect.hartip;

/** HART-IP message ids (HCF_SPEC-085 §10.2, table "Message ID") as the dissector names them. */
final class HartipNames {
    /** The message id's name, or null when it is not a HART-IP message id. */
    static String message(int id) {
        return switch (id) {
            case 0 -> "session-initiate";
            case 1 -> "session-close";
            case 2 -> "keep-alive";
            case 3 -> "token-passing-pdu";
            case 4 -> "direct-pdu";
            case 128 -> "read-audit-log";
            default -> null;
        };
    }

    private HartipNames() {}
}
