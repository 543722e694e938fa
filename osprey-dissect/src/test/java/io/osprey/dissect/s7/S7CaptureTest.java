package io.osprey.dissect.s7;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real S7 sessions (ITI ICS-Security-Tools captures, CC-BY-4.0). Every value below is what
 * {@code tshark -r F -Y s7comm -V} (Wireshark 4.0) shows for the same packets: SZL 0x0011 "MlfB", the
 * Ausbg/Ausbe octets of index 7 ('V' 3 2 6), SZL 0x001C names, SZL 0x0424 "Requested mode: RUN", job functions.
 */
class S7CaptureTest {
    static final Path SHARED = Path.of("..", "..", "shared", "data", "pcaps");

    static Observed run(String fixture) {
        return new Observed(new S7Dissector()).capture(S7Wire.fixture(fixture));
    }

    @Test
    void et200sAnswersModuleAndComponentIdentification() {
        // frames 58-59 (SZL 0x0011), 67-72 (SZL 0x001C in two userdata fragments), 108-109 (SZL 0x0424)
        Observed o = run("et200s-im151-8-cpu-szl-reads.pcap");
        String plc = "00:1b:1b:23:eb:3b/192.168.1.40 ", pc = "90:e6:ba:84:5e:41/192.168.1.10 ";
        assertThat(o.facts()).containsExactly(
                plc + "s7.copyright=Original Siemens Equipment",
                plc + "s7.cpuMode=run",
                plc + "s7.firmwareVersion=V3.2.6",
                plc + "s7.hardwareVersion=3",
                plc + "s7.memoryCardSerial=MMC 2900FC1A",
                plc + "s7.moduleName=IM151-8 PN/DP CPU",
                plc + "s7.moduleTypeName=IM151-8 PN/DP CPU",
                plc + "s7.orderNumber=6ES7 151-8AB01-0AB0",
                plc + "s7.protocol=s7comm",
                plc + "s7.role=server",
                plc + "s7.serialNumber=S C-C6TW74882012",
                plc + "s7.systemName=IM151-8-CPU",
                pc + "cotp.calledTsap=0102",
                pc + "cotp.callingTsap=0100",
                pc + "s7.function=read-clock",
                pc + "s7.function=read-szl",
                pc + "s7.function=setup",
                pc + "s7.protocol=s7comm",
                pc + "s7.role=client");
        assertThat(o.services()).containsExactly("192.168.1.40 102/tcp s7comm");
    }

    @Test
    void snap7ReadsIdentityUploadsWritesStopsAndStartsACpu315() {
        // SZL 0x001C comes in two fragments (data unit 213, frames 6 and 8); index 8 is cut between them
        Observed o = run("snap7-cpu315-szl-upload-plc-stop.pcapng");
        String plc = "00:0e:8c:d0:f9:cb/134.217.61.211 ", snap7 = "00:0c:29:c1:49:92/134.217.61.131 ";
        assertThat(o.facts()).containsExactly(
                snap7 + "s7.function=end-upload",
                snap7 + "s7.function=get-block-info",
                snap7 + "s7.function=list-blocks",
                snap7 + "s7.function=plc-control",
                snap7 + "s7.function=plc-start",
                snap7 + "s7.function=plc-stop",
                snap7 + "s7.function=read-clock",
                snap7 + "s7.function=read-szl",
                snap7 + "s7.function=read-var",
                snap7 + "s7.function=set-clock",
                snap7 + "s7.function=setup",
                snap7 + "s7.function=start-upload",
                snap7 + "s7.function=upload",
                snap7 + "s7.function=write-var",
                snap7 + "s7.piService=P_PROGRAM",
                snap7 + "s7.piService=_GARB",
                snap7 + "s7.piService=_MODU",
                snap7 + "s7.protocol=s7comm",
                snap7 + "s7.role=client",
                plc + "s7.copyright=Original Siemens Equipment",
                plc + "s7.cpuMode=run",
                plc + "s7.firmwareVersion=V3.2.7",
                plc + "s7.hardwareVersion=3",
                plc + "s7.memoryCardSerial=MMC 4A1AC019",
                plc + "s7.moduleName=PLC_1",
                plc + "s7.moduleTypeName=CPU 315-2 PN/DP",
                plc + "s7.orderNumber=6ES7 315-2EH14-0AB0",
                plc + "s7.protocol=s7comm",
                plc + "s7.role=server",
                plc + "s7.serialNumber=S C-B1U393142011",
                plc + "s7.systemName=S7300/ET200M station_1");
        assertThat(o.services()).containsExactly("134.217.61.211 102/tcp s7comm");
    }

