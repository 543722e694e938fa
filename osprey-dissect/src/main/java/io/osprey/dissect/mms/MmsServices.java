package io.osprey.dissect.mms;

/**
 * Names of MMS PDUs and confirmed services, as the ISO 9506-2 ASN.1 module spells them: the values of
 * {@link MmsAttributes#PDU} and {@link MmsAttributes#FUNCTION}.
 */
final class MmsServices {
    /** ISO 9506-2 §7.1, MMSpdu CHOICE: the context-specific tag of each PDU. */
    static final int CONFIRMED_REQUEST = 0, CONFIRMED_RESPONSE = 1, CONFIRMED_ERROR = 2, UNCONFIRMED = 3,
            REJECT = 4, CANCEL_REQUEST = 5, CANCEL_RESPONSE = 6, CANCEL_ERROR = 7, INITIATE_REQUEST = 8,
            INITIATE_RESPONSE = 9, INITIATE_ERROR = 10, CONCLUDE_REQUEST = 11, CONCLUDE_RESPONSE = 12,
            CONCLUDE_ERROR = 13;
    /** ConfirmedServiceRequest/Response CHOICE tag of identify (a NULL request, a SEQUENCE response). */
    static final int IDENTIFY = 2;

    /**
     * ConfirmedServiceRequest CHOICE (ISO 9506-2 §7.4, and annex D for the file services [72]-[77]), by tag number.
     * The tags are the bit positions of ServiceSupportOptions, so Wireshark's servicesSupported list reads the same.
     */
    private static final String[] CONFIRMED = {
        "status", "getNameList", "identify", "rename", "read", "write", "getVariableAccessAttributes",
        "defineNamedVariable", "defineScatteredAccess", "getScatteredAccessAttributes", "deleteVariableAccess",
        "defineNamedVariableList", "getNamedVariableListAttributes", "deleteNamedVariableList", "defineNamedType",
        "getNamedTypeAttributes", "deleteNamedType", "input", "output", "takeControl", "relinquishControl",
        "defineSemaphore", "deleteSemaphore", "reportSemaphoreStatus", "reportPoolSemaphoreStatus",
        "reportSemaphoreEntryStatus", "initiateDownloadSequence", "downloadSegment", "terminateDownloadSequence",
        "initiateUploadSequence", "uploadSegment", "terminateUploadSequence", "requestDomainDownload",
        "requestDomainUpload", "loadDomainContent", "storeDomainContent", "deleteDomain", "getDomainAttributes",
        "createProgramInvocation", "deleteProgramInvocation", "start", "stop", "resume", "reset", "kill",
        "getProgramInvocationAttributes", "obtainFile", "defineEventCondition", "deleteEventCondition",
        "getEventConditionAttributes", "reportEventConditionStatus", "alterEventConditionMonitoring", "triggerEvent",
        "defineEventAction", "deleteEventAction", "getEventActionAttributes", "reportEventActionStatus",
        "defineEventEnrollment", "deleteEventEnrollment", "alterEventEnrollment", "reportEventEnrollmentStatus",
        "getEventEnrollmentAttributes", "acknowledgeEventNotification", "getAlarmSummary",
        "getAlarmEnrollmentSummary", "readJournal", "writeJournal", "initializeJournal", "reportJournalStatus",
        "createJournal", "deleteJournal", "getCapabilityList", "fileOpen", "fileRead", "fileClose", "fileRename",
        "fileDelete", "fileDirectory",
    };

    /**
     * Services that change the server, by tag: write [5]; initiateDownloadSequence [26], downloadSegment [27],
     * terminateDownloadSequence [28], requestDomainDownload [32], loadDomainContent [34], deleteDomain [36]
     * (domain management, ISO 9506-1 §11); createProgramInvocation [38] to kill [44] (program invocation
     * management, §12); obtainFile [46], fileOpen [72], fileRename [75], fileDelete [76] (file access, annex C/D).
     */
    private static final long CHANGES_SERVER_LOW = 1L << 5 | 1L << 26 | 1L << 27 | 1L << 28 | 1L << 32 | 1L << 34
            | 1L << 36 | 1L << 38 | 1L << 39 | 1L << 40 | 1L << 41 | 1L << 42 | 1L << 43 | 1L << 44 | 1L << 46;
    private static final long CHANGES_SERVER_HIGH = 1L << (72 - 64) | 1L << (75 - 64) | 1L << (76 - 64);

    /** True when the confirmed service with this tag changes the server (reported at every occurrence). */
    static boolean changesServer(int tag) {
        if (tag >= 0 && tag < 64) return (CHANGES_SERVER_LOW >>> tag & 1) != 0;
        return tag >= 64 && tag < 128 && (CHANGES_SERVER_HIGH >>> (tag - 64) & 1) != 0;
    }

    /** UnconfirmedService CHOICE (ISO 9506-2 §7.5). */
    private static final String[] UNCONFIRMED_SERVICES = {"informationReport", "unsolicitedStatus", "eventNotification"};

    private static final String[] PDUS = {
        "confirmed-request", "confirmed-response", "confirmed-error", "unconfirmed", "reject", "cancel-request",
        "cancel-response", "cancel-error", "initiate-request", "initiate-response", "initiate-error",
        "conclude-request", "conclude-response", "conclude-error",
    };

    private MmsServices() {}

    /** The confirmed service's name by its CHOICE tag, or null. */
    static String confirmed(int tag) {
        return tag >= 0 && tag < CONFIRMED.length ? CONFIRMED[tag] : null;
    }

    static String unconfirmed(int tag) {
        return tag >= 0 && tag < UNCONFIRMED_SERVICES.length ? UNCONFIRMED_SERVICES[tag] : null;
    }

    /** The PDU's name by its MMSpdu tag, or null when the tag is not an MMS PDU. */
    static String pdu(int tag) {
        return tag >= 0 && tag < PDUS.length ? PDUS[tag] : null;
    }
}
