package io.osprey.dissect.netbios;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NbnsDissectorTest {
    static final String PC = "00:04:23:57:a5:7a", WINS = "00:1c:c4:10:79:0f";
    final SyntheticFrame broadcast = SyntheticFrame.from(PC, "192.168.1.249").to("ff:ff:ff:ff:ff:ff", "192.168.1.255");
    final Observed observed = new Observed(new NbnsDissector());

    @Test
    void aRegistrationReportsAUniqueNameWithItsSuffix() {
        // RFC 1002 §4.2.2: the name and NB_FLAGS/NB_ADDRESS in the additional record
        observed.feed(broadcast, broadcast.udp(137, 137, NetbiosWire.registration("DJP95S0J", 0x00, NetbiosWire.UNIQUE,
                "192.168.1.249")));
        observed.feed(broadcast, broadcast.udp(137, 137, NetbiosWire.registration("DJP95S0J", 0x00, NetbiosWire.UNIQUE,
                "192.168.1.249")));
        assertThat(observed.facts()).containsExactly("00:04:23:57:a5:7a/192.168.1.249 netbios.name=DJP95S0J<00>");
        assertThat(observed.attributes().getFirst().source()).isEqualTo("nbns");
        assertThat(observed.services()).as("a request proves no server").isEmpty();
    }

    @Test
    void aGroupRegistrationReportsAGroupName() {
        observed.feed(broadcast, broadcast.udp(137, 137, NetbiosWire.registration("ARBEITSGRUPPE", 0x1e,
                NetbiosWire.GROUP, "192.168.1.249")));
        assertThat(observed.facts()).containsExactly("00:04:23:57:a5:7a/192.168.1.249 netbios.group=ARBEITSGRUPPE<1e>");
    }

    @Test
    void aNameQueryReportsTheNameLookedUpButANodeStatusWildcardDoesNot() {
        // RFC 1002 §4.2.12 name query; §4.2.17 node status request asks for "*"
        observed.feed(broadcast, broadcast.udp(137, 137, NetbiosWire.query("ARBEITSGRUPPE", 0x1b, NetbiosWire.NB)));
        observed.feed(broadcast, broadcast.udp(137, 137, NetbiosWire.nodeStatusQuery()));
        assertThat(observed.facts()).containsExactly("00:04:23:57:a5:7a/192.168.1.249 netbios.query=ARBEITSGRUPPE<1b>");
    }

    @Test
    void aPositiveResponseForItsOwnAddressIsAboutTheResponderAndProvesTheService() {
        // RFC 1002 §4.2.13
        SyntheticFrame guru = SyntheticFrame.from("ec:a8:6b:f4:60:77", "10.0.5.1").to(WINS, "10.0.4.24");
        observed.feed(guru, guru.udp(137, 137, NetbiosWire.positiveResponse("GURU", 0,
                NetbiosWire.entry(NetbiosWire.UNIQUE, "10.0.5.1"))));
        assertThat(observed.facts()).containsExactly("ec:a8:6b:f4:60:77/10.0.5.1 netbios.name=GURU<00>");
        assertThat(observed.attributes().getFirst().confidence()).isEqualTo(1.0);
        assertThat(observed.services()).containsExactly("10.0.5.1 137/udp netbios-ns");
    }

    @Test
    void aServerAnsweringForOtherAddressesSpeaksAboutThoseAddressesWithLessConfidence() {
        SyntheticFrame wins = SyntheticFrame.from(WINS, "10.0.4.24").to(PC, "10.0.1.87");
        observed.feed(wins, wins.udp(137, 137, NetbiosWire.positiveResponse("OFFICE", 0x00,
                NetbiosWire.entry(NetbiosWire.GROUP, "10.0.5.9"), NetbiosWire.entry(NetbiosWire.GROUP, "10.0.5.93"))));
        assertThat(observed.facts()).containsExactly("10.0.5.9 netbios.group=OFFICE<00>", "10.0.5.93 netbios.group=OFFICE<00>");
        assertThat(observed.attributes()).allSatisfy(a -> assertThat(a.confidence()).isEqualTo(0.8));
    }

    @Test
    void aNodeStatusResponseListsTheRespondersNamesAndUnitId() {
        // RFC 1002 §4.2.18; names being deregistered (DRG) or in conflict (CNF) are not the host's any more
        SyntheticFrame gunnar = SyntheticFrame.from(WINS, "10.0.4.24").to(PC, "10.0.1.87");
        byte[] response = NetbiosWire.nodeStatusResponse(new Object[][] {
                {"GUNNAR", 0x00, 0x0400}, {"VIGILANT_GROUP", 0x00, 0x8400}, {"GUNNAR", 0x20, 0x0400},
                {"VIGILANT_GROUP", 0x1e, 0x8400}, {"OLDNAME", 0x00, 0x1400}, {"TAKEN", 0x00, 0x0c00}},
                WINS);
        observed.feed(gunnar, gunnar.udp(137, 57836, response));
        assertThat(observed.facts()).containsExactly(
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.group=VIGILANT_GROUP<00>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.group=VIGILANT_GROUP<1e>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.name=GUNNAR<00>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.name=GUNNAR<20>",
                "00:1c:c4:10:79:0f/10.0.4.24 netbios.unitId=00:1c:c4:10:79:0f");
    }

    @Test
    void sambasZeroUnitIdIsNotReported() {
        SyntheticFrame samba = SyntheticFrame.from(WINS, "10.0.4.24").to(PC, "10.0.1.87");
        observed.feed(samba, samba.udp(137, 137, NetbiosWire.nodeStatusResponse(new Object[][] {{"NAS", 0x20, 0x0400}},
                "00:00:00:00:00:00")));
        assertThat(observed.values(NetbiosAttributes.UNIT_ID)).isEmpty();
        assertThat(observed.values(NetbiosAttributes.NAME)).containsExactly("NAS<20>");
    }

    @Test
    void aNegativeResponseAndAReleaseReportNothing() {
        SyntheticFrame guru = SyntheticFrame.from("ec:a8:6b:f4:60:77", "10.0.5.1").to(WINS, "10.0.4.24");
        byte[] negative = NetbiosWire.positiveResponse("GURU", 0, NetbiosWire.entry(0, "10.0.5.1"));
        negative[3] |= 3; // RCODE NAM_ERR
        observed.feed(guru, guru.udp(137, 137, negative));
        byte[] release = NetbiosWire.registration("GURU", 0, 0, "10.0.5.1");
        release[2] = (byte) (release[2] & 0x87 | 6 << 3); // opcode 6, release (RFC 1002 §4.2.9)
        observed.feed(guru, guru.udp(137, 137, release));
        assertThat(observed.all).isEmpty();
    }
}
