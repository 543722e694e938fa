package io.osprey.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroundTruthTest {
    static final String HEADER = String.join("\t", GroundTruth.COLUMNS);

    @Test
    void readsRows(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("TRUTH.tsv");
        Files.writeString(tsv, HEADER + "\n"
                + "ics-iti/enip/enip_test.pcap\t00:19:07:24:3C:CA\t10.1.1.164\tPLC;I/O Module;Protocol Gateway\t"
                + "Rockwell Automation / Allen-Bradley (CIP vendor 1)\t1756-ENBT/A\tENIP ListIdentity reply\tPLC comms module\n"
                + "ndpi/mqtt.pcap\t00:0c:00:4d:2c:b0\t10.10.10.1\t\tBEB Industrie-Elektronik (OUI)\tMQTT client\tMQTT\tIoT\n");
        List<TruthRow> rows = GroundTruth.read(tsv);
        assertThat(rows).hasSize(2);
        TruthRow enip = rows.getFirst();
        assertThat(enip.line()).isEqualTo(2);
        assertThat(enip.mac()).isEqualTo("00:19:07:24:3c:ca");
        assertThat(enip.hasRealMac()).isTrue();
        assertThat(enip.acceptedTypes()).containsExactly("PLC", "I/O Module", "Protocol Gateway");
        assertThat(enip.group()).isEqualTo("ics-iti");
        assertThat(rows.get(1).acceptedTypes()).isEmpty();
        assertThat(DeviceScore.type(rows.get(1), "Server")).isEqualTo(Verdict.NOT_SCORED);
        assertThat(DeviceScore.type(enip, "i/o module")).isEqualTo(Verdict.RIGHT);
        assertThat(DeviceScore.type(enip, "Switch")).isEqualTo(Verdict.WRONG);
        assertThat(DeviceScore.type(enip, null)).isEqualTo(Verdict.EMPTY);
    }

    @Test
    void rejectsAFileThatIsNotATruthTable(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("TRUTH.tsv");
        Files.writeString(tsv, "file\tmac\n");
        assertThatThrownBy(() -> GroundTruth.read(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a TRUTH.tsv");
        Files.writeString(tsv, HEADER + "\nx.pcap\t00:11:22:33:44:55\n");
        assertThatThrownBy(() -> GroundTruth.read(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void readsTheSharedTruth() throws IOException {
        Path tsv = SharedCapturesScanTest.PCAPS.resolve("TRUTH.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(tsv), "../shared/data/pcaps/TRUTH.tsv is absent: skipped");
        List<TruthRow> rows = GroundTruth.read(tsv);
        assertThat(rows).hasSizeGreaterThan(100);
        assertThat(rows).allSatisfy(r -> assertThat(Files.isRegularFile(SharedCapturesScanTest.PCAPS.resolve(r.file())))
                .as(r.file()).isTrue());
        assertThat(rows).allSatisfy(r -> assertThat(r.hasRealMac() || !AddressPattern.parseColumn(r.ips()).isEmpty())
                .as("line %d can be matched", r.line()).isTrue());
    }
}
