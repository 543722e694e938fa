package io.osprey.dissect.wsd;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.http.Web;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random datagrams through the WS-Discovery dissector, called directly. */
class WsdRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Web.fixture("wsd/windows10-wsd-resolve.pcap")));
        REAL.add(WsdMessages.CAMERA.udp(3702, 50000, WsdMessages.ascii(WsdMessages.ONVIF_PROBE_MATCHES)));
        REAL.add(WsdMessages.WINDOWS.udp(3702, 3702, WsdMessages.ascii(WsdMessages.WINDOWS_HELLO)));
        REAL.add(WsdMessages.PRINTER.udp(3702, 3702, WsdMessages.ascii(WsdMessages.PRINTER_HELLO_11)));
        REAL.add(WsdMessages.CLIENT.udp(50000, 3702, WsdMessages.ascii(WsdMessages.ONVIF_PROBE)));
    }

    @Test
    void everyTruncationOfEveryMessageIsHandledWithoutThrowing() {
        DirectRun run = WsdMessages.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(5_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 2000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 800) byte[] payload, @ForAll boolean fromTarget) {
        DirectRun run = WsdMessages.direct();
        run.dissect(fromTarget ? WsdMessages.CAMERA.udp(3702, 50000, payload) : WsdMessages.CLIENT.udp(50000, 3702, payload));
    }

    @Property(tries = 2000)
    void randomXmlishPayloadsNeverThrow(@ForAll @Size(max = 60) List<@IntRange(max = 11) Integer> pieces) {
        String[] parts = {"<", ">", "/", "d:Hello", "Types", "Scopes", " ", "onvif://www.onvif.org/name/", "%4", "&amp",
            ";", "\""};
        StringBuilder s = new StringBuilder();
        for (int p : pieces) s.append(parts[p]);
        WsdMessages.direct().dissect(WsdMessages.CAMERA.udp(3702, 3702, WsdMessages.ascii(s.toString())));
    }

    @Property(tries = 1000)
    void realMessagesWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                                @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1999) Integer> positions,
                                                @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        WsdMessages.direct().dissect(frame);
    }
}
