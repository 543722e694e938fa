package io.osprey.dissect.ads;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.ads.AdsWire.C;
import static io.osprey.dissect.ads.AdsWire.P;
import static io.osprey.dissect.ads.AdsWire.bytes;
import static io.osprey.dissect.ads.AdsWire.exchange;
import static io.osprey.dissect.ads.AdsWire.fromClient;
import static io.osprey.dissect.ads.AdsWire.fromPlc;
import static io.osprey.dissect.ads.AdsWire.request;
import static io.osprey.dissect.ads.AdsWire.response;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations of ADS commands (Beckhoff TE1000 ADS specification: WriteControl 5, ReadState 4). */
class AdsOperationsTest {
    private static final String OPS = C + "> " + P + "ads:";

    @Test
    void writeControlIsReportedAtEachOccurrenceWithTheRequestedState() {
        // WriteControl request: ADS state u16 (6 stop, 5 run), device state u16, data length u32
        Observed o = exchange(fromClient(request(851, 5, bytes().u16(6).u16(0).u32(0).build())),
                fromClient(request(851, 5, bytes().u16(6).u16(0).u32(0).build())),
                fromClient(request(851, 5, bytes().u16(5).u16(1).u32(0).build())));
        assertThat(o.operations()).containsExactly(OPS + "write-control state=stop device=0",
                OPS + "write-control state=stop device=0", OPS + "write-control state=run device=1");
    }

    @Test
    void readStateAnswersReportTheModeOnce() {
        // ReadState response: result u32, ADS state u16 (15 config), device state u16
        Observed o = exchange(fromClient(request(851, 4, new byte[0])),
                fromPlc(response(851, 4, bytes().u32(0).u16(15).u16(0).build())),
                fromClient(request(851, 4, new byte[0])),
                fromPlc(response(851, 4, bytes().u32(0).u16(15).u16(0).build())),
                fromPlc(response(851, 4, bytes().u32(0).u16(5).u16(0).build())));
        assertThat(o.operations()).containsExactly(OPS + "read-state", OPS + "mode config", OPS + "mode run");
    }
}
