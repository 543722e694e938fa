package io.osprey.dissect.ads;

/**
 * Attribute names of Beckhoff ADS observations: AMS over TCP 48898 (Beckhoff Information System, "ADS
 * specification", TE1000 TwinCAT 3 ADS: AMS/TCP packet, AMS header, ADS commands) and the ADS discovery datagrams
 * on UDP 48899. Behaviour facts (commands) are about the client; device info and state about the device that
 * answers. Examples are from the ITI capture beckoffiplinktc3.pcapng (a TwinCAT engineering PC and a CX embedded PC).
 */
public final class AdsAttributes {
    /** "client" (sent ADS requests) or "server" (answered them). */
    public static final String ROLE = "ads.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";
    /** The AMS Net Id a host uses as source of its AMS packets (six octets, dotted decimal): "5.13.117.96.1.1". */
    public static final String NET_ID = "ads.netId";
    /**
     * An ADS command the client sent: "read-device-info", "read", "write", "read-state", "write-control",
     * "add-notification", "delete-notification", "notification", "read-write". Example capture: all but
     * "write", "write-control" and "notification".
     */
    public static final String FUNCTION = "ads.function";
    /** An AMS port a server answered from (its ADS devices: 10000 system service, 800 PLC runtime, 300 I/O): "800". */
    public static final String AMS_PORT = "ads.amsPort";
    /** ReadDeviceInfo answer: the ADS device's name, "PLC Server", "I/O Server". */
    public static final String DEVICE_NAME = "ads.deviceName";
    /** ReadDeviceInfo answer: version.revision.build of the ADS device, "2.11.2103". */
    public static final String VERSION = "ads.version";
    /** ReadState answer: the ADS state of the device, "run", "stop", "config", "error", ... Example: "run". */
    public static final String STATE = "ads.state";
    /** WriteControl request: the ADS state the client asked the device to take ("run", "stop", "reset", "config"). */
    public static final String REQUESTED_STATE = "ads.requestedState";
    /** Discovery answer (UDP 48899): the host name of the TwinCAT system, "CX_0D7560". */
    public static final String HOSTNAME = "ads.hostname";
    /** Discovery answer: the TwinCAT version, version.revision.build, "2.11.2228". */
    public static final String TWINCAT_VERSION = "ads.twincatVersion";
    /**
     * Discovery answer: the operating system of the TwinCAT system from its OSVERSIONINFO, platform then
     * major.minor.build: "win32-ce 6.0.0" (Windows CE 6.0), "win32-nt 10.0.17763".
     */
    public static final String OS_VERSION = "ads.osVersion";

    /** Confidence of what a device states about itself, and of what is seen on the wire (commands, roles). */
    public static final double STATED = 0.9;

    private AdsAttributes() {}
}
