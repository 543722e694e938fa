package io.osprey.dissect.fox;

/**
 * Attribute names of Niagara Fox observations (Tridium Niagara AX/N4 Fox, TCP 1911), about the side that sends
 * the hello: the client hello comes from a Workbench (or another station), the server hello from the station
 * (a JACE controller or a Supervisor). Examples are from ics-iti fox_info.pcap: an nmap-style Workbench hello and a
 * Niagara AX station's answer.
 */
public final class FoxAttributes {
    /** hostName: "xpvm-0omdc01xmy" (Workbench), "192.168.2.15" (the station states its address). */
    public static final String HOST_NAME = "fox.hostName";
    /** hostAddress, the address the sender believes it has (behind NAT it differs from the packet's): "192.168.2.15". */
    public static final String HOST_ADDRESS = "fox.hostAddress";
    /** app.name: "Workbench", "Station". */
    public static final String APP_NAME = "fox.appName";
    /** app.version, the Niagara release: "3.7.44", "3.5.41.1". */
    public static final String APP_VERSION = "fox.appVersion";
    /** vm.name, the Java VM: "Java HotSpot(TM) Server VM", "J9". */
    public static final String VM_NAME = "fox.vmName";
    /** vm.version: "20.4-b02", "2.3". */
    public static final String VM_VERSION = "fox.vmVersion";
    /** os.name: "Windows XP", "QNX". */
    public static final String OS_NAME = "fox.osName";
    /** os.version: "5.1", "6.3.2". */
    public static final String OS_VERSION = "fox.osVersion";
    /** station.name, sent by a station only: "Legion_HQ_V4". */
    public static final String STATION_NAME = "fox.stationName";
    /** brandId, the OEM brand of the Niagara build: "vykon" (Tridium's own). */
    public static final String BRAND_ID = "fox.brandId";
    /**
     * hostId, the Niagara licence host id, whose second field names the platform: "Qnx-NPM6-0000-1490-C30C" (NPM6:
     * a JACE-6 class controller), "Win-99CB-D49D-5442-07BB".
     */
    public static final String HOST_ID = "fox.hostId";
    /** "server" for the side that answers on the Fox port, "client" for the side that connects. */
    public static final String ROLE = "fox.role";

    public static final String ROLE_SERVER = "server";
    public static final String ROLE_CLIENT = "client";

    /** Confidence of what a host states about itself in its hello. */
    public static final double STATED = 0.9;
    /** Confidence of a role seen on the wire. */
    public static final double SEEN = 0.8;

    private FoxAttributes() {}
}
