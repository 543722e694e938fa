package io.osprey.dissect.enip;

/**
 * Attribute names of EtherNet/IP and CIP observations (ODVA CIP Vol. 2 ch. 2, CIP Vol. 1). The identity facts are
 * about the device that sends a ListIdentity reply (CIP Vol. 2 §2-4.2.3, the CIP Identity item); the service and
 * class facts about the client that sends a CIP request. Examples are from ics-iti enip_test.pcap and
 * EIP-SoftwareUpload.pcap.
 */
public final class EnipAttributes {
    /** Identity vendor id in decimal (CIP Vol. 1 §5A-2.2, attribute 1): "1". */
    public static final String VENDOR_ID = "enip.vendorId";
    /** The vendor id's name in the ODVA registry (data file cip-vendors.tsv): "Rockwell Automation/Allen-Bradley". */
    public static final String VENDOR = "enip.vendor";
    /** Identity device type in decimal (attribute 2, a CIP device profile): "12". */
    public static final String DEVICE_TYPE = "enip.deviceType";
    /** The device profile's name (data file cip-device-types.tsv): "Communications Adapter". */
    public static final String DEVICE_TYPE_NAME = "enip.deviceTypeName";
    /** Identity product code in decimal (attribute 3), vendor-assigned: "58". */
    public static final String PRODUCT_CODE = "enip.productCode";
    /** Identity revision major.minor in decimal (attribute 4): "4.3" (octets 04 03, tshark "4.03"). */
    public static final String REVISION = "enip.revision";
    /** Identity serial number as 8 hex digits (attribute 6): "0x00524d8e". */
    public static final String SERIAL_NUMBER = "enip.serialNumber";
    /** Identity product name (attribute 7, SHORT_STRING): "1756-ENBT/A". */
    public static final String PRODUCT_NAME = "enip.productName";
    /** Identity state (attribute 8) as two hex digits: "0x03" (operational). */
    public static final String STATE = "enip.state";
    /** "server" for the side that answers on TCP/UDP 44818, "client" for the side that sends requests to it. */
    public static final String ROLE = "enip.role";
    /**
     * A CIP request service a client sends (CIP Vol. 1 Appendix A; object-specific codes by class, data file
     * cip-services.tsv), hex when unnamed: "Forward_Open", "Unconnected_Send", "Get_Attribute_List", "Read_Tag",
     * "0x4f". Requests inside Unconnected_Send and Multiple_Service_Packet are reported too.
     */
    public static final String CIP_SERVICE = "cip.service";
    /** The class a CIP request addresses, as hex (CIP Vol. 1 §C-1.4.2 logical segment): "0x06", "0x8e", "0x6b". */
    public static final String CIP_CLASS = "cip.class";

    public static final String ROLE_SERVER = "server";
    public static final String ROLE_CLIENT = "client";

    /** Confidence of what the device states about itself in its Identity item. */
    public static final double STATED = 0.9;
    /** Confidence of roles and requests seen on the wire. */
    public static final double SEEN = 0.8;

    private EnipAttributes() {}
}
