package io.osprey.dissect.sbus;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.osprey.dissect.sbus.SbusWire.ackNak;
import static io.osprey.dissect.sbus.SbusWire.fromPcd;
import static io.osprey.dissect.sbus.SbusWire.fromScada;
import static io.osprey.dissect.sbus.SbusWire.request;
import static io.osprey.dissect.sbus.SbusWire.response;

/** Truncated, corrupted and random telegrams: the dissector counts and returns, it never throws. */
class SbusRobustnessTest {
    private static final List<byte[]> TELEGRAMS = List.of(
            fromScada(request(1, 10, 0x1B)), fromPcd(response(1, new byte[] {'R'})),
            fromScada(request(2, 10, 0x20)), fromPcd(response(2, "D3M541A0\0".getBytes(StandardCharsets.ISO_8859_1))),
            fromScada(request(3, 10, 0x0E, 5, 0x03, 0xE8, 0, 0, 0, 42)), fromPcd(ackNak(3, 2)));

    @Test
    void everyTruncationOfEveryTelegramIsHandled() {
        DirectRun run = SbusWire.direct();
        for (byte[] frame : TELEGRAMS) {
            for (int n = 0; n <= frame.length; n++) run.dissect(Arrays.copyOf(frame, n));
        }
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 300) byte[] payload, @ForAll boolean fromPcd) {
        SbusWire.direct().dissect(fromPcd ? fromPcd(payload) : fromScada(payload));
    }

    @Property(tries = 3000)
    void randomBodiesWithAValidHeaderAndCrcNeverThrow(@ForAll @Size(max = 200) byte[] body,
                                                      @ForAll @IntRange(max = 3) int attribute,
                                                      @ForAll @IntRange(max = 0xFFFF) int sequence) {
        DirectRun run = SbusWire.direct();
        run.dissect(fromScada(SbusWire.telegram(sequence, attribute, body)));
        run.dissect(fromPcd(SbusWire.telegram(sequence, attribute, body)));
    }

    @Property(tries = 2000)
    void telegramsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 1000) int which,
                                             @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 99) Integer> at,
                                             @ForAll @Size(min = 6, max = 6) byte[] values) {
        byte[] frame = TELEGRAMS.get(which % TELEGRAMS.size()).clone();
        for (int i = 0; i < at.size(); i++) frame[42 + at.get(i) % (frame.length - 42)] = values[i];
        SbusWire.direct().dissect(frame);
    }
}
