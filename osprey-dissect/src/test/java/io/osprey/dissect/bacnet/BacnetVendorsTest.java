package io.osprey.dissect.bacnet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data file: every row parses, no id twice, and the ids the registry assigns are there. */
class BacnetVendorsTest {

    @Test
    void shippedTableHoldsTheRegistryNames() {
        BacnetVendors t = BacnetVendors.load(BacnetVendors.FILE);
        assertThat(t.size()).isGreaterThan(100);
        assertThat(t.name(5)).isEqualTo("Johnson Controls, Inc.");
        assertThat(t.name(8)).isEqualTo("Delta Controls");
        assertThat(t.name(36)).isEqualTo("Tridium Inc.");
        assertThat(t.name(7)).isEqualTo("Siemens Schweiz AG (Formerly: Landis & Staefa Division Europe)");
        assertThat(t.name(24)).isEqualTo("Automated Logic Corporation");
        assertThat(t.name(73)).isEqualTo("ABB Gebäudetechnik AG Bereich NetServ");
        assertThat(t.name(60_000)).isNull();
        assertThat(t.name(-1)).isNull();
        assertThat(t.name(1L << 20)).isNull();
    }

    @Test
    void duplicatesAndBadRowsAreRejected() throws IOException {
        assertThat(parse("# c\n\n9\tB\n2\tA\n").name(2)).isEqualTo("A");
        assertThatThrownBy(() -> parse("1\tA\n1\tB\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("x\tA\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("1 A\n")).hasMessageContaining("columns");
        assertThatThrownBy(() -> parse("70000\tA\n")).hasMessageContaining("range");
        assertThatThrownBy(() -> parse("3\t \n")).hasMessageContaining("empty");
    }

    private static BacnetVendors parse(String text) throws IOException {
        return BacnetVendors.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
