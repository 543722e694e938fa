package io.osprey.dissect.snmp;

import io.osprey.dissect.dhcp.AllocationMeter;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.osprey.dissect.snmp.SnmpDissectorTest.MANAGER;
import static io.osprey.dissect.snmp.SnmpDissectorTest.bytes;
import static io.osprey.dissect.snmp.SnmpDissectorTest.feed;
import static io.osprey.dissect.snmp.SnmpDissectorTest.integer;
import static io.osprey.dissect.snmp.SnmpDissectorTest.message;
import static io.osprey.dissect.snmp.SnmpDissectorTest.octets;
import static io.osprey.dissect.snmp.SnmpDissectorTest.sysOid;
import static io.osprey.dissect.snmp.SnmpDissectorTest.tlv;
import static org.assertj.core.api.Assertions.assertThat;

/** The community of SNMPv1 and v2c is a password sent in clear (RFC 3410 §5): "cleartext-credentials" operations. */
class SnmpOperationsTest {
    static final String MGR = "02:00:00:00:00:01/10.0.0.1", AGENT = "02:00:00:00:00:02/10.0.0.2";

    static byte[] get(int version, String community) {
        return message(version, community, 0xa0, tlv(0x30, sysOid(5), tlv(0x05)));
    }

    @Test
    void requestsReportTheCommunityClassOncePerPairVersionAndClass() {
        Observed o = feed(MANAGER.udp(40000, 161, get(1, "public")),
                MANAGER.udp(40001, 161, get(1, "public")),
                MANAGER.udp(40002, 161, message(1, "public", 0xa1, tlv(0x30, sysOid(5), tlv(0x05)))),
                MANAGER.udp(40003, 161, message(1, "public", 0xa5, tlv(0x30, sysOid(5), tlv(0x05)))),
                MANAGER.udp(40004, 161, message(0, "private", 0xa3, tlv(0x30, sysOid(5), octets("x")))),
                MANAGER.udp(40005, 161, get(1, "")),
                MANAGER.udp(40006, 161, get(1, "Tr0ub4dor&3")));
        assertThat(o.operations()).containsExactly(
                MGR + " > " + AGENT + " snmp:cleartext-credentials protocol=snmp version=2c community=default-public",
                MGR + " > " + AGENT + " snmp:cleartext-credentials protocol=snmp version=1 community=default-private",
                MGR + " > " + AGENT + " snmp:cleartext-credentials protocol=snmp version=2c community=empty",
                MGR + " > " + AGENT + " snmp:cleartext-credentials protocol=snmp version=2c community=other");
        assertThat(o.all).noneMatch(x -> x.toString().contains("Tr0ub4dor"));
    }

    @Test
    void aTrapIsSentByTheAgentWithItsCommunity() {
        // RFC 3416 §4.2.6: SNMPv2-Trap-PDU from the agent to the manager's port 162
        SyntheticFrame agent = MANAGER.reply();
        Observed o = new Observed(new SnmpDissector());
        o.feed(agent, agent.udp(40000, 162, message(1, "s3cret!", 0xa7, tlv(0x30, sysOid(3), tlv(0x43, bytes(1))))));
        assertThat(o.operations()).containsExactly(
                AGENT + " > " + MGR + " snmp:cleartext-credentials protocol=snmp version=2c community=other");
        assertThat(o.all).noneMatch(x -> x.toString().contains("s3cret"));
    }

    @Test
    void responsesAndVersion3ReportNoCredentials() {
        byte[] response = message(1, "s3cret!", 0xa2, tlv(0x30, sysOid(5), octets("plc-7")));
        // RFC 3412 §6: version 3, msgGlobalData, msgSecurityParameters (USM with an empty engine id: discovery)
        byte[] v3 = tlv(0x30, integer(3), tlv(0x30, integer(1), integer(100), octets("\u0004"), integer(3)),
                octets(new String(tlv(0x30, octets(""), integer(0), integer(0), octets(""), octets(""), octets("")),
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
        Observed o = feed(MANAGER.reply().udp(161, 40000, response), MANAGER.udp(40001, 161, v3));
        assertThat(o.operations()).isEmpty();
        assertThat(o.all).noneMatch(x -> x.toString().contains("s3cret"));
    }

    @Test
    void repeatedRequestsAllocateNothing() {
        List<byte[]> frames = List.of(MANAGER.udp(40000, 161, get(1, "public")), MANAGER.udp(40001, 161, get(0, "x")));
        assertThat(AllocationMeter.allocatedWhileRepeating(new SnmpDissector(), frames, 5_000)).isLessThan(1_000);
    }
}
