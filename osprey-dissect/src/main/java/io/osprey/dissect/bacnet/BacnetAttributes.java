package io.osprey.dissect.bacnet;

/**
 * Attribute names of BACnet/IP observations (ASHRAE 135). The identity facts are about the device that states them:
 * the sender of an I-Am or of a ReadProperty / ReadPropertyMultiple answer about its Device object (Clause 12.11),
 * or, in a Forwarded-NPDU, the originating B/IP address. Examples are from ics-iti bacnet_test.pcap (a Johnson
 * Controls NAE answering an nmap-style scanner).
 */
public final class BacnetAttributes {
    /** The Device object's instance number (Clause 12.11.1 Object_Identifier, 22 bits), decimal: "500". */
    public static final String DEVICE_INSTANCE = "bacnet.deviceInstance";
    /** Vendor_Identifier (Clause 12.11.7) in decimal, from I-Am or the property: "5". */
    public static final String VENDOR_ID = "bacnet.vendorId";
    /** The vendor id's name in the ASHRAE registry (data file bacnet-vendors.tsv): "Johnson Controls, Inc.". */
    public static final String VENDOR = "bacnet.vendor";
    /** Vendor_Name property (121) as the device states it: "JCI". */
    public static final String VENDOR_NAME = "bacnet.vendorName";
    /** Model_Name property (70): "MS-NAE4510-2". */
    public static final String MODEL_NAME = "bacnet.modelName";
    /** Firmware_Revision property (44): "5.1.0.4400". */
    public static final String FIRMWARE_REVISION = "bacnet.firmwareRevision";
    /** Application_Software_Version property (12); empty strings are not reported (bacnet_test.pcap sends ""). */
    public static final String APPLICATION_SOFTWARE_VERSION = "bacnet.applicationSoftwareVersion";
    /** Object_Name of the Device object (77), unique on the internetwork: "KBRNAE". */
    public static final String OBJECT_NAME = "bacnet.objectName";
    /** Description property (28) of the Device object. */
    public static final String DESCRIPTION = "bacnet.description";
    /** Location property (58) of the Device object. */
    public static final String LOCATION = "bacnet.location";
    /**
     * "server" for a device that answers (I-Am, I-Have, an ACK or error), "client" for the side that sends
     * confirmed requests or Who-Is / Who-Has, "router" for an IP node relaying messages from another BACnet network
     * (the NPDU names a source network, Clause 6.2.2).
     */
    public static final String ROLE = "bacnet.role";
    /**
     * A confirmed service a client requests (Clause 21 BACnetConfirmedServiceChoice, names as Wireshark spells
     * them), decimal when unnamed: "readProperty", "writeProperty", "reinitializeDevice",
     * "deviceCommunicationControl", "atomicWriteFile".
     */
    public static final String SERVICE = "bacnet.service";

    public static final String ROLE_SERVER = "server";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_ROUTER = "router";

    /** Confidence of what the device states about itself (its Device object's properties, its I-Am). */
    public static final double STATED = 0.9;
    /** Confidence of roles and requests seen on the wire. */
    public static final double SEEN = 0.8;

    private BacnetAttributes() {}
}
