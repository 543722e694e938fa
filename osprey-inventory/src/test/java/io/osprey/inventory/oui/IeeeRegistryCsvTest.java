package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IeeeRegistryCsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        // The shapes found in the listings: a BOM, CRLF, a quoted name with a comma, a quoted address broken over
        // two lines (twelve rows of oui.csv have one), a name with doubled quotes.
        List<IeeeRegistryRow> rows = IeeeRegistryCsv.parse("""
                \uFEFFRegistry,Assignment,Organization Name,Organization Address\r
                MA-L,F4BD9E,"Cisco Systems, Inc",80 West Tasman Drive San Jose CA US 94568 \r
                IAB,0050C2C8A,"Automated Media Services, Inc.","110 Commerce Drive
                Allendale NJ US 07401 "
                MA-S,70B3D5F2F,TELEPLATFORMS,"Polbina st., 3/1 Moscow  RU 109388 "
                MA-M,208593B,"""
                + "\"\"\"Smart Systems\"\" LLC\",\n", "test.csv");
        assertThat(rows).containsExactly(
                new IeeeRegistryRow(Registry.MA_L, 0xF4BD9EL, "Cisco Systems, Inc", 2),
                new IeeeRegistryRow(Registry.IAB, 0x0050C2C8AL, "Automated Media Services, Inc.", 3),
                new IeeeRegistryRow(Registry.MA_S, 0x70B3D5F2FL, "TELEPLATFORMS", 5),
                new IeeeRegistryRow(Registry.MA_M, 0x208593BL, "\"Smart Systems\" LLC", 6));
    }

    @Test
    void rejectsWhatIsNotAListing() {
        assertThatThrownBy(() -> IeeeRegistryCsv.parse("cveID,vendorProject\nCVE-1,x\n", "kev.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IEEE registry listing");
        String header = IeeeRegistryCsv.HEADER + "\n";
        assertThatThrownBy(() -> IeeeRegistryCsv.parse(header + "MA-L,F4BD9,Short,\n", "x.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.csv:2");
        assertThatThrownBy(() -> IeeeRegistryCsv.parse(header + "MA-X,F4BD9E,Who,\n", "x.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown registry");
        assertThatThrownBy(() -> IeeeRegistryCsv.parse(header + "MA-L,F4BD9E,\"open\n", "x.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
    }

    @Test
    void readsTheSharedCopyOfTheMaLListing() throws IOException {
        Path shared = Path.of("..", "..", "shared", "data", "vuln", "ieee-oui.csv");
        assumeThat(Files.isRegularFile(shared)).as(shared + " absent: skipped").isTrue();
        assertThat(IeeeRegistryCsv.isListing(shared)).isTrue();
        List<IeeeRegistryRow> rows = IeeeRegistryCsv.read(shared);
        // MANIFEST.tsv says 32542 assignments, which is its line count: 12 lines continue quoted addresses.
        assertThat(rows).hasSize(32_530).allMatch(row -> row.registry() == Registry.MA_L);
        assertThat(rows).contains(new IeeeRegistryRow(Registry.MA_L, 0x086195L, "Rockwell Automation", 4));
    }
}