    @Test
    void step7DownloadIsAboutTheStationEvenWhenThePlcSendsTheDownloadBlockJobs() {
        // frames 87-94: request download (station), download block and download ended (jobs from the PLC), _INSE
        Observed o = run("step7-s300-block-download.pcapng");
        String station = "00:ff:e6:0f:40:8d/134.249.53.130 ", plc = "00:ff:e7:0f:40:8d/134.249.61.182 ";
        assertThat(o.facts()).containsExactly(
                station + "s7.function=download-block",
                station + "s7.function=download-ended",
                station + "s7.function=get-block-info",
                station + "s7.function=list-blocks-of-type",
                station + "s7.function=plc-control",
                station + "s7.function=request-download",
                station + "s7.function=setup",
                station + "s7.piService=_INSE",
                station + "s7.protocol=s7comm",
                station + "s7.role=client",
                plc + "s7.protocol=s7comm",
                plc + "s7.role=server");
        assertThat(o.services()).containsExactly("134.249.61.182 102/tcp s7comm");
    }

    @Test
    void s7_1200StatesItsOrderNumberAndFirmwareInTheS7commPlusCreateObjectAnswer() {
        // frame 12: CreateObject response, WString "1;6ES7 211-1BE31-0XB0 ;V3.0"; frame 6: CR to "SIMATIC-ROOT-HMI"
        Observed o = run("s7-1200-hmi-s7comm-plus.pcap");
        String plc = "00:1c:06:0f:bd:e5/192.168.25.131 ", hmi = "00:50:56:2b:5c:65/192.168.25.177 ";
        assertThat(o.facts()).containsExactly(
                plc + "s7.firmwareVersion=V3.0",
                plc + "s7.orderNumber=6ES7 211-1BE31-0XB0",
                plc + "s7.plusOpcode=response",
                plc + "s7.protocol=s7comm-plus",
                plc + "s7.role=server",
                hmi + "cotp.calledTsap=SIMATIC-ROOT-HMI",
                hmi + "cotp.callingTsap=0620",
                hmi + "s7.plusFunction=create-object",
                hmi + "s7.plusFunction=get-multi-variables",
                hmi + "s7.plusFunction=set-multi-variables",
                hmi + "s7.plusOpcode=request",
                hmi + "s7.protocol=s7comm-plus",
                hmi + "s7.role=client");
        assertThat(o.services()).containsExactly("192.168.25.131 102/tcp s7comm-plus");
    }

    @Test
    void identityAttributesAreAboutThePlcAndConfident() {
        Observed o = run("snap7-cpu315-szl-upload-plc-stop.pcapng");
        assertThat(o.attributes(S7Attributes.ORDER_NUMBER)).singleElement()
                .satisfies(a -> assertThat(a.confidence()).isEqualTo(S7Attributes.STATED))
                .satisfies(a -> assertThat(a.source()).isEqualTo("s7"));
    }

    @Test
    void iec61850MmsOnTheSamePortIsNotS7() {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), SHARED + " absent: skipped");
        Path mms = SHARED.resolve("ics-iti/iec61850/Sample_File_MMS_and_GOOSE.pcap");
        Assumptions.assumeTrue(Files.exists(mms), mms + " absent: skipped");
        S7Dissector s7 = new S7Dissector();
        Observed o = new Observed(s7).capture(mms);
        assertThat(o.values(S7Attributes.ROLE)).isEmpty();
        assertThat(o.services()).isEmpty();
        assertThat(s7.notS7()).isPositive();
    }

    @Test
    void operationsOfTheSnap7SessionCarryTheirEndsAndPiServices() {
        Observed o = run("snap7-cpu315-szl-upload-plc-stop.pcapng");
        String pair = "00:0c:29:c1:49:92/134.217.61.131 > 00:0e:8c:d0:f9:cb/134.217.61.211 s7:";
        // routine functions once per pair; those that change the PLC at each occurrence (4 uploads, 5 started)
        assertThat(o.operations()).containsOnlyOnce(pair + "setup", pair + "read-szl", pair + "mode run",
                pair + "write-var", pair + "plc-stop function=0x29", pair + "plc-control piService=_MODU",
                pair + "plc-control piService=_GARB", pair + "plc-start piService=P_PROGRAM",
                pair + "plc-control piService=P_PROGRAM");
        assertThat(o.operations()).filteredOn(op -> op.equals(pair + "start-upload function=0x1d")).hasSize(5);
        assertThat(o.operations()).filteredOn(op -> op.equals(pair + "end-upload function=0x1f")).hasSize(4);
    }

    @Test
    void theStep7DownloadIsReportedFromTheStationToThePlcWithItsActivation() {
        Observed o = run("step7-s300-block-download.pcapng");
        String pair = "00:ff:e6:0f:40:8d/134.249.53.130 > 00:ff:e7:0f:40:8d/134.249.61.182 s7:";
        assertThat(o.operations()).contains(pair + "request-download function=0x1a", pair + "download-block function=0x1b",
                pair + "download-ended function=0x1c", pair + "plc-control piService=_INSE");
    }
}
