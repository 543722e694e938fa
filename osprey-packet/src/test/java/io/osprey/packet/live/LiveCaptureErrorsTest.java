package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.packet.live.LiveCaptureException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Opening fails with a typed exception and a message that says what is wrong and what to do. */
class LiveCaptureErrorsTest {

    @Test
    void missingLibraryGivesTheInstallHint() {
        List<String> absent = List.of("libosprey-no-such-pcap.so.9", "libosprey-no-such-pcap.so");

        LiveCaptureException e = catchThrowableOfType(LiveCaptureException.class,
                () -> LiveCapture.open("lo", LiveOptions.defaults(), absent));

        assertThat(e.reason()).isEqualTo(Reason.LIBRARY_MISSING);
        assertThat(e.getMessage()).isEqualTo("libpcap is not installed (libosprey-no-such-pcap.so.9 not found);"
                + " install it with: apt-get install libpcap0.8");
    }

    @Test
    void missingLibraryAlsoFailsTheInterfaceList() {
        LiveCaptureException e = catchThrowableOfType(LiveCaptureException.class,
                () -> LiveCapture.interfaces(List.of("libosprey-no-such-pcap.so.9")));

        assertThat(e.reason()).isEqualTo(Reason.LIBRARY_MISSING);
        assertThat(e.getMessage()).contains("apt-get install libpcap0.8");
    }

    @Test
    void libraryNamesAreTriedInOrder() throws Exception {
        LoopbackCapture.assumeCapturePermitted();

        List<String> names = new java.util.ArrayList<>(List.of("libosprey-no-such-pcap.so.9"));
        names.addAll(Libpcap.LIBRARY_NAMES);

        try (LiveCapture capture = LiveCapture.open("lo", LiveOptions.defaults().withFilter("udp and port 9"), names)) {
            assertThat(capture.linkType()).isEqualTo(1);
        }
    }

    @Test
    void nonexistentInterfaceIsNamed() throws Exception {
        LoopbackCapture.assumeCapturePermitted();

        LiveCaptureException e = catchThrowableOfType(LiveCaptureException.class,
                () -> LiveCapture.open("ospreynope0", LiveOptions.defaults()));

        assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INTERFACE);
        assertThat(e.getMessage()).contains("ospreynope0", "--list-interfaces").doesNotContain("\n");
    }

    @Test
    void invalidFilterQuotesTheFilterAndLibpcapsReason() throws Exception {
        LoopbackCapture.assumeCapturePermitted();

        LiveCaptureException e = catchThrowableOfType(LiveCaptureException.class,
                () -> LiveCapture.open("lo", LiveOptions.defaults().withFilter("not a filter((")));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_FILTER);
        assertThat(e.getMessage()).startsWith("invalid capture filter \"not a filter((\" for lo: ")
                .contains("syntax error");
    }

    @Test
    void interfaceThatIsDownSaysSo() throws Exception {
        LoopbackCapture.assumeCapturePermitted();
        String down = firstInterfaceDown();
        Assumptions.assumeTrue(down != null, "no network interface is down on this machine: skipped");

        LiveCaptureException e = catchThrowableOfType(LiveCaptureException.class,
                () -> LiveCapture.open(down, LiveOptions.defaults()));

        assertThat(e.reason()).isEqualTo(Reason.INTERFACE_DOWN);
        assertThat(e.getMessage()).contains(down + " is down", "ip link set " + down + " up");
    }

    /** A network device whose IFF_UP flag (linux/if.h, 0x1) is clear, from /sys/class/net. */
    private static String firstInterfaceDown() throws IOException {
        Path devices = Path.of("/sys/class/net");
        if (!Files.isDirectory(devices)) {
            return null;
        }
        try (Stream<Path> names = Files.list(devices)) {
            for (Path device : names.sorted().toList()) {
                Path flags = device.resolve("flags");
                if (Files.isReadable(flags)
                        && (Integer.decode(Files.readString(flags).strip()) & 0x1) == 0) {
                    return device.getFileName().toString();
                }
            }
        }
        return null;
    }
}
