package io.osprey.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCaptureInterfacesTest {

    @Test
    void listsTheLoopbackInterfaceWithItsAddress() throws Exception {
        LoopbackCapture.assumeLinuxWithLibpcap();

        List<CaptureInterface> interfaces = LiveCapture.interfaces();

        assertThat(interfaces).filteredOn(i -> i.name().equals("lo")).singleElement().satisfies(lo -> {
            assertThat(lo.loopback()).isTrue();
            assertThat(lo.up()).isTrue();
            assertThat(lo.addresses()).contains(InetAddress.getByName("127.0.0.1"));
        });
        // libpcap adds the "any" pseudo-interface on Linux; it is not a loopback device.
        assertThat(interfaces).filteredOn(i -> i.name().equals("any")).allSatisfy(any ->
                assertThat(any.loopback()).isFalse());
    }

    @Test
    void reportsTheLibraryVersion() throws Exception {
        LoopbackCapture.assumeLinuxWithLibpcap();

        assertThat(LiveCapture.libraryVersion()).startsWith("libpcap version 1.");
    }
}
