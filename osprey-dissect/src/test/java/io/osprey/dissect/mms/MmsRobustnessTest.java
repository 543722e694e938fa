package io.osprey.dissect.mms;

import io.osprey.dissect.dns.DirectRun;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.osprey.dissect.mms.MmsWire.dt;
import static io.osprey.dissect.mms.MmsWire.fromClient;
import static io.osprey.dissect.mms.MmsWire.fromIed;
import static org.assertj.core.api.Assertions.assertThat;

/** Truncated, altered and random input through the MMS dissector, called directly so nothing thrown is hidden. */
class MmsRobustnessTest {
    static final List<byte[]> REAL = new ArrayList<>(DirectRun.frames(MmsWire.fixture("abb-ieds-mms-reports-and-goose.pcap")));

    static {
        REAL.add(fromClient(MmsWire.association(true, MmsWire.initiateRequest())));
        REAL.add(fromIed(dt(MmsWire.response(1, MmsWire.identifyResponse("ABB", "REF615", "2.0")))));
    }

    @Test
    void everyTruncationOfEveryRealPacketIsHandledWithoutThrowing() {
        DirectRun run = MmsWire.direct();
        int cuts = 0;
        for (byte[] frame : REAL) {
            for (int n = 0; n <= frame.length; n++, cuts++) run.dissect(frame, n);
        }
        assertThat(cuts).isGreaterThan(39_000);
        assertThat(run.observations).isPositive();
    }

    @Property(tries = 3000)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 400) byte[] payload, @ForAll boolean fromServer) {
        MmsWire.direct().dissect(fromServer ? fromIed(payload) : fromClient(payload));
    }

    @Property(tries = 3000)
    void randomMmsPdusInsideValidFramingNeverThrow(@ForAll @Size(max = 300) byte[] pdu, @ForAll boolean fromServer,
                                                   @ForAll boolean connect) {
        byte[] segment = connect ? MmsWire.association(!fromServer, pdu) : dt(pdu);
        MmsWire.direct().dissect(fromServer ? fromIed(segment) : fromClient(segment));
    }

    @Property(tries = 2000)
    void realPacketsWithBytesChangedNeverThrow(@ForAll @IntRange(max = 10_000) int which,
                                               @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 1499) Integer> positions,
                                               @ForAll @Size(min = 8, max = 8) byte[] values) {
        byte[] frame = REAL.get(which % REAL.size()).clone();
        for (int i = 0; i < positions.size(); i++) {
            frame[Math.min(frame.length - 1, 54 + positions.get(i) % Math.max(1, frame.length - 54))] = values[i];
        }
        MmsWire.direct().dissect(frame);
    }
}
