package io.osprey.dissect.tuya;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.osprey.dissect.tuya.TuyaFrames.broadcast;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the Tuya dissector, called directly so nothing thrown is hidden. */
class TuyaRobustnessTest {
    static final List<byte[]> FRAMES = List.of(
            broadcast(6666, TuyaFrames.plain(TuyaFrames.V31_JSON)),
            broadcast(6667, TuyaFrames.encrypted(TuyaFrames.V33_JSON)));

    @Test
    void everyTruncationOfEveryPacketIsHandledWithoutThrowing() {
        DirectRun run = TuyaFrames.direct();
        int cuts = 0;
        for (byte[] frame : FRAMES) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(400);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean encryptedPort) {
        TuyaFrames.direct().dissect(broadcast(encryptedPort ? 6667 : 6666, payload));
    }

    @Property(tries = 2000)
    void framedRandomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean asText) {
        byte[] inner = asText ? TuyaFrames.aes(new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1), "yGAdlopoPVldABfn")
                : payload;
        TuyaFrames.direct().dissect(broadcast(6667, TuyaFrames.frame(0x13, inner)));
    }

    @Property(tries = 2000)
    void framesWithBytesChangedNeverThrow(@ForAll @IntRange(max = 1) int which,
                                          @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                          @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = FRAMES.get(which).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 42 + positions.get(i) % Math.max(1, frame.length - 42))] = values[i];
        }
        TuyaFrames.direct().dissect(frame);
    }
}
