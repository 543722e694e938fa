package io.osprey.dissect.tcpfp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped data file and the loader's rules for it. */
class TcpSignatureDatabaseTest {
    static final String HEADER = "# version: 1\n";
    static final String ROW = "syn\t4:64:0:*:mss*20,*:mss,sok,ts,nop,ws:df,id+?:0\tLinux\t3.x\tLinux 3.x\t0.8\tsome.pcap\n";

    static List<String> dataLines() throws IOException {
        try (InputStream in = TcpSignatureDatabase.class.getResourceAsStream(TcpSignatureDatabase.RESOURCE)) {
            assertThat(in).as("tcp-signatures.tsv on the class path").isNotNull();
            List<String> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) rows.add(line);
            }
            return rows;
        }
    }

    @Test
    void everyLineOfTheShippedFileParses() throws IOException {
        List<String> lines = dataLines();
        TcpSignatureDatabase db = TcpSignatureDatabase.standard();
        assertThat(db.size()).isEqualTo(lines.size()).isGreaterThanOrEqualTo(50);
        assertThat(db.version()).isGreaterThanOrEqualTo(1);
        for (String line : lines) {
            // each line on its own, so a failure names the line
            assertThat(parse(HEADER + line + "\n").size()).as(line).isEqualTo(1);
        }
    }

    @Test
    void noTwoEntriesAreIdentical() throws IOException {
        Set<String> lines = new HashSet<>(), patterns = new HashSet<>();
        for (String line : dataLines()) {
            assertThat(lines.add(line)).as("repeated line: %s", line).isTrue();
            String[] c = line.split("\t");
            assertThat(patterns.add(c[0] + " " + c[1])).as("repeated direction and pattern: %s", line).isTrue();
        }
    }

    @Test
    void textColumnsArePrintableAscii() {
        for (TcpSignatureDatabase.Entry e : TcpSignatureDatabase.standard().entries()) {
            for (String text : new String[] {e.label(), e.osPlatform(), e.osVersion(), e.evidence()}) {
                if (text != null) assertThat(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(text).isTrue();
            }
        }
    }

    @Test
    void headerStatesFormatProvenanceAndVerification() throws IOException {
        try (InputStream in = TcpSignatureDatabase.class.getResourceAsStream(TcpSignatureDatabase.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("# version:", "Format:", "Provenance:", "written by the Osprey project",
                    "checked against the real", "captures");
        }
    }

    @Test
    void columnsAreReadIntoTheEntry() throws IOException {
        TcpSignatureDatabase db = parse(HEADER + ROW
                + "synack\t4:32:0:*:4096,0:mss:id-?:0\tSiemens SIMATIC\t-\tS7\t0.7\tunverified: x\n");
        TcpSignatureDatabase.Entry syn = db.entries().get(0), synAck = db.entries().get(1);
        assertThat(syn.synAck()).isFalse();
        assertThat(syn.osPlatform()).isEqualTo("Linux");
        assertThat(syn.osVersion()).isEqualTo("3.x");
        assertThat(syn.label()).isEqualTo("Linux 3.x");
        assertThat(syn.confidence()).isEqualTo(0.8);
        assertThat(syn.line()).isEqualTo(2);
        assertThat(synAck.synAck()).isTrue();
        assertThat(synAck.osVersion()).as("- means none").isNull();
    }

    @Test
    void repeatedDirectionAndPatternIsRejected() {
        assertThatThrownBy(() -> parse(HEADER + ROW + ROW)).isInstanceOf(IOException.class).hasMessageContaining("line 3");
    }

    @Test
    void sameDirectionAndPatternInTheOtherDirectionIsFine() throws IOException {
        assertThat(parse(HEADER + ROW + ROW.replaceFirst("syn", "synack")).size()).isEqualTo(2);
    }

    @Test
    void versionLineIsRequired() {
        assertThatThrownBy(() -> parse(ROW)).isInstanceOf(IOException.class).hasMessageContaining("version");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "syn\t4:64:0:*:mss*20,*:mss:df:0\tLinux\t-\tL\t0.8",                 // 6 columns
            "fin\t4:64:0:*:mss*20,*:mss:df:0\tLinux\t-\tL\t0.8\tx",              // direction
            "syn\t4:64:0:*:mss*20,*:mss:df\tLinux\t-\tL\t0.8\tx",                // 7 pattern fields
            "syn\t5:64:0:*:mss*20,*:mss:df:0\tLinux\t-\tL\t0.8\tx",              // version
            "syn\t4:60:0:*:mss*20,*:mss:df:0\tLinux\t-\tL\t0.8\tx",              // ittl
            "syn\t4:64:0:x:mss*20,*:mss:df:0\tLinux\t-\tL\t0.8\tx",              // mss
            "syn\t4:64:0:*:mss*0,*:mss:df:0\tLinux\t-\tL\t0.8\tx",               // zero multiple
            "syn\t4:64:0:*:70000,*:mss:df:0\tLinux\t-\tL\t0.8\tx",               // window > 65535
            "syn\t4:64:0:*:mss*20:mss:df:0\tLinux\t-\tL\t0.8\tx",                // no scale (and 7 fields)
            "syn\t4:64:0:*:mss*20,*:mss,foo:df:0\tLinux\t-\tL\t0.8\tx",          // unknown option
            "syn\t4:64:0:*:mss*20,*:mss:df,zz:0\tLinux\t-\tL\t0.8\tx",           // unknown quirk
            "syn\t4:64:0:*:mss*20,*:mss:df:x\tLinux\t-\tL\t0.8\tx",              // pclass
            "syn\t4:64:0:*:mss*20,*:mss:df:0\tLinux\t-\tL\t1.5\tx",              // confidence above 1
            "syn\t4:64:0:*:mss*20,*:mss:df:0\tLinux\t-\tL\t0\tx",                // confidence 0
            "syn\t4:64:0:*:mss*20,*:mss:df:0\tLinux\t-\t \t0.8\tx",              // empty label
            "syn\t4:64:0:*:mss*20,*:mss:df:0\t\t-\tL\t0.8\tx"})                  // empty platform
    void malformedRowsAreRejectedWithTheirLine(String row) {
        assertThatThrownBy(() -> parse(HEADER + row + "\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void firstMatchingRowWins() throws IOException {
        TcpSignatureDatabase db = parse(HEADER
                + "syn\t4:64:0:*:mss*20,7:mss,sok,ts,nop,ws:df,id+:0\tLinux\t-\tspecific\t0.9\tx\n"
                + "syn\t4:64:0:*:*,*:*:*:*\tLinux\t-\tanything\t0.1\tx\n");
        SynSignature s = new SynSignature();
        s.read(SynFrame.syn().linuxOptions(7).decode());
        assertThat(db.match(s).label()).isEqualTo("specific");
        s.read(SynFrame.syn().linuxOptions(6).decode());
        assertThat(db.match(s).label()).isEqualTo("anything");
        s.read(SynFrame.synAck().linuxOptions(7).decode());
        assertThat(db.match(s)).as("no synack rows").isNull();
    }

    static TcpSignatureDatabase parse(String text) throws IOException {
        return TcpSignatureDatabase.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
