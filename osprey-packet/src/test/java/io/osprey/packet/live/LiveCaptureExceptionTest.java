package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.packet.live.LiveCaptureException.Reason;
import org.junit.jupiter.api.Test;

/** How pcap_activate's status codes (pcap/pcap.h) become one-line messages that say what to do. */
class LiveCaptureExceptionTest {

    @Test
    void permissionDeniedTellsHowToGrantTheCapabilities() {
        LiveCaptureException e = LiveCaptureException.activationFailed("eth0", -8, "socket: Operation not permitted");

        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).isEqualTo("permission denied capturing on eth0: run as root or grant"
                + " CAP_NET_RAW,CAP_NET_ADMIN (setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java)))");
    }

    @Test
    void promiscuousPermissionDeniedIsAPermissionProblemToo() {
        LiveCaptureException e = LiveCaptureException.activationFailed("eth0", -11, "");

        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("eth0", "promiscuous", "setcap cap_net_raw,cap_net_admin=eip");
    }

    @Test
    void genericErrorWithEpermTextIsAPermissionProblem() {
        LiveCaptureException e = LiveCaptureException.activationFailed("eth0", -1,
                "can't set socket buffer size: Operation not permitted");

        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
    }

    @Test
    void noSuchDeviceNamesTheInterfaceAndHowToListThem() {
        LiveCaptureException e = LiveCaptureException.activationFailed("eth9", -5, "SIOCGIFINDEX: No such device");

        assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INTERFACE);
        assertThat(e.getMessage()).isEqualTo(
                "no such network interface: eth9 (list them with: osprey scan --list-interfaces)");
    }

    @Test
    void interfaceDownSaysHowToBringItUp() {
        LiveCaptureException e = LiveCaptureException.activationFailed("eth1", -9, "That device is not up");

        assertThat(e.reason()).isEqualTo(Reason.INTERFACE_DOWN);
        assertThat(e.getMessage()).contains("eth1 is down", "ip link set eth1 up");
    }

    @Test
    void otherErrorsKeepLibpcapsTextOnOneLine() {
        LiveCaptureException e = LiveCaptureException.activationFailed("wlan0", -6,
                "That device doesn't support monitor mode\n(rfmon)");

        assertThat(e.reason()).isEqualTo(Reason.CAPTURE_FAILED);
        assertThat(e.getMessage())
                .isEqualTo("cannot capture on wlan0: That device doesn't support monitor mode; (rfmon)")
                .doesNotContain("\n");
    }

    @Test
    void missingLibraryGivesTheInstallCommand() {
        assertThat(LiveCaptureException.libraryMissing("libpcap.so.0.8").getMessage()).isEqualTo(
                "libpcap is not installed (libpcap.so.0.8 not found); install it with: apt-get install libpcap0.8");
    }

    @Test
    void isAnIoException() {
        assertThat(LiveCaptureException.captureFailed("lo", "x")).isInstanceOf(java.io.IOException.class);
    }
}
