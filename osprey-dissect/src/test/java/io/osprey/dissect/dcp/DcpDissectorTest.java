package io.osprey.dissect.dcp;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built DCP PDUs, one test per service and block of IEC 61158-6-10 that the dissector reads. */
class DcpDissectorTest {
    private static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");
    private static final String D = DcpFrames.DEVICE + " ", T = DcpFrames.TOOL + " ";

    private static Observed feed(DcpFrames... frames) {
        Observed o = new Observed(new DcpDissector());
        for (DcpFrames f : frames) o.feed(CLOCK, f.build());
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    /** A typical S7-1500 answer to an Identify All: the blocks in the order Siemens stacks send them. */
    private static DcpFrames s7Response() {
        return DcpFrames.identifyResponse()
                .text(2, 1, "S7-1500")                                   // DeviceVendorValue, odd length: padded
                .text(2, 2, "plc-1")                                     // NameOfStation
                .info(2, 3, 0, 0x00, 0x2a, 0x0e, 0x0e)                   // VendorID 0x002a, DeviceID 0x0e0e
                .info(2, 4, 0, 0x02, 0x00)                               // DeviceRole IO-Controller, reserved
                .info(2, 5, 0, 1, 1, 1, 2, 2, 2)                         // DeviceOptions
                .info(1, 2, 1, 192, 168, 0, 1, 255, 255, 255, 0, 192, 168, 0, 254); // IP set
    }

    @Test
    void identifyResponseDescribesTheResponder() {
        Observed o = feed(s7Response());
        assertThat(o.facts()).containsExactlyInAnyOrder(
                D + "dcp.vendorText=S7-1500", D + "dcp.stationName=plc-1", D + "dcp.vendorId=002a",
                D + "dcp.vendor=Siemens", D + "dcp.deviceId=0e0e", D + "dcp.role=io-controller",
                D + "dcp.deviceOptions=1/1,1/2,2/2", D + "dcp.ip=192.168.0.1", D + "dcp.netmask=255.255.255.0",
                D + "dcp.gateway=192.168.0.254");
        assertThat(o.bindings()).containsExactly(DcpFrames.DEVICE + " 192.168.0.1");
        assertThat(o.attributes()).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo("dcp");
            assertThat(a.confidence()).isEqualTo(DcpAttributes.STATED);
        });
    }

    @Test
    void repeatedResponsesAreReportedOnce() {
        Observed o = feed(s7Response(), s7Response(), s7Response());
        assertThat(o.attributes()).hasSize(10);
        assertThat(o.bindings()).hasSize(1);
    }

    @Test
    void everyRoleBitHasItsName() { // DeviceRole bits 0..3
        Observed o = feed(DcpFrames.identifyResponse().info(2, 4, 0, 0x0f, 0x00));
        assertThat(o.values(DcpAttributes.ROLE)).containsExactly("io-device,io-controller,io-multidevice,io-supervisor");
    }

    @Test
    void unknownVendorKeepsItsIdWithoutAName() {
        Observed o = feed(DcpFrames.identifyResponse().info(2, 3, 0, 0xbe, 0xef, 0x00, 0x01));
        assertThat(o.values(DcpAttributes.VENDOR_ID)).containsExactly("beef");
        assertThat(o.values(DcpAttributes.DEVICE_ID)).containsExactly("0001");
        assertThat(o.values(DcpAttributes.VENDOR)).isEmpty();
    }

    @Test
    void unsetAddressAndAbsentGatewayAreNotReported() { // BlockInfo 0: IP not set; gateway = address: none
        Observed o = feed(DcpFrames.identifyResponse().info(1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                DcpFrames.getResponse().info(1, 2, 1, 10, 0, 0, 5, 255, 0, 0, 0, 10, 0, 0, 5));
        assertThat(o.facts()).containsExactlyInAnyOrder(D + "dcp.ip=10.0.0.5", D + "dcp.netmask=255.0.0.0");
    }

    @Test
    void helloAnnouncesTheDeviceWithAliasAndPaddedName() { // Hello.req carries response-style blocks
        Observed o = feed(DcpFrames.hello().text(2, 2, "io-dev-7\0").text(2, 6, "port-001.switch3")
                .info(1, 3, 1, 172, 16, 1, 9, 255, 255, 0, 0, 0, 0, 0, 0, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(o.facts()).containsExactlyInAnyOrder(D + "dcp.stationName=io-dev-7",
                D + "dcp.aliasName=port-001.switch3", D + "dcp.ip=172.16.1.9", D + "dcp.netmask=255.255.0.0");
    }

    @Test
    void setRequestDescribesTargetAndSetter() { // Set.req blocks start with a BlockQualifier
        Observed o = feed(DcpFrames.setRequest().block(5, 1, 0, 0)
                .block(2, 2, 0, 1, 'p', 'l', 'c')
                .block(1, 2, 0, 1, 10, 0, 0, 9, 255, 255, 255, 0, 0, 0, 0, 0)
                .block(5, 3, 0, 0, 1, 0)
                .block(5, 6, 0, 4)
                .block(5, 2, 0, 0));
        assertThat(o.facts()).containsExactlyInAnyOrder(T + "dcp.setter=true",
                D + "dcp.setRequest=station-name", D + "dcp.setRequest=ip", D + "dcp.setRequest=signal",
                D + "dcp.setRequest=factory-reset");
        assertThat(o.bindings()).as("a requested address is not one the device uses yet").isEmpty();
    }

    @Test
    void factoryResetSuboptionFiveAndDhcpAreSetRequests() {
        Observed o = feed(DcpFrames.setRequest().block(5, 5, 0, 0).block(3, 61, 0, 1, 0));
        assertThat(o.values(DcpAttributes.SET_REQUEST)).containsExactly("dhcp", "factory-reset");
    }

    @Test
    void identifyRequestMarksTheSenderAndTheNameItLooksFor() {
        Observed o = feed(DcpFrames.identifyRequest().block(2, 2, 's', 'w', '1'),
                DcpFrames.identifyRequest().block(0xff, 0xff));
        assertThat(o.facts()).containsExactlyInAnyOrder(T + "dcp.identifyRequest=true", T + "dcp.identifyName=sw1");
        assertThat(o.attributes(DcpAttributes.IDENTIFY_NAME))
                .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(DcpAttributes.LOOKED_UP));
    }

    @Test
    void blockOverrunningTheDataLengthIsCountedAndStopsTheWalk() {
        DcpDissector d = new DcpDissector();
        byte[] f = DcpFrames.identifyResponse().text(2, 2, "good").text(2, 1, "cut-short").build();
        f[24] = 0; // DCPDataLength 16: the first block (10 octets) and the second's header, not its value
        f[25] = 16;
        Observed o = new Observed(d).feed(CLOCK, f);
        assertThat(o.facts()).containsExactly(D + "dcp.stationName=good");
        assertThat(d.malformed()).isEqualTo(1);
    }

    @Test
    void cyclicRealTimeFramesAreIgnored() { // FrameIDs below 0xFEFC are RT data and alarms
        byte[] f = s7Response().build();
        f[14] = (byte) 0x80;
        f[15] = 0x00;
        assertThat(feed().feed(CLOCK, f).all).isEmpty();
    }

    @Test
    void controlCharactersInNamesAreEscaped() {
        Observed o = feed(DcpFrames.identifyResponse().text(2, 1, "ET 200SP\nX"));
        assertThat(o.values(DcpAttributes.VENDOR_TEXT)).containsExactly("ET 200SP\\010X");
    }

    @Test
    void priorityTaggedFramesAreRead() { // DCP is often sent with an 802.1Q tag of VLAN 0, priority 6
        byte[] plain = DcpFrames.identifyResponse().text(2, 2, "tagged-io").build();
        byte[] f = new byte[plain.length + 4];
        System.arraycopy(plain, 0, f, 0, 12);
        f[12] = (byte) 0x81;
        f[14] = (byte) 0xc0;
        System.arraycopy(plain, 12, f, 16, plain.length - 12);
        assertThat(feed().feed(CLOCK, f).facts()).containsExactly(D + "dcp.stationName=tagged-io");
    }
}
