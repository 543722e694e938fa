package io.osprey.dissect.melsec;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ITI MELSOFT capture: GX Works (192.168.3.101) and an FX5U (192.168.3.250), every message broadcast on UDP
 * 5560. Tshark has no MELSOFT dissector; the values were read from {@code tshark -T fields -e data.data}: the
 * answers to command 01 21 (frames 6, 14, 36, ...) carry "FX5U-32MT/ES" at offset 53 and 29 4a after it;
 * GROUND_TRUTH.md: MELSEC iQ-F FX5U-32MT/ES. The request commands are the 14 distinct values at offset 45.
 */
class MelsecCaptureTest {

    @Test
    void gxWorksAndAnFx5u() {
        MelsecDissector d = new MelsecDissector();
        Observed o = new Observed(d).capture(MelsecWire.fixture("melsoft-fx5u-udp.pcap"));
        String plc = "10:4b:46:28:0b:fa/192.168.3.250 ", pc = "84:7b:eb:0d:bd:b7/192.168.3.101 ";
        assertThat(o.facts()).containsExactly(
                plc + "melsec.cpuModel=FX5U-32MT/ES",
                plc + "melsec.modelCode=4A29",
                plc + "melsec.protocol=melsoft",
                plc + "melsec.role=server",
                pc + "melsec.melsoftCommand=0121",
                pc + "melsec.melsoftCommand=01a0",
                pc + "melsec.melsoftCommand=0410",
                pc + "melsec.melsoftCommand=0b16",
                pc + "melsec.melsoftCommand=0b2a",
                pc + "melsec.melsoftCommand=1730",
                pc + "melsec.melsoftCommand=1731",
                pc + "melsec.melsoftCommand=1734",
                pc + "melsec.melsoftCommand=185f",
                pc + "melsec.melsoftCommand=1867",
                pc + "melsec.melsoftCommand=1868",
                pc + "melsec.melsoftCommand=1869",
                pc + "melsec.melsoftCommand=186a",
                pc + "melsec.melsoftCommand=187e",
                pc + "melsec.protocol=melsoft",
                pc + "melsec.role=client");
        assertThat(o.services()).containsExactly("192.168.3.250 5560/udp melsoft");
        assertThat(d.malformed()).isZero();
    }

    @Test
    void gxWorksCommandsAreRoutineOperationsToTheBroadcastAddress() {
        // the 14 distinct request commands at offset 45 (tshark -e data.data), each once; every message is broadcast
        Observed o = new Observed(new MelsecDissector()).capture(MelsecWire.fixture("melsoft-fx5u-udp.pcap"));
        String pair = "84:7b:eb:0d:bd:b7/192.168.3.101 > ff:ff:ff:ff:ff:ff/255.255.255.255 melsec:melsoft command=";
        assertThat(o.operations()).containsExactlyInAnyOrder(pair + "0121", pair + "01a0", pair + "0410",
                pair + "0b16", pair + "0b2a", pair + "1730", pair + "1731", pair + "1734", pair + "185f",
                pair + "1867", pair + "1868", pair + "1869", pair + "186a", pair + "187e");
    }
}
