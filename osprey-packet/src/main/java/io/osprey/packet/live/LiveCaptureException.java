package io.osprey.packet.live;

import java.io.IOException;

/**
 * A live capture cannot be opened or read. The message is one line for the user and says what to do;
 * {@link #reason()} lets callers choose an exit status or skip a test.
 */
public final class LiveCaptureException extends IOException {

    public enum Reason {
        /** No libpcap shared library could be loaded. */
        LIBRARY_MISSING,
        /** The JVM forbids native access (--illegal-native-access=deny without --enable-native-access). */
        NATIVE_ACCESS_DENIED,
        /** The process may not open a packet socket or set promiscuous mode. */
        PERMISSION_DENIED,
        NO_SUCH_INTERFACE,
        INTERFACE_DOWN,
        INVALID_FILTER,
        /** Any other failure libpcap reports while opening or reading. */
        CAPTURE_FAILED
    }

    static final String INSTALL_HINT = "install it with: apt-get install libpcap0.8";
    static final String PERMISSION_HINT = "run as root or grant CAP_NET_RAW,CAP_NET_ADMIN"
            + " (setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java)))";

    private final Reason reason;

    LiveCaptureException(Reason reason, String message) {
        super(oneLine(message));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static LiveCaptureException libraryMissing(String libraryName) {
        return new LiveCaptureException(Reason.LIBRARY_MISSING,
                "libpcap is not installed (" + libraryName + " not found); " + INSTALL_HINT);
    }

    static LiveCaptureException nativeAccessDenied() {
        return new LiveCaptureException(Reason.NATIVE_ACCESS_DENIED,
                "live capture needs native access: run java with --enable-native-access=ALL-UNNAMED");
    }

    static LiveCaptureException permissionDenied(String interfaceName) {
        return new LiveCaptureException(Reason.PERMISSION_DENIED,
                "permission denied capturing on " + interfaceName + ": " + PERMISSION_HINT);
    }

    /**
     * Maps a negative pcap_activate(3PCAP) status. {@code detail} is pcap_geterr's text, which libpcap
     * fills for PCAP_ERROR, PCAP_ERROR_NO_SUCH_DEVICE and the permission errors, or
     * pcap_statustostr's when it is empty.
     */
    static LiveCaptureException activationFailed(String interfaceName, int status, String detail) {
        return switch (status) {
            case Libpcap.ERROR_PERM_DENIED -> permissionDenied(interfaceName);
            case Libpcap.ERROR_PROMISC_PERM_DENIED -> new LiveCaptureException(Reason.PERMISSION_DENIED,
                    "permission denied putting " + interfaceName + " in promiscuous mode: " + PERMISSION_HINT
                            + ", or capture without promiscuous mode");
            case Libpcap.ERROR_NO_SUCH_DEVICE -> new LiveCaptureException(Reason.NO_SUCH_INTERFACE,
                    "no such network interface: " + interfaceName
                            + " (list them with: osprey scan --list-interfaces)");
            case Libpcap.ERROR_IFACE_NOT_UP -> new LiveCaptureException(Reason.INTERFACE_DOWN,
                    "network interface " + interfaceName + " is down; bring it up with: ip link set "
                            + interfaceName + " up");
            // Plain PCAP_ERROR also covers EPERM/EACCES from a setsockopt or ioctl after the socket opened.
            default -> isPermissionText(detail)
                    ? permissionDenied(interfaceName)
                    : captureFailed(interfaceName, detail);
        };
    }

    static LiveCaptureException invalidFilter(String interfaceName, String filter, String detail) {
        return new LiveCaptureException(Reason.INVALID_FILTER,
                "invalid capture filter \"" + filter + "\" for " + interfaceName + ": " + detail);
    }

    static LiveCaptureException captureFailed(String interfaceName, String detail) {
        return new LiveCaptureException(Reason.CAPTURE_FAILED, "cannot capture on " + interfaceName + ": " + detail);
    }

    static LiveCaptureException listingFailed(String detail) {
        return new LiveCaptureException(Reason.CAPTURE_FAILED, "cannot list the network interfaces: " + detail);
    }

    /** strerror(EPERM) and strerror(EACCES), as libpcap appends them to its messages. */
    private static boolean isPermissionText(String detail) {
        return detail.contains("Operation not permitted") || detail.contains("Permission denied");
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
