package io.osprey.dissect.modbus;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.modbus.ModbusWire.C;
import static io.osprey.dissect.modbus.ModbusWire.HMI;
import static io.osprey.dissect.modbus.ModbusWire.S;
import static io.osprey.dissect.modbus.ModbusWire.adu;
import static io.osprey.dissect.modbus.ModbusWire.concat;
import static io.osprey.dissect.modbus.ModbusWire.deviceIdentification;
import static io.osprey.dissect.modbus.ModbusWire.exchange;
import static io.osprey.dissect.modbus.ModbusWire.fromHmi;
import static io.osprey.dissect.modbus.ModbusWire.fromPlc;
import static org.assertj.core.api.Assertions.assertThat;

/** Modbus/TCP by the rows of the Modbus Application Protocol v1.1b3 and the TCP/IP guide they exercise. */
class ModbusDissectorTest {

    @Test
    void readHoldingRegistersMakesAClientAndAServer() {
        // §6.3: function 3, start 0x006b, quantity 3; response byte count 6 and the registers
        Observed o = exchange(fromHmi(adu(1, 3, 0x00, 0x6b, 0x00, 0x03)),
                fromPlc(adu(1, 3, 6, 0x02, 0x2b, 0x00, 0x00, 0x00, 0x64)));
        assertThat(o.facts()).containsExactly(
                S + "modbus.role=server",
                S + "modbus.unitId=1",
                C + "modbus.function=read-holding-registers",
                C + "modbus.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 502/tcp modbus");
    }

    @Test
    void functionsAreNamedAfterTheSpecAndUnknownOnesAreDecimal() {
        Observed o = exchange(
                fromHmi(adu(1, 1, 0, 0x13, 0, 0x13)),                   // §6.1 read coils
                fromHmi(adu(1, 5, 0, 0xac, 0xff, 0)),                   // §6.5 write single coil
                fromHmi(adu(1, 16, 0, 1, 0, 1, 2, 0, 10)),              // §6.12 write multiple registers
                fromHmi(adu(1, 8, 0, 0)),                               // §6.8 diagnostics, return query data
                fromHmi(adu(1, 43, 14, 1, 0)),                          // §6.21 read device identification
                fromHmi(adu(0, 90, 0, 2)),                              // Schneider UMAS
                fromHmi(adu(1, 66)));                                   // user-defined (§5: 65-72)
        assertThat(o.values(ModbusAttributes.FUNCTION)).containsExactly("66", "diagnostics", "read-coils",
                "read-device-identification", "umas", "write-multiple-registers", "write-single-coil");
    }

    @Test
    void exceptionResponsesGiveTheirCodeAboutTheServer() {
        // §7: function | 0x80, exception code 2 (illegal data address) and 11 (gateway target failed to respond)
        Observed o = exchange(fromPlc(adu(10, 0x83, 2)), fromPlc(adu(10, 0x88, 11)));
        assertThat(o.values(ModbusAttributes.EXCEPTION)).containsExactly("11", "2");
        assertThat(o.attributes(ModbusAttributes.EXCEPTION)).allSatisfy(a -> assertThat(a.host() + " ").isEqualTo(S));
    }

    @Test
    void readDeviceIdentificationObjectsAreReportedAboutTheServer() {
        // §6.21: objects 0x00-0x06
        Observed o = exchange(fromPlc(deviceIdentification(255, 0, "Schneider Electric", 1, "BMX P34 2020", 2, "v2.7",
                3, "http://www.schneider-electric.com", 4, "Modicon M340", 5, "BMX P34 2020", 6, "Line 3  ")));
        assertThat(o.facts()).containsExactly(
                S + "modbus.modelName=BMX P34 2020",
                S + "modbus.productCode=BMX P34 2020",
                S + "modbus.productName=Modicon M340",
                S + "modbus.revision=v2.7",
                S + "modbus.role=server",
                S + "modbus.unitId=255",
                S + "modbus.userApplicationName=Line 3",
                S + "modbus.vendorName=Schneider Electric",
                S + "modbus.vendorUrl=http://www.schneider-electric.com");
    }

    @Test
    void deviceIdentificationObjectsCutByTheLengthStopTheList() {
        byte[] adu = deviceIdentification(1, 0, "Vendor", 1, "Product");
        adu[5] -= 3; // MBAP length now ends inside "Product"
        ModbusDissector d = new ModbusDissector();
        Observed o = new Observed(d);
        o.feed(HMI, fromPlc(adu));
        assertThat(o.values(ModbusAttributes.VENDOR_NAME)).containsExactly("Vendor");
        assertThat(o.values(ModbusAttributes.PRODUCT_CODE)).isEmpty();
        assertThat(d.malformed()).isEqualTo(1);
    }

