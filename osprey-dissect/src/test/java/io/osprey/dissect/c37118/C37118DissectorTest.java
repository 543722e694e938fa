package io.osprey.dissect.c37118;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.c37118.C37118Frames.C;
import static io.osprey.dissect.c37118.C37118Frames.S;
import static io.osprey.dissect.c37118.C37118Frames.body;
import static io.osprey.dissect.c37118.C37118Frames.command;
import static io.osprey.dissect.c37118.C37118Frames.concat;
import static io.osprey.dissect.c37118.C37118Frames.exchange;
import static io.osprey.dissect.c37118.C37118Frames.frame;
import static io.osprey.dissect.c37118.C37118Frames.fromPdcTcp;
import static io.osprey.dissect.c37118.C37118Frames.fromPdcUdp;
import static io.osprey.dissect.c37118.C37118Frames.fromPmuTcp;
import static io.osprey.dissect.c37118.C37118Frames.fromPmuUdp;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built C37.118.2-2011 frames, by frame type (§6). */
class C37118DissectorTest {

    /** A CFG-1/2 PMU block (Table 8) with {@code phasors} phasors, no analogs and one digital word. */
    static C37118Frames pmuBlock(C37118Frames f, String station, int id, int phasors) {
        f.name(station, 16).u16(id, 0x000F, phasors, 0, 1);
        for (int i = 0; i < phasors + 16; i++) f.name("CH" + i, 16);
        for (int i = 0; i < phasors; i++) f.u32(0x000004C4);
        return f.u32(0).u16(1, 7); // DIGUNIT, FNOM 50 Hz, CFGCNT
    }

    static byte[] config2(String... stations) {
        C37118Frames f = body().u32(1_000_000).u16(stations.length);
        for (int i = 0; i < stations.length; i++) pmuBlock(f, stations[i], 100 + i, 2);
        return frame(3, 2, 7, f.u16(30).build());
    }

    @Test
    void commandsAreTheClientsFunctions() {
        // Table 15: 0x0001 data off, 0x0002 data on, 0x0003 send HDR, 0x0004 CFG-1, 0x0005 CFG-2, 0x0006 CFG-3, 0x0008 extended
        Observed o = exchange(fromPdcUdp(command(1)), fromPdcUdp(command(2)), fromPdcUdp(command(3)),
                fromPdcUdp(command(4)), fromPdcUdp(command(5)), fromPdcUdp(command(6)), fromPdcUdp(command(8)),
                fromPdcUdp(command(0x0100)));
        assertThat(o.values(C37118Attributes.FUNCTION)).containsExactly("data-off", "data-on", "extended-frame",
                "send-config-1", "send-config-2", "send-config-3", "send-header");
        assertThat(o.facts()).contains(C + "c37118.role=client", S + "c37118.role=server",
                C + "c37118.frameType=command", C + "c37118.version=2005");
        assertThat(o.values(C37118Attributes.ID_CODE)).isEmpty(); // a command's IDCODE names its target
        assertThat(o.services()).isEmpty();
    }

    @Test
    void aConfiguration2FrameNamesEveryPmuAndTheirCount() {
        Observed o = exchange(fromPmuUdp(config2("SUB1 PMU A", "SUB1 PMU B")));
        assertThat(o.facts()).containsExactly(
                C + "c37118.role=client",
                S + "c37118.frameType=config-2",
                S + "c37118.idCode=7",
                S + "c37118.pmuCount=2",
                S + "c37118.pmuIdCode=100",
                S + "c37118.pmuIdCode=101",
                S + "c37118.role=server",
                S + "c37118.stationName=SUB1 PMU A",
                S + "c37118.stationName=SUB1 PMU B",
                S + "c37118.version=2011");
        assertThat(o.services()).containsExactly("10.0.0.11 4713/udp c37118");
    }

    @Test
    void aConfiguration1FrameIsReadLikeAConfiguration2() {
        C37118Frames f = body().u32(1_000_000).u16(1);
        byte[] cfg1 = frame(2, 1, 9, pmuBlock(f, "STATION-9", 9, 1).u16(60).build());
        Observed o = exchange(fromPmuUdp(cfg1));
        assertThat(o.values(C37118Attributes.STATION_NAME)).containsExactly("STATION-9");
        assertThat(o.values(C37118Attributes.FRAME_TYPE)).containsExactly("config-1");
    }

