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
