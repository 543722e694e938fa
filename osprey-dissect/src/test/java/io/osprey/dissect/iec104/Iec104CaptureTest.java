package io.osprey.dissect.iec104;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real capture; expected values from {@code tshark -Y iec60870_104 -T fields -e ip.src -e iec60870_104.type
 * -e iec60870_asdu.typeid -e iec60870_asdu.causetx -e iec60870_asdu.addr}.
 */
class Iec104CaptureTest {

    @Test
    void itiTestDissectIec104() {
        // 172.27.248.109 connects to 172.27.248.79:2404; on the connection from port 1578 it sends C_IC_NA_1 (100),
        // C_SC_NA_1 (45), C_DC_NA_1 (46) and C_CS_NA_1 (103) with cause 6; the RTU answers M_EI_NA_1 (70, cause 4),
        // confirmations (7), interrogated M_SP_NA_1 / M_DP_NA_1 (20), termination (10) and a spontaneous M_SP_TB_1 (3)
        Iec104Dissector d = new Iec104Dissector();
        Observed o = new Observed(d).capture(Iec104Wire.fixture("iti-test-dissect-iec104.pcap"));
        assertThat(o.facts()).containsExactly(
                "00:13:72:d7:87:8a/172.27.248.109 iec104.cause=activation",
                "00:13:72:d7:87:8a/172.27.248.109 iec104.commonAddress=37133",
                "00:13:72:d7:87:8a/172.27.248.109 iec104.role=controlling",
                "00:13:72:d7:87:8a/172.27.248.109 iec104.typeId=C_CS_NA_1",
                "00:13:72:d7:87:8a/172.27.248.109 iec104.typeId=C_DC_NA_1",
                "00:13:72:d7:87:8a/172.27.248.109 iec104.typeId=C_IC_NA_1",
                "00:13:72:d7:87:8a/172.27.248.109 iec104.typeId=C_SC_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.cause=activation-con",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.cause=activation-termination",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.cause=initialized",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.cause=interrogated",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.cause=spontaneous",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.commonAddress=37133",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.role=controlled",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=C_CS_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=C_DC_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=C_IC_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=C_SC_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=M_DP_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=M_EI_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=M_SP_NA_1",
                "00:15:c5:18:d4:cc/172.27.248.79 iec104.typeId=M_SP_TB_1");
        assertThat(o.services()).containsExactly("172.27.248.79 2404/tcp iec104");
        // Wireshark's test capture sends 13 segments of six or more octets that start with filler before 0x68
        // (frames 11, 16, 18, 23, 25, 36, 41, 56, 71, 73, 75, 83, 94); tshark hunts for the start octet, we do not
        assertThat(d.malformed()).isEqualTo(13);
    }
}