    @Test
    void aConfiguration3FrameHasLengthPrefixedNames() {
        // Table 10: CONT_IDX, TIME_BASE, NUM_PMU, then STN with a length octet, IDCODE, G_PMU_ID, FORMAT, counts...
        C37118Frames f = body().u16(0).u32(1_000_000).u16(2);
        for (String stn : new String[] {"North Bus", "South Bus"}) {
            f.shortName(stn).u16(stn.charAt(0)).u8(new int[16]).u16(0x000F, 1, 1, 0);
            f.shortName("VA").shortName("FREQ-A");
            f.u8(new int[12]).u8(new int[8]);
            f.u32(0).u32(0).u32(0).u8('P').u32(0).u32(0).u16(1, 3);
        }
        Observed o = exchange(fromPmuTcp(frame(5, 2, 12, f.u16(60).build())));
        assertThat(o.values(C37118Attributes.STATION_NAME)).containsExactly("North Bus", "South Bus");
        assertThat(o.values(C37118Attributes.PMU_ID_CODE)).containsExactly("78", "83");
        assertThat(o.values(C37118Attributes.FRAME_TYPE)).containsExactly("config-3");
        assertThat(o.services()).containsExactly("10.0.0.11 4712/tcp c37118");
    }

    @Test
    void aHeaderFrameGivesItsText() {
        byte[] header = frame(1, 1, 60, body().name("GE N60 PMU, firmware 5.7", 24).u8(0, 0).build());
        assertThat(exchange(fromPmuUdp(header)).values(C37118Attributes.HEADER))
                .containsExactly("GE N60 PMU, firmware 5.7");
    }

    @Test
    void severalFramesInOneTcpSegmentAreAllRead() {
        Observed o = exchange(fromPdcTcp(concat(command(5), command(2))));
        assertThat(o.values(C37118Attributes.FUNCTION)).containsExactly("data-on", "send-config-2");
    }

    @Test
    void aFrameWithAWrongChecksumIsCountedAndNotRead() {
        C37118Dissector d = new C37118Dissector();
        Observed o = new Observed(d);
        byte[] bad = command(1);
        bad[bad.length - 1] ^= 1;
        o.feed(C37118Frames.PDC, fromPdcUdp(bad));
        assertThat(o.attributes()).isEmpty();
        assertThat(o.operations()).singleElement().asString().endsWith(" c37118:malformed bad-checksum");
        assertThat(d.badChecksum()).isEqualTo(1);
    }

    @Test
    void aFrameSizeBeyondThePayloadOrAnUnknownVersionIsMalformed() {
        C37118Dissector d = new C37118Dissector();
        Observed o = new Observed(d);
        byte[] cut = command(1);
        o.feed(C37118Frames.PDC, fromPdcUdp(java.util.Arrays.copyOf(cut, cut.length - 1)));
        o.feed(C37118Frames.PDC, fromPdcUdp(frame(4, 7, 60, body().u16(1).build())));
        assertThat(o.attributes()).isEmpty();
        assertThat(o.operations()).hasSize(2).allMatch(s -> s.endsWith(" c37118:malformed"));
        assertThat(d.malformed()).isEqualTo(2);
    }

    @Test
    void dataFramesAfterTheFirstOfAFlowAddNothing() {
        byte[] data1 = frame(0, 1, 60, body().u16(0).u32(1).build());
        byte[] data2 = frame(0, 1, 60, body().u16(0).u32(2).build());
        Observed o = exchange(fromPmuUdp(data1), fromPmuUdp(data2));
        assertThat(o.facts()).containsExactly(C + "c37118.role=client", S + "c37118.frameType=data",
                S + "c37118.idCode=60", S + "c37118.role=server", S + "c37118.version=2005");
    }

    @Test
    void aStreamMulticastToItsClientsNamesNoClient() {
        var pmu = io.osprey.packet.testing.SyntheticFrame.from("02:00:00:00:00:0b", "10.0.0.11")
                .to("01:00:5e:01:02:03", "239.1.2.3");
        Observed o = new Observed(new C37118Dissector());
        o.feed(pmu, pmu.udp(4713, 4713, frame(0, 1, 60, body().u16(0).build())));
        assertThat(o.values(C37118Attributes.ROLE)).containsExactly("server");
    }
}
