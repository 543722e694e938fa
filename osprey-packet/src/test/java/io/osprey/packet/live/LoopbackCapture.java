package io.osprey.packet.live;

import java.net.InetAddress;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens captures on Linux's loopback interface for tests, skipping them (visibly) where this machine
 * cannot capture: not Linux, libpcap absent, or neither root nor CAP_NET_RAW.
 */
final class LoopbackCapture {
    /** Linux's loopback device; its frames carry an all-zero Ethernet header (DLT_EN10MB). */
    static final String INTERFACE = "lo";
    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private LoopbackCapture() {}

    static void assumeLinuxWithLibpcap() {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "live capture tests need Linux: skipped");
        try {
            LiveCapture.libraryVersion();
        } catch (LiveCaptureException e) {
            Assumptions.abort("live capture tests skipped: " + e.getMessage());
        }
    }

    /** Opens {@code lo}, or aborts the test when this process may not capture. */
    static LiveCapture open(LiveOptions options) throws LiveCaptureException {
        return openOrSkip(INTERFACE, options);
    }

    static LiveCapture openOrSkip(String interfaceName, LiveOptions options) throws LiveCaptureException {
        assumeLinuxWithLibpcap();
        try {
            return LiveCapture.open(interfaceName, options);
        } catch (LiveCaptureException e) {
            if (e.reason() == LiveCaptureException.Reason.PERMISSION_DENIED
                    || e.reason() == LiveCaptureException.Reason.NATIVE_ACCESS_DENIED) {
                Assumptions.abort("live capture tests skipped: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Aborts the test unless this process may capture on {@code lo}. */
    static void assumeCapturePermitted() throws LiveCaptureException {
        open(LiveOptions.defaults().withFilter("udp and port 9")).close();
    }
}
