package io.osprey.dissect.opcua;

/**
 * OPC UA service names by the numeric NodeId of their request's binary encoding (namespace 0), as listed in the
 * standard NodeIds.csv of OPC 10000-6 (e.g. ReadRequest_Encoding_DefaultBinary = 631). Every response's encoding id
 * is its request's plus 3 (ReadResponse = 634), which the table relies on.
 */
final class OpcuaServices {
    static final int OPEN_SECURE_CHANNEL = 446;
    static final int CLOSE_SECURE_CHANNEL = 452;
    static final int GET_ENDPOINTS = 428;
    static final int CREATE_SESSION = 461;
    /** A response encoding id is the request's plus this. */
    static final int RESPONSE_OFFSET = 3;
    /** ServiceFault_Encoding_DefaultBinary: a response, whatever the request was. */
    static final int SERVICE_FAULT = 397;

    /** The service whose request is encoded with {@code id}, or null. */
    static String request(long id) {
        return switch ((int) Math.min(id, Integer.MAX_VALUE)) {
            case 422 -> "find-servers";
            case 12208 -> "find-servers-on-network";
            case GET_ENDPOINTS -> "get-endpoints";
            case 437 -> "register-server";
            case 12211 -> "register-server2";
            case OPEN_SECURE_CHANNEL -> "open-secure-channel";
            case CLOSE_SECURE_CHANNEL -> "close-secure-channel";
            case CREATE_SESSION -> "create-session";
            case 467 -> "activate-session";
            case 473 -> "close-session";
            case 479 -> "cancel";
            case 488 -> "add-nodes";
            case 494 -> "add-references";
            case 500 -> "delete-nodes";
            case 506 -> "delete-references";
            case 527 -> "browse";
            case 533 -> "browse-next";
            case 554 -> "translate-browse-paths";
            case 560 -> "register-nodes";
            case 566 -> "unregister-nodes";
            case 615 -> "query-first";
            case 621 -> "query-next";
            case 631 -> "read";
            case 664 -> "history-read";
            case 673 -> "write";
            case 700 -> "history-update";
            case 712 -> "call";
            case 751 -> "create-monitored-items";
            case 763 -> "modify-monitored-items";
            case 769 -> "set-monitoring-mode";
            case 775 -> "set-triggering";
            case 781 -> "delete-monitored-items";
            case 787 -> "create-subscription";
            case 793 -> "modify-subscription";
            case 799 -> "set-publishing-mode";
            case 826 -> "publish";
            case 832 -> "republish";
            case 841 -> "transfer-subscriptions";
            case 847 -> "delete-subscriptions";
            default -> null;
        };
    }

    /**
     * True for the services that change what the server holds or does, reported at each occurrence: Write
     * (OPC 10000-4 §5.10.4), Call (§5.11.2), HistoryUpdate (§5.10.5), and the NodeManagement services (§5.7).
     */
    static boolean changesServer(String service) {
        return switch (service) {
            case "write", "call", "add-nodes", "delete-nodes", "add-references", "delete-references",
                 "history-update" -> true;
            default -> false;
        };
    }

    /** True when {@code id} encodes the response to a known service, or a ServiceFault. */
    static boolean isResponse(long id) {
        return id == SERVICE_FAULT || id > RESPONSE_OFFSET && request(id - RESPONSE_OFFSET) != null;
    }

    /** OPC 10000-4 §7.20 MessageSecurityMode, or null. */
    static String securityMode(long mode) {
        return mode == 1 ? "none" : mode == 2 ? "sign" : mode == 3 ? "sign-and-encrypt" : null;
    }

    /** OPC 10000-4 §7.2 ApplicationType, or null. */
    static String applicationType(long type) {
        return switch ((int) Math.min(type, Integer.MAX_VALUE)) {
            case 0 -> "server";
            case 1 -> "client";
            case 2 -> "client-and-server";
            case 3 -> "discovery-server";
            default -> null;
        };
    }

    private OpcuaServices() {}
}
