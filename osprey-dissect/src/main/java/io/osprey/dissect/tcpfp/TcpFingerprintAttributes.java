package io.osprey.dissect.tcpfp;

/**
 * Attribute names of passive TCP fingerprints. A SYN's facts are about its sender (the client), a SYN-ACK's
 * about its sender (the server). The signature format is documented on {@link SynSignature}.
 */
public final class TcpFingerprintAttributes {
    /**
     * The signature of a host's SYN, e.g. {@code 4:64+0:0:1460:mss*4,1:mss,sok,ts,nop,ws:df,id+:0} (D-Link DCS-935L
     * camera, IoT Sentinel D-LinkCam/Setup-C-3).
     */
    public static final String SYN_SIGNATURE = "tcp.synSignature";
    /**
     * The signature of a host's SYN-ACK, e.g. {@code 4:64+0:0:1460:mss*20,3:mss,sok,ts,nop,ws:df:0} (Philips Hue
     * bridge, Linux 3.14, IoT Sentinel HueBridge/Setup-C-6).
     */
    public static final String SYN_ACK_SIGNATURE = "tcp.synAckSignature";
    /**
     * OS family (for RTOS-class devices the stack family) of the {@link TcpSignatureDatabase} row the signature
     * matched, e.g. "Linux" (Philips Hue bridge, IoT Sentinel HueBridge), "Windows CE" (Beckhoff CX, ITI
     * beckoffiplinktc3), "Siemens SIMATIC" (ET 200S IM151-8, ITI s7comm_reading_plc_status). Not reported when
     * no row matches or the row makes no OS claim (the nmap probe row).
     */
    public static final String OS_PLATFORM = "tcp.osPlatform";
    /**
     * OS version range of the matched row when it names one, e.g. "2.6" (D-Link DCH-G020), "3.x-4.18" (Hue bridge,
     * Linux 3.14), "7-8" (Windows engineering station, ITI s7comm_reading_plc_status), "6" (Windows CE 6).
     */
    public static final String OS_VERSION = "tcp.osVersion";
    /**
     * The matched row's label, e.g. "Windows 7 / 8 / Server 2008 R2-2012", "Android (Linux kernel, 65535-byte
     * initial window)" (Nokia 2.2, nDPI android.pcap), "nmap SYN scan probe (raw socket, window 1024, random TTL)".
     * Reported with the row's confidence, as are the platform and version.
     */
    public static final String OS_LABEL = "tcp.osLabel";

    /** Confidence of a signature: it is what the packet shows, not an inference. */
    public static final double MEASURED = 1.0;

    private TcpFingerprintAttributes() {}
}
