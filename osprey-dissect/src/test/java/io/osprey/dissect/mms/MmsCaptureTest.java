package io.osprey.dissect.mms;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ITI capture of a station computer (Intel NIC, 172.16.0.101) and ABB IEDs (ITI ICS-Security-Tools, CC-BY-4.0).
 * Values are tshark's (Wireshark 4.0) with the MMS presentation context declared for the associations that began
 * before the capture ({@code -o 'uat:pres_context_list:"3","1.0.9506.2.1"' -Y mms}): informationReports from
 * 172.16.201.2, .201.4, .201.5, .201.7 and .202.5's association (initiate in frames 110-111,
 * getVariableAccessAttributes and read of AA1E1Q01FP2LD0/LLN0$BR$rcb_B02 in 124-129, conclude in 136-138).
 */
class MmsCaptureTest {

    @Test
    void abbIedsReportToTheStationComputerWhichOpensAnAssociationToOneOfThem() {
        Observed o = new Observed(new MmsDissector()).capture(MmsWire.fixture("abb-ieds-mms-reports-and-goose.pcap"));
        String pc = "00:1b:21:02:f7:9d/172.16.0.101 ";
        String ied2 = "00:00:23:06:30:fe/172.16.201.2 ", ied4 = "00:00:23:06:32:35/172.16.201.4 ";
        String ied5 = "00:00:23:06:31:cc/172.16.201.5 ", ied7 = "00:02:a3:01:3b:b8/172.16.201.7 ";
        String ied25 = "00:00:23:06:31:ca/172.16.202.5 ";
        assertThat(o.facts()).containsExactly(
                ied2 + "mms.pdu=unconfirmed",
                ied2 + "mms.role=server",
                ied2 + "mms.unconfirmed=informationReport",
                ied25 + "mms.domain=AA1E1Q01FP2LD0",
                ied25 + "mms.pdu=conclude-response",
                ied25 + "mms.pdu=confirmed-error",
                ied25 + "mms.pdu=confirmed-response",
                ied25 + "mms.pdu=initiate-response",
                ied25 + "mms.role=server",
                ied5 + "mms.pdu=unconfirmed",
                ied5 + "mms.role=server",
                ied5 + "mms.unconfirmed=informationReport",
                ied4 + "mms.pdu=unconfirmed",
                ied4 + "mms.role=server",
                ied4 + "mms.unconfirmed=informationReport",
                ied7 + "mms.pdu=unconfirmed",
                ied7 + "mms.role=server",
                ied7 + "mms.unconfirmed=informationReport",
                pc + "mms.function=getVariableAccessAttributes",
                pc + "mms.function=read",
                pc + "mms.pdu=conclude-request",
                pc + "mms.pdu=confirmed-request",
                pc + "mms.pdu=initiate-request",
                pc + "mms.role=client");
        assertThat(o.values(MmsAttributes.FUNCTION)).containsExactly("getVariableAccessAttributes", "read");
        assertThat(o.values(MmsAttributes.DOMAIN)).containsExactly("AA1E1Q01FP2LD0");
        assertThat(o.services()).containsExactly("172.16.201.2 102/tcp mms", "172.16.201.4 102/tcp mms",
                "172.16.201.5 102/tcp mms", "172.16.201.7 102/tcp mms", "172.16.202.5 102/tcp mms");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void realS7SessionsOnTheSamePortYieldNoMmsFacts() {
        // port 102 is shared: S7comm and S7comm-plus ride COTP DT without the OSI session layer
        for (String s7 : new String[] {"s7/et200s-im151-8-cpu-szl-reads.pcap", "s7/s7-1200-hmi-s7comm-plus.pcap"}) {
            MmsDissector d = new MmsDissector();
            Observed o = new Observed(d).capture(io.osprey.dissect.http.Web.fixture(s7));
            assertThat(o.all).as(s7).isEmpty();
            assertThat(d.notMms()).as(s7).isPositive();
        }
    }

    @Test
    void theClientsReadsAreRoutineOperationsReportedOnce() {
        // tshark -Y mms.confirmed_RequestPDU_element: 172.16.0.101 asks 172.16.202.5 for services 4 (read) and 6
        // (getVariableAccessAttributes), nothing that changes the IED; no malformed PDU
        Observed o = new Observed(new MmsDissector()).capture(MmsWire.fixture("abb-ieds-mms-reports-and-goose.pcap"));
        String pair = "00:1b:21:02:f7:9d/172.16.0.101 > 00:00:23:06:31:ca/172.16.202.5 mms:";
        assertThat(o.operations()).containsExactlyInAnyOrder(pair + "getVariableAccessAttributes", pair + "read");
    }
}
