package io.osprey.dissect.dcp;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.lldp.LinkRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Truncated and random input through the DCP dissector, called directly (the pipeline would catch what it throws). */
class DcpRobustnessTest {
    @Test
    void everyTruncationOfRealFramesIsHandled() {
        List<byte[]> frames = DirectRun.frames(DcpCaptureTest.fixture("siemens-identify-own-name.pcap"));
        assertThat(frames).hasSize(14);
        LinkRun run = new LinkRun(new DcpDissector());
        for (byte[] f : frames) for (int n = 0; n <= f.length; n++) run.dissect(f, n);
        assertThat(run.observations).isPositive();
    }

    @Test
    void everyTruncationOfAFullIdentifyResponseIsHandled() {
        byte[] f = DcpFrames.identifyResponse().text(2, 1, "SCALANCE X-200").text(2, 2, "switch3")
                .info(2, 3, 0, 0x00, 0x2a, 0x0a, 0x01).info(2, 4, 0, 0x01, 0).info(2, 5, 0, 1, 1, 1, 2)
                .text(2, 6, "port-001.switch3").info(1, 2, 1, 10, 0, 0, 1, 255, 0, 0, 0, 10, 0, 0, 254).build();
        LinkRun run = new LinkRun(new DcpDissector());
        for (int n = 0; n <= f.length; n++) run.dissect(f, n);
        assertThat(run.observations).isEqualTo(12); // 11 attributes and the binding, each once
    }

    @Property(tries = 3000)
    void randomPdusNeverThrow(@ForAll @IntRange(min = 0xfefc, max = 0xffff) int frameId,
                              @ForAll @Size(max = 600) byte[] body) {
        byte[] f = new byte[16 + body.length];
        byte[] head = DcpFrames.identifyResponse().build();
        System.arraycopy(head, 0, f, 0, 14);
        f[14] = (byte) (frameId >>> 8);
        f[15] = (byte) frameId;
        System.arraycopy(body, 0, f, 16, body.length);
        new LinkRun(new DcpDissector()).dissect(f);
    }
}
