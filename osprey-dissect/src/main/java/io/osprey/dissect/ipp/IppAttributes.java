package io.osprey.dissect.ipp;

/**
 * Attribute names of IPP observations (RFC 8010 encoding, RFC 8011 attributes, PWG 5100.13 for the firmware and
 * device-id attributes). The operation is about the client that requested it; the printer attributes are read
 * from Get-Printer-Attributes responses and are about the printer that answered. The HTTP User-Agent and Server
 * of the IPP connection are reported under the HTTP dissector's names ("http.userAgent": "CUPS/1.3.4",
 * "http.server": "Virata-EmWeb/R6_2_1"). User names (requesting-user-name) and job names are never reported.
 */
public final class IppAttributes {
    /** An operation the host requested as an IPP client (RFC 8011 §5.2-5.4, IANA registry): "Get-Printer-Attributes". */
    public static final String OPERATION = "ipp.operation";
    /** printer-make-and-model (RFC 8011 §5.4.39): "HP LaserJet 4250". */
    public static final String MAKE_AND_MODEL = "ipp.makeAndModel";
    /** printer-info (RFC 8011 §5.4.6), the administrator's description: "HP LaserJet 4250 - 2nd floor". */
    public static final String INFO = "ipp.info";
    /** printer-name (RFC 8011 §5.4.4): "HP_LaserJet_4250". */
    public static final String NAME = "ipp.name";
    /** printer-firmware-name (PWG 5100.13 §6.5.2), one per component: "BOOTROM". */
    public static final String FIRMWARE_NAME = "ipp.firmwareName";
    /** printer-firmware-string-version (PWG 5100.13 §6.5.4), one per component: "20190809". */
    public static final String FIRMWARE_STRING_VERSION = "ipp.firmwareStringVersion";
    /** printer-firmware-version (PWG 5100.13 §6.5.5), an octetString: as text when printable, else lower-case hex. */
    public static final String FIRMWARE_VERSION = "ipp.firmwareVersion";
    /** printer-device-id (PWG 5107.2), the IEEE 1284 device ID string as sent: "MFG:HP;MDL:HP LaserJet 4250;CMD:PJL,PCL;". */
    public static final String DEVICE_ID = "ipp.deviceId";
    /** The MFG (MANUFACTURER) key of the IEEE 1284 device ID (IEEE 1284-2000 §7.6): "HP". */
    public static final String DEVICE_ID_MFG = "ipp.deviceId.mfg";
    /** The MDL (MODEL) key of the device ID: "HP LaserJet 4250". */
    public static final String DEVICE_ID_MDL = "ipp.deviceId.mdl";
    /** The CMD (COMMAND SET) key of the device ID, the page description languages: "PJL,PCL,POSTSCRIPT". */
    public static final String DEVICE_ID_CMD = "ipp.deviceId.cmd";
    /** printer-uri-supported (RFC 8011 §5.4.1): "ipp://10.10.10.251:631/ipp/". */
    public static final String URI_SUPPORTED = "ipp.uriSupported";
    /** printer-uuid (RFC 8011 errata / PWG 5100.13 §6.5.11): "urn:uuid:...". */
    public static final String UUID = "ipp.uuid";
    /** document-format-supported (RFC 8011 §5.4.22), one MIME type per value: "application/vnd.hp-PCL". */
    public static final String DOCUMENT_FORMAT = "ipp.documentFormat";

    /** Confidence of what the printer states about itself. */
    public static final double STATED = 0.9;

    private IppAttributes() {}
}
