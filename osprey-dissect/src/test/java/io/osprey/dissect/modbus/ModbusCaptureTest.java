package io.osprey.dissect.modbus;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real captures; expected values from {@code tshark -Y modbus -T fields -e ip.src -e mbtcp.unit_id -e modbus.func_code -e modbus.exception_code}. */
class ModbusCaptureTest {

    @Test
    void digitalBondTestDataPart1() {
        // clients 10.0.0.57 (functions 8, 17, 43/14) and 10.0.0.9 (1, 3, 5, 6); servers 10.0.0.8 (unit 10,
        // exceptions 5 and 6) and 10.0.0.3 (unit 10, exception 11)
        ModbusDissector d = new ModbusDissector();
        Observed o = new Observed(d).capture(ModbusWire.fixture("digitalbond-modbus-test-data-part1.pcap"));
        assertThat(o.facts()).containsExactly(
                "00:02:b3:ce:70:51/10.0.0.3 modbus.exception=11",
                "00:02:b3:ce:70:51/10.0.0.3 modbus.role=server",
                "00:02:b3:ce:70:51/10.0.0.3 modbus.unitId=10",
                "00:20:78:00:62:0d/10.0.0.57 modbus.function=diagnostics",
                "00:20:78:00:62:0d/10.0.0.57 modbus.function=read-device-identification",
                "00:20:78:00:62:0d/10.0.0.57 modbus.function=report-server-id",
                "00:20:78:00:62:0d/10.0.0.57 modbus.role=client",
                "00:50:04:93:70:67/10.0.0.8 modbus.exception=5",
                "00:50:04:93:70:67/10.0.0.8 modbus.exception=6",
                "00:50:04:93:70:67/10.0.0.8 modbus.role=server",
                "00:50:04:93:70:67/10.0.0.8 modbus.unitId=10",
                "00:50:04:93:70:67/10.0.0.9 modbus.function=read-coils",
                "00:50:04:93:70:67/10.0.0.9 modbus.function=read-holding-registers",
                "00:50:04:93:70:67/10.0.0.9 modbus.function=write-single-coil",
                "00:50:04:93:70:67/10.0.0.9 modbus.function=write-single-register",
                "00:50:04:93:70:67/10.0.0.9 modbus.role=client");
        assertThat(o.services()).containsExactly("10.0.0.3 502/tcp modbus", "10.0.0.8 502/tcp modbus");
        // the test data's deliberately bad ADUs: frames 76 and 78 (length 0x8804 > 254), 80 and 82 (protocol id 0x0010)
        assertThat(d.malformed()).isEqualTo(4);
    }

    @Test
    void zeekModbusSmall() {
        // one anonymised host talks to itself: functions 1 and 15 to unit 1
        Observed o = new Observed(new ModbusDissector()).capture(ModbusWire.fixture("zeek-modbus-small.pcap"));
        assertThat(o.values(ModbusAttributes.FUNCTION)).containsExactly("read-coils", "write-multiple-coils");
        assertThat(o.values(ModbusAttributes.UNIT_ID)).containsExactly("1");
        assertThat(o.values(ModbusAttributes.ROLE)).containsExactly("client", "server");
        assertThat(o.services()).containsExactly("118.189.96.132 502/tcp modbus");
    }
}
