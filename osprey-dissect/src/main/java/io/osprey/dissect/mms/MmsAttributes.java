package io.osprey.dissect.mms;

/**
 * Attribute names of the IEC 61850 / ISO 9506 MMS dissector. Examples are from the ITI ICS-Security-Tools capture
 * Sample_File_MMS_and_GOOSE.pcap (ABB IEDs at 172.16.201.2, .201.4, .202.5; station computer 172.16.0.101) unless
 * marked as hand-built.
 */
public final class MmsAttributes {
    /** "client" (the end that calls, not on port 102) or "server" (the IED), about each end of an MMS association. */
    public static final String ROLE = "mms.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";

    /**
     * Confirmed service the client requested, named as in ISO 9506-2: "read", "write", "getNameList",
     * "getVariableAccessAttributes", "identify", "fileOpen", "fileRead", "fileDirectory", ... Example:
     * "getVariableAccessAttributes", "read".
     */
    public static final String FUNCTION = "mms.function";
    /**
     * MMS PDU kind a host sent: "initiate-request", "initiate-response", "confirmed-request", "confirmed-response",
     * "confirmed-error", "unconfirmed", "conclude-request", "conclude-response", "reject", ...
     */
    public static final String PDU = "mms.pdu";
    /** Unconfirmed service a server sent: "informationReport" (IEC 61850 reports), "unsolicitedStatus", ... */
    public static final String UNCONFIRMED = "mms.unconfirmed";
    /**
     * Domain (IEC 61850 logical device, "IED name" + LD instance) a client named in its requests, about the server
     * that holds it: "AA1E1Q01FP2LD0".
     */
    public static final String DOMAIN = "mms.domain";

    /** Identify response vendorName, about the server (hand-built example: "ABB"). */
    public static final String VENDOR = "mms.vendor";
    /** Identify response modelName, about the server (hand-built example: "REF615"). */
    public static final String MODEL = "mms.model";
    /** Identify response revision, about the server (hand-built example: "2.0 FP1"). */
    public static final String REVISION = "mms.revision";

    /** Confidence of what the IED states about itself and of what is seen on the wire (functions, roles). */
    public static final double STATED = 0.9;

    private MmsAttributes() {}
}
