package io.osprey.dissect.modbus;

/**
 * Attribute names of Modbus/TCP observations (Modbus Application Protocol v1.1b3, Modbus Messaging on TCP/IP v1.0b).
 * Function facts are about the client that sends requests; unit ids, exceptions and the Read Device Identification
 * objects about the server that answers. Examples are from ics-iti modbus_test_data_part1.pcap and zeek
 * modbusSmall.pcap, or (device identification, absent from those captures) the spec's object table.
 */
public final class ModbusAttributes {
    /**
     * A function a client requests (§6, Table in §5.1), by name: "read-coils", "read-holding-registers",
     * "write-multiple-coils", "diagnostics", "report-server-id", "read-device-identification" (43/14), "umas" (90,
     * Schneider Electric's proprietary function); other codes in decimal: "42".
     */
    public static final String FUNCTION = "modbus.function";
    /** An exception code a server answers with (§7), in decimal: "6" (server busy), "11" (gateway target failed). */
    public static final String EXCEPTION = "modbus.exception";
    /** A unit identifier a server answers for (Messaging on TCP/IP §4.1.3), in decimal: "10", "1". */
    public static final String UNIT_ID = "modbus.unitId";
    /** "server" for the side that answers on TCP 502, "client" for the side that sends requests to it. */
    public static final String ROLE = "modbus.role";
    /** Read Device Identification object 0x00 VendorName (§6.21): "Schneider Electric". */
    public static final String VENDOR_NAME = "modbus.vendorName";
    /** Object 0x01 ProductCode: "BMX P34 2020". */
    public static final String PRODUCT_CODE = "modbus.productCode";
    /** Object 0x02 MajorMinorRevision: "v2.7". */
    public static final String REVISION = "modbus.revision";
    /** Object 0x03 VendorUrl: "http://www.schneider-electric.com". */
    public static final String VENDOR_URL = "modbus.vendorUrl";
    /** Object 0x04 ProductName: "Modicon M340". */
    public static final String PRODUCT_NAME = "modbus.productName";
    /** Object 0x05 ModelName: "BMX P34 2020". */
    public static final String MODEL_NAME = "modbus.modelName";
    /** Object 0x06 UserApplicationName: what the owner called the program. */
    public static final String USER_APPLICATION_NAME = "modbus.userApplicationName";

    public static final String ROLE_SERVER = "server";
    public static final String ROLE_CLIENT = "client";

    /** Confidence of what the device states about itself in Read Device Identification. */
    public static final double STATED = 0.9;
    /** Confidence of roles, functions and exceptions seen on the wire. */
    public static final double SEEN = 0.8;

    private ModbusAttributes() {}
}
