package io.osprey.dissect.lldp;

import io.osprey.dissect.cdp.CdpDissector;
import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Truncated and random input through the LLDP and CDP dissectors, called directly (outside the pipeline, which
 * would catch what they throw).
 */
class LldpRobustnessTest {
    static List<byte[]> frames() {
        try {
            return DirectRun.frames(Path.of(LldpRobustnessTest.class
                    .getResource("/fixtures/lldp/cisco-3560-lldp-and-cdp.pcap").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTruncationOfRealFramesIsHandled() {
        List<byte[]> frames = frames();
        assertThat(frames).hasSize(12);
        LinkRun run = new LinkRun(new LldpDissector(), new CdpDissector());
        for (byte[] f : frames) for (int n = 0; n <= f.length; n++) run.dissect(f, n);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 2000)
    void randomLldpBodiesNeverThrow(@ForAll @Size(max = 600) byte[] body) {
        byte[] f = new byte[14 + body.length];
        byte[] head = LldpFrames.lldp().build();
        System.arraycopy(head, 0, f, 0, 14);
        System.arraycopy(body, 0, f, 14, body.length);
        new LinkRun(new LldpDissector()).dissect(f);
    }

    @Property(tries = 2000)
    void randomCdpBodiesNeverThrow(@ForAll @Size(max = 600) byte[] body) {
        byte[] f = new byte[22 + body.length];
        byte[] head = {1, 0, 0x0c, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc, 2, 0, 0, 0, 0, 1, 0, 0,
                (byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0x0c, 0x20, 0};
        int length = 8 + body.length;
        head[12] = (byte) (length >>> 8);
        head[13] = (byte) length;
        System.arraycopy(head, 0, f, 0, 22);
        System.arraycopy(body, 0, f, 22, body.length);
        new LinkRun(new CdpDissector()).dissect(f);
    }
}
