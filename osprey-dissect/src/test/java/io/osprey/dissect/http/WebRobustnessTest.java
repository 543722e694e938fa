package io.osprey.dissect.http;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the SSDP, HTTP, SSH, FTP and Telnet dissectors, called directly. */
class WebRobustnessTest {
    static final int[] TCP_PORTS = {80, 8080, 49152, 22, 21, 23, 5000};
    static final List<byte[]> REAL = new ArrayList<>();

    static {
        REAL.addAll(DirectRun.frames(Web.fixture("http/hue-bridge-ssdp-http.pcap")));
        REAL.addAll(DirectRun.frames(Web.fixture("ssdp/dlink-dcs935l-ssdp.pcap")));
        SyntheticFrame s = Web.SERVER;
        REAL.add(s.tcp(22, 40000, ACK, Web.ascii("SSH-2.0-OpenSSH_8.9p1\r\n")));
        REAL.add(s.tcp(21, 40000, ACK, Web.ascii("220-a\r\n b\r\n220 c\r\n")));
        REAL.add(s.tcp(23, 40000, ACK, new byte[] {(byte) 255, (byte) 250, 24, 1, (byte) 255, (byte) 240, 'h', 'i', 27, '['}));
        REAL.add(s.tcp(80, 40000, ACK, Web.ascii("HTTP/1.1 401 X\r\nWWW-Authenticate: Digest realm=\"a\\\", Basic realm=\r\n\r\n")));
    }

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = Web.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(10_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 600) byte[] payload, @ForAll @IntRange(max = 6) int port,
                                  @ForAll boolean fromServer, @ForAll boolean udp) {
        int p = TCP_PORTS[port];
        SyntheticFrame f = fromServer ? Web.SERVER : Web.CLIENT;
        DirectRun run = Web.direct();
        if (udp) run.dissect(f.udp(1900, fromServer ? 1900 : 40000, payload));
        else run.dissect(fromServer ? f.tcp(p, 40000, ACK, payload) : f.tcp(40000, p, ACK, payload));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        Web.direct().dissect(frame);
    }
}
