package io.osprey.dissect.s7;

/**
 * Attribute names of S7 observations: S7comm (protocol id 0x32) and S7comm-plus (0x72) over COTP (ISO 8073) over
 * TPKT (RFC 1006) on TCP 102. Identity facts come from the PLC's own SZL answers (system status lists, Siemens
 * "System Software for S7-300/400 System and Standard Functions" ch. 34) and are about the PLC; behaviour facts
 * (functions used) are about the client that opened the connection. Examples are from the ITI ICS-Security-Tools
 * S7 captures (fixtures/s7/).
 */
public final class S7Attributes {
    /** "client" (opened the TCP connection to port 102) or "server" (the PLC side), once an S7 PDU is seen. */
    public static final String ROLE = "s7.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";
    /** "s7comm" or "s7comm-plus" (S7-1200/1500), about both ends of the connection. */
    public static final String PROTOCOL = "s7.protocol";
    public static final String PROTOCOL_S7COMM = "s7comm";
    public static final String PROTOCOL_S7COMM_PLUS = "s7comm-plus";

    /**
     * A function the client used on the connection (job function codes, whichever end sent the job: a PLC sends
     * the download-block jobs of a download the client started): "setup", "read-var", "write-var",
     * "request-download", "download-block", "download-ended", "start-upload", "upload", "end-upload",
     * "plc-control", "plc-start" (a plc-control with PI service "P_PROGRAM"), "plc-stop"; and userdata functions
     * "read-szl", "list-blocks", "list-blocks-of-type", "get-block-info", "read-clock", "set-clock".
     */
    public static final String FUNCTION = "s7.function";
    /** The PI service name of a plc-control job, verbatim: "_INSE", "_MODU", "_GARB", "P_PROGRAM". About the client. */
    public static final String PI_SERVICE = "s7.piService";
    /** COTP CR calling TSAP (ISO 8073 §13.3.4 a), text when printable else hex: "0100", "0620". About the client. */
    public static final String CALLING_TSAP = "cotp.callingTsap";
    /** COTP CR called TSAP: "0102" (rack 0 slot 2), "SIMATIC-ROOT-HMI". About the client that asked for it. */
    public static final String CALLED_TSAP = "cotp.calledTsap";

    /** SZL 0x0011 index 1, module order number (MLFB): "6ES7 315-2EH14-0AB0", "6ES7 151-8AB01-0AB0". */
    public static final String ORDER_NUMBER = "s7.orderNumber";
    /** SZL 0x0011 index 7, firmware version: "V3.2.7", "V3.2.6"; S7comm-plus CreateObject answer: "V3.0". */
    public static final String FIRMWARE_VERSION = "s7.firmwareVersion";
    /** SZL 0x0011 index 6, hardware version: the Ausbg word in decimal ("3"), or "Vx.y.z" when it starts with 'V'. */
    public static final String HARDWARE_VERSION = "s7.hardwareVersion";
    /** SZL 0x001C index 1, name of the automation system: "S7300/ET200M station_1", "IM151-8-CPU". */
    public static final String SYSTEM_NAME = "s7.systemName";
    /** SZL 0x001C index 2, name of the module: "PLC_1", "IM151-8 PN/DP CPU". */
    public static final String MODULE_NAME = "s7.moduleName";
    /** SZL 0x001C index 3, plant designation of the module (empty in both captures, so not reported there). */
    public static final String PLANT_ID = "s7.plantId";
    /** SZL 0x001C index 4, copyright entry: "Original Siemens Equipment". */
    public static final String COPYRIGHT = "s7.copyright";
    /** SZL 0x001C index 5, serial number of the module: "S C-B1U393142011", "S C-C6TW74882012". */
    public static final String SERIAL_NUMBER = "s7.serialNumber";
    /** SZL 0x001C index 7, module type name: "CPU 315-2 PN/DP", "IM151-8 PN/DP CPU". */
    public static final String MODULE_TYPE_NAME = "s7.moduleTypeName";
    /** SZL 0x001C index 8, serial number of the memory card: "MMC 4A1AC019", "MMC 2900FC1A". */
    public static final String MEMORY_CARD_SERIAL = "s7.memoryCardSerial";
    /** SZL 0x001C index 11, location designation (empty in both captures). */
    public static final String LOCATION = "s7.location";
    /** SZL 0x0424 requested mode of the current mode transition: "run", "stop", "startup", "hold", "defect". */
    public static final String CPU_MODE = "s7.cpuMode";

    /**
     * S7comm-plus opcode of a PDU the host sent: "request", "response", "notification" (requests are the
     * client's, responses and notifications the PLC's).
     */
    public static final String PLUS_OPCODE = "s7.plusOpcode";
    /**
     * S7comm-plus function of a request the client sent: "create-object", "delete-object", "set-variable",
     * "get-variable", "set-multi-variables", "get-multi-variables", "explore", "begin-sequence", "end-sequence",
     * "invoke", "get-var-substreamed". Example capture: "create-object", "set-multi-variables",
     * "get-multi-variables".
     */
    public static final String PLUS_FUNCTION = "s7.plusFunction";

    /** Confidence of what the PLC states about itself, and of what is seen on the wire (functions, roles). */
    public static final double STATED = 0.9;
    /** Confidence of the TSAPs: chosen by whoever configured the connection. */
    public static final double CONFIGURED = 0.6;

    private S7Attributes() {}
}
