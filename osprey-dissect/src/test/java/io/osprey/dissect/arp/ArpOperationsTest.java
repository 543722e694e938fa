package io.osprey.dissect.arp;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "who-has" and "claim" operations on which the alert engine finds ARP scans and ARP spoofing. */
class ArpOperationsTest {
    static final String A = "00:17:88:24:76:ff", B = "02:de:ad:be:ef:01", ROUTER = "00:b5:6d:06:08:ba";
    static final String BROADCAST = "ff:ff:ff:ff:ff:ff";
    static final int REQUEST = 1, REPLY = 2;

    final Observed observed = new Observed(new ArpDissector());

    void arp(String mac, String ip, String targetMac, String targetIp, int op) {
        SyntheticFrame f = SyntheticFrame.from(mac, ip).to(targetMac, targetIp);
        observed.feed(f, f.arp(op));
    }

    @Nested
    class WhoHas {
        @Test
        void aRequestIsReportedOncePerRequesterAndTarget() {
            // RFC 826: a request names the sender's addresses and the target protocol address it asks for
            arp(A, "10.0.0.6", BROADCAST, "10.0.0.1", REQUEST);
            arp(A, "10.0.0.6", BROADCAST, "10.0.0.1", REQUEST);
            arp(A, "10.0.0.6", BROADCAST, "10.0.0.7", REQUEST);
            arp(ROUTER, "10.0.0.1", BROADCAST, "10.0.0.7", REQUEST);
            assertThat(observed.operations()).containsExactly(
                    A + "/10.0.0.6 > 10.0.0.1 arp:who-has 10.0.0.1",
                    A + "/10.0.0.6 > 10.0.0.7 arp:who-has 10.0.0.7",
                    ROUTER + "/10.0.0.1 > 10.0.0.7 arp:who-has 10.0.0.7");
        }

        @Test
        void aScanAsksForManyTargets() {
            for (int i = 1; i <= 254; i++) arp(A, "10.0.0.6", BROADCAST, "10.0.1." + i, REQUEST);
            assertThat(observed.operations()).hasSize(254)
                    .allSatisfy(o -> assertThat(o).startsWith(A + "/10.0.0.6 > 10.0.1.").contains(" arp:who-has 10.0.1."));
        }

        @Test
        void aProbeAsksFromNoAddressAndAGratuitousRequestAsksNothing() {
            // RFC 5227 §2.1.1: a probe's sender IP is 0.0.0.0; §3: an announcement's sender and target IPs are equal
            arp(A, "0.0.0.0", "00:00:00:00:00:00", "10.0.0.6", REQUEST);
            arp(A, "10.0.0.6", BROADCAST, "10.0.0.6", REQUEST);
            assertThat(observed.operations()).containsExactly(A + " > 10.0.0.6 arp:who-has 10.0.0.6");
            assertThat(observed.bindings()).containsExactly(A + " 10.0.0.6");
        }

        @Test
        void aReplyAsksNothing() {
            arp(A, "10.0.0.6", ROUTER, "10.0.0.1", REPLY);
            assertThat(observed.operations()).isEmpty();
        }
    }

    @Nested
    class Claims {
        @Test
        void theFirstClaimAndRepeatedClaimsByTheSameMacAreNoChange() {
            arp(A, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(A, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(A, "10.0.0.5", BROADCAST, "10.0.0.5", REQUEST);
            assertThat(observed.operations()).isEmpty();
        }

        @Test
        void anAddressClaimedByTwoMacsInTurnIsReportedAtEachChange() {
            arp(A, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(B, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(B, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(A, "10.0.0.5", BROADCAST, "10.0.0.5", REQUEST);
            arp(B, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            assertThat(observed.operations()).containsExactly(
                    B + "/10.0.0.5 > " + B + "/10.0.0.5 arp:claim ip=10.0.0.5 mac=" + B + " previous=" + A,
                    A + "/10.0.0.5 > " + A + "/10.0.0.5 arp:claim ip=10.0.0.5 mac=" + A + " previous=" + B,
                    B + "/10.0.0.5 > " + B + "/10.0.0.5 arp:claim ip=10.0.0.5 mac=" + B + " previous=" + A);
            assertThat(observed.all).filteredOn(o -> o instanceof Observation.Operation)
                    .allSatisfy(o -> assertThat(o.source()).isEqualTo("arp"));
        }

        @Test
        void anOrdinaryRequestClaimsNothing() {
            // only replies and gratuitous ARP are claims; a request from another MAC with the same sender IP is not
            arp(A, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(B, "10.0.0.5", BROADCAST, "10.0.0.1", REQUEST);
            assertThat(observed.operations()).containsExactly(B + "/10.0.0.5 > 10.0.0.1 arp:who-has 10.0.0.1");
        }

        @Test
        void differentAddressesAreTrackedApart() {
            arp(A, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(B, "10.0.0.6", ROUTER, "10.0.0.1", REPLY);
            assertThat(observed.operations()).isEmpty();
        }
    }

    @Nested
    class Bounds {
        @Test
        void theClaimTableStaysBoundedAndForgettingInventsNoChange() {
            ClaimedAddresses claims = new ClaimedAddresses();
            long a = 0x02_00_00_00_00_01L, b = 0x02_00_00_00_00_02L;
            assertThat(claims.claim(1, a)).isEqualTo(Packet.NO_MAC);
            assertThat(claims.claim(1, a)).isEqualTo(a);
            assertThat(claims.claim(1, b)).isEqualTo(a);
            for (int ip = 2; ip <= ClaimedAddresses.MAX_ADDRESSES + 10; ip++) {
                claims.claim(ip, a);
                assertThat(claims.size()).isLessThanOrEqualTo(ClaimedAddresses.MAX_ADDRESSES);
            }
            // address 1 was forgotten at the clear: its next claim is a first one, not a change
            assertThat(claims.claim(1, a)).isEqualTo(Packet.NO_MAC);
            assertThat(claims.claim(0, a)).isEqualTo(Packet.NO_MAC);
        }

        @Test
        void anUnspecifiedOrGroupSenderClaimsNothing() {
            arp("03:00:00:00:00:01", "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp(A, "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            arp("00:00:00:00:00:00", "10.0.0.5", ROUTER, "10.0.0.1", REPLY);
            assertThat(observed.operations()).isEmpty();
        }
    }

    @Test
    void repeatedRequestsAndClaimsAllocateNothing() {
        SyntheticFrame request = SyntheticFrame.from(A, "10.0.0.6").to(BROADCAST, "10.0.0.1");
        SyntheticFrame reply = SyntheticFrame.from(A, "10.0.0.6").to(ROUTER, "10.0.0.1");
        SyntheticFrame gratuitous = SyntheticFrame.from(B, "10.0.0.9").to(BROADCAST, "10.0.0.9");
        List<byte[]> frames = List.of(request.arp(REQUEST), reply.arp(REPLY), gratuitous.arp(REQUEST));
        assertThat(AllocationMeter.allocatedWhileRepeating(new ArpDissector(), frames, 5_000)).isLessThan(1_500);
    }
}
