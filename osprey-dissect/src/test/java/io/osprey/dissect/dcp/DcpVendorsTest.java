package io.osprey.dissect.dcp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vendor table: every line of the shipped file parses (load would throw otherwise), no id twice. */
class DcpVendorsTest {
    private static DcpVendors parse(String text) throws IOException {
        return DcpVendors.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedTableLoadsAndNamesSiemens() {
        DcpVendors t = DcpVendors.table();
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.name(0x002a)).isEqualTo("Siemens");
        assertThat(t.name(0x010c)).isEqualTo("HMS Industrial Networks");
        assertThat(t.name(0xbeef)).isNull();
    }

    @Test
    void duplicateIdsAndMalformedRowsAreRejected() {
        assertThatThrownBy(() -> parse("0x002a\tSiemens\n0x002A\tOther\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("42\tSiemens\n")).hasMessageContaining("0xHHHH");
        assertThatThrownBy(() -> parse("0x00zz\tX\n")).hasMessageContaining("hex");
        assertThatThrownBy(() -> parse("0x0001\t \n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("0x0001\n")).hasMessageContaining("columns");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws IOException {
        assertThat(parse("# header\n\n0x0001\tA\n").name(1)).isEqualTo("A");
    }
}
