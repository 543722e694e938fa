package io.osprey.dissect.dnp3;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.dnp3.Dnp3Wire.M;
import static io.osprey.dissect.dnp3.Dnp3Wire.MASTER;
import static io.osprey.dissect.dnp3.Dnp3Wire.O;
import static io.osprey.dissect.dnp3.Dnp3Wire.concat;
import static io.osprey.dissect.dnp3.Dnp3Wire.exchange;
import static io.osprey.dissect.dnp3.Dnp3Wire.fromMaster;
import static io.osprey.dissect.dnp3.Dnp3Wire.fromOutstation;
import static io.osprey.dissect.dnp3.Dnp3Wire.link;
import static io.osprey.dissect.dnp3.Dnp3Wire.linkFrame;
import static io.osprey.dissect.dnp3.Dnp3Wire.request;
import static io.osprey.dissect.dnp3.Dnp3Wire.response;
import static org.assertj.core.api.Assertions.assertThat;

/** DNP3 by the rows of IEEE 1815-2012 they exercise. */
class Dnp3DissectorTest {

    @Test
    void classZeroPollMakesAMasterAndAnOutstation() {
        // §4.2.2.5 read (1) of group 60 variation 1, qualifier 0x06; response (129) with no IIN
        Observed o = exchange(fromMaster(request(1, 60, 1, 6)), fromOutstation(response(129, 0, 0)));
        assertThat(o.facts()).containsExactly(
                O + "dnp3.address=10",
                O + "dnp3.function=response",
                O + "dnp3.role=outstation",
                M + "dnp3.address=1",
                M + "dnp3.function=read",
                M + "dnp3.role=master");
        assertThat(o.services()).containsExactly("10.0.0.11 20000/tcp dnp3");
    }

    @Test
    void controlAndRestartFunctionsAreNamedAndUndefinedOnesAreDecimal() {
        Observed o = exchange(fromMaster(request(3)), fromMaster(request(4)), fromMaster(request(5)),
                fromMaster(request(6)), fromMaster(request(13)), fromMaster(request(14)), fromMaster(request(18)),
                fromMaster(request(24)), fromMaster(request(99)));
        assertThat(o.values(Dnp3Attributes.FUNCTION)).containsExactly("99", "cold-restart", "direct-operate",
                "direct-operate-nr", "operate", "record-current-time", "select", "stop-application", "warm-restart");
    }

    @Test
    void unsolicitedResponsesAndDeviceRestartAreOutstationFacts() {
        // §4.2.2.7.1: IIN1 bit 7 = DEVICE_RESTART; IIN2 (second octet) bit 7 is reserved and must not count
        Observed o = exchange(fromOutstation(response(130, 0x80, 0)), fromOutstation(response(129, 0, 0x80)));
        assertThat(o.facts()).contains(O + "dnp3.unsolicited=true", O + "dnp3.restart=true",
                O + "dnp3.function=unsolicited-response");
        Observed quiet = exchange(fromOutstation(response(129, 0x02, 0x80)));
        assertThat(quiet.values(Dnp3Attributes.RESTART)).isEmpty();
        assertThat(quiet.values(Dnp3Attributes.UNSOLICITED)).isEmpty();
    }

    @Test
    void theIinOfALongResponseIsReadWhateverTheBlocks() {
        // 40 octets of user data span three CRC blocks; IIN is in the first
        int[] objects = new int[35];
        Observed o = exchange(fromOutstation(response(129, 0x80, 0, objects)));
        assertThat(o.values(Dnp3Attributes.RESTART)).containsExactly("true");
    }

    @Test
    void userOctetsSkipTheCrcAfterEverySixteen() {
        int[] data = new int[40];
        for (int i = 0; i < data.length; i++) data[i] = i + 1;
        byte[] frame = linkFrame(0xc4, 1, 2, data);
        io.osprey.dissect.Payload p = new io.osprey.dissect.Payload().wrap(frame, 0, frame.length);
        for (int k = 0; k < data.length; k++) assertThat(Dnp3Dissector.userOctet(p, 0, data.length, k)).isEqualTo(k + 1);
        assertThat(Dnp3Dissector.userOctet(p, 0, data.length, 40)).isEqualTo(-1);
        assertThat(frame).hasSize(10 + 40 + 2 * 3);
    }

    @Test
    void laterTransportSegmentsAndSecondaryFramesCarryNoFunction() {
        // §8.2.1: FIR = 0 is a continuation segment; §9.2.4.1.3.3: secondary (PRM = 0) ACK and link status
        Observed o = exchange(
                fromMaster(link(true, 10, 1, 0x01, 0xc0, 2)),
                fromOutstation(linkFrame(0x00, 1, 10)),
                fromOutstation(linkFrame(0x0b, 1, 10)));
        assertThat(o.values(Dnp3Attributes.FUNCTION)).isEmpty();
        assertThat(o.values(Dnp3Attributes.ROLE)).containsExactly("master", "outstation");
    }

    @Test
    void severalLinkFramesInOneSegmentAreAllRead() {
        Observed o = exchange(fromMaster(concat(request(20, 60, 2, 6), request(21, 60, 3, 6), request(22))));
        assertThat(o.values(Dnp3Attributes.FUNCTION)).containsExactly("assign-class", "disable-unsolicited",
                "enable-unsolicited");
    }

    @Test
    void udpCarriesTheSameAndTheOutstationServesUdp() {
        SyntheticFrame outstation = MASTER.reply();
        Observed o = new Observed(new Dnp3Dissector());
        o.feed(MASTER, MASTER.udp(50001, Dnp3Dissector.PORT, request(1)));
        o.feed(MASTER, outstation.udp(Dnp3Dissector.PORT, 50001, response(129, 0, 0)));
        assertThat(o.values(Dnp3Attributes.FUNCTION)).containsExactly("read", "response");
        assertThat(o.services()).containsExactly("10.0.0.11 20000/udp dnp3");
    }

    @Test
    void eachFactIsReportedOnceAndAddressesPerHostAreBounded() {
        Observed o = new Observed(new Dnp3Dissector());
        for (int i = 0; i < 5; i++) o.feed(MASTER, fromOutstation(response(129, 0, 0)));
        assertThat(o.attributes()).hasSize(3);
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
        for (int a = 0; a < 100; a++) o.feed(MASTER, fromOutstation(link(false, 1, 100 + a, 0xc0, 0xc0, 129, 0, 0)));
        assertThat(o.values(Dnp3Attributes.ADDRESS)).hasSize(Dnp3Dissector.MAX_VALUES_PER_HOST);
    }

    @Test
    void notDnp3IsCountedNotReported() {
        Dnp3Dissector d = new Dnp3Dissector();
        Observed o = new Observed(d);
        byte[] start = request(1);
        start[1] = 0x05;                                 // §9.2.4.1.1: start octets 0x05 0x64
        byte[] shortLength = request(1);
        shortLength[2] = 4;                              // length counts at least control + addresses (5)
        o.feed(MASTER, fromMaster(start)).feed(MASTER, fromMaster(shortLength));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(2);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