    @Test
    void severalAdusInOneSegmentAreAllRead() {
        Observed o = exchange(fromHmi(concat(adu(1, 3, 0, 0, 0, 1), adu(2, 4, 0, 0, 0, 1))));
        assertThat(o.values(ModbusAttributes.FUNCTION)).containsExactly("read-holding-registers", "read-input-registers");
    }

    @Test
    void eachFactIsReportedOnceAndValuesPerHostAreBounded() {
        Observed o = new Observed(new ModbusDissector());
        for (int i = 0; i < 5; i++) o.feed(HMI, fromPlc(adu(1, 3, 2, 0, 1)));
        assertThat(o.attributes()).hasSize(2);
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
        for (int unit = 0; unit < 100; unit++) o.feed(HMI, fromPlc(adu(unit, 3, 2, 0, 1)));
        assertThat(o.values(ModbusAttributes.UNIT_ID)).hasSize(ModbusDissector.MAX_VALUES_PER_HOST);
    }

    @Test
    void notModbusIsCountedNotReported() {
        ModbusDissector d = new ModbusDissector();
        Observed o = new Observed(d);
        byte[] protocol = adu(1, 3, 0, 0, 0, 1);
        protocol[3] = 1;                                         // §3.1.3: protocol identifier 0 = Modbus
        byte[] tooLong = adu(1, 3, 0, 0, 0, 1);
        tooLong[4] = 1;                                          // length 262 > 254
        byte[] exceptionRequest = adu(1, 0x83, 2);               // a request never has the exception bit
        for (byte[] b : new byte[][] {protocol, tooLong, exceptionRequest}) o.feed(HMI, fromHmi(b));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(3);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void requestsAreReportedOncePerPairFunctionAndRange() {
        // polling repeats the same request: one operation; another range or function is another
        Observed o = exchange(fromHmi(adu(1, 3, 0, 0x6b, 0, 3)), fromHmi(adu(1, 3, 0, 0x6b, 0, 3)),
                fromHmi(adu(1, 3, 0, 0x6b, 0, 3)), fromHmi(adu(1, 3, 1, 0, 0, 8)), fromHmi(adu(1, 5, 0, 0xac, 0xff, 0)),
                fromHmi(adu(2, 8, 0, 0)));
        String pair = C + "> " + S.strip() + " modbus:";
        assertThat(o.operations()).containsExactly(pair + "fc-3 unit=1 start=107 count=3",
                pair + "fc-3 unit=1 start=256 count=8", pair + "fc-5 unit=1 start=172 count=1", pair + "fc-8 unit=2");
    }

    @Test
    void functionZeroAndExceptionsAreReportedEachTime() {
        // §4.1: code 0 is not valid; §7: exceptions, about the server's answer to the client
        Observed o = exchange(fromHmi(adu(1, 0)), fromHmi(adu(1, 0)), fromPlc(adu(10, 0x83, 2)), fromPlc(adu(10, 0x83, 2)));
        String pair = C + "> " + S.strip() + " modbus:";
        assertThat(o.operations()).containsExactly(pair + "fc-0 unit=1", pair + "fc-0 unit=1",
                pair + "exception unit=10 function=3 code=2", pair + "exception unit=10 function=3 code=2");
        assertThat(o.attributes(ModbusAttributes.FUNCTION)).isEmpty();
    }

    @Test
    void aPolledRequestIsSummarisedWithItsIntervalAtTheEnd() {
        // the same read every 2 s, ten times: one operation while the packets flow, one polling summary at the end
        io.osprey.packet.testing.SyntheticFrame hmi = io.osprey.packet.testing.SyntheticFrame
                .from("02:00:00:00:00:10", "10.0.0.10").to("00:80:f4:00:00:0b", "10.0.0.11");
        Observed o = new Observed(new ModbusDissector());
        for (int i = 0; i < 10; i++) {
            hmi.atSeconds(2.0 * i);
            o.feed(hmi, hmi.tcp(40000, ModbusDissector.PORT, 0x18, adu(1, 3, 0, 0, 0, 10)));
        }
        assertThat(o.operations()).hasSize(1);
        assertThat(o.polling()).isEmpty();
        o.pipeline.finish();
        assertThat(o.operations()).hasSize(1);
        assertThat(o.polling()).singleElement().asString()
                .endsWith("modbus:polling fc-3 unit=1 start=0 count=10 every=2.000s n=10");
    }
}
