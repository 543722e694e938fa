package io.osprey.dissect.enip;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data files: every row parses, no number twice, and the rows the captures rely on are there. */
class CipNamesTest {

    @Test
    void vendorTableHoldsTheRegistryNames() {
        assertThat(CipNames.vendors().size()).isGreaterThan(50);
        assertThat(CipNames.vendors().name(1)).isEqualTo("Rockwell Automation/Allen-Bradley");
        assertThat(CipNames.vendors().name(47)).isEqualTo("Omron Corporation");
        assertThat(CipNames.vendors().name(243)).isEqualTo("Schneider Automation, Inc.");
        assertThat(CipNames.vendors().name(0)).isNull();
    }

    @Test
    void deviceTypeTableHoldsTheProfiles() {
        CipNames t = CipNames.deviceTypes();
        assertThat(t.name(12)).isEqualTo("Communications Adapter");
        assertThat(t.name(14)).isEqualTo("Programmable Logic Controller");
        assertThat(t.name(24)).isEqualTo("Human-Machine Interface");
        assertThat(t.name(43)).isEqualTo("Generic Device (keyable)");
        assertThat(t.name(7)).isEqualTo("General Purpose Discrete I/O");
        assertThat(t.name(2)).isEqualTo("AC Drive");
    }

    @Test
    void serviceNamesDependOnTheClassForObjectSpecificCodes() {
        CipNames s = CipNames.services();
        assertThat(s.service(0x06, 0x54)).isEqualTo("Forward_Open");
        assertThat(s.service(0x06, 0x4e)).isEqualTo("Forward_Close");
        assertThat(s.service(0x6b, 0x4e)).isEqualTo("Read_Modify_Write_Tag");
        assertThat(s.service(0x8e, 0x0e)).isEqualTo("Get_Attribute_Single");
        assertThat(s.service(-1, 0x0e)).isEqualTo("Get_Attribute_Single");
        assertThat(s.service(0x02, 0x54)).isNull();
    }

    @Test
    void everyShippedFileLoads() {
        for (String f : new String[] {CipNames.VENDORS, CipNames.DEVICE_TYPES, CipNames.SERVICES}) {
            assertThat(CipNames.load(f).size()).as(f).isPositive();
        }
    }

    @Test
    void duplicatesAndBadRowsAreRejected() throws IOException {
        assertThat(parse("# c\n\n9\tB\n0x02\tA\n").name(2)).isEqualTo("A");
        assertThatThrownBy(() -> parse("1\tA\n1\tB\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("*\t0x0e\tA\n*\t14\tB\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("x\tA\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("1 A\n")).hasMessageContaining("columns");
        assertThatThrownBy(() -> parse("70000\tA\n")).hasMessageContaining("range");
    }

    private static CipNames parse(String text) throws IOException {
        return CipNames.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
