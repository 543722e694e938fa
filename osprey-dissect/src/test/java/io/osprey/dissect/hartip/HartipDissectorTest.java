package io.osprey.dissect.hartip;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.hartip.HartipWire.C;
import static io.osprey.dissect.hartip.HartipWire.D;
import static io.osprey.dissect.hartip.HartipWire.answer;
import static io.osprey.dissect.hartip.HartipWire.bytes;
import static io.osprey.dissect.hartip.HartipWire.exchange;
import static io.osprey.dissect.hartip.HartipWire.fromClient;
import static io.osprey.dissect.hartip.HartipWire.fromDevice;
import static io.osprey.dissect.hartip.HartipWire.message;
import static io.osprey.dissect.hartip.HartipWire.pdu;
import static io.osprey.dissect.hartip.HartipWire.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built HART-IP messages, one test per row of HCF_SPEC-085 (header, message ids) and HCF_SPEC-127 command 0. */
class HartipDissectorTest {
    /** HART 7 command 0 data: 254, expanded device type 0x2606, preambles 5, revisions 7/10/3, ..., manufacturer 0x0026. */
    static final byte[] IDENTITY_HART7 = bytes().u8(254, 0x26, 0x06, 5, 7, 10, 3, 0x0e, 0x0c, 0x12, 0x34, 0x56, 5, 4)
            .u16(2).u8(0).u16(0x0026).u16(0x0026).u8(132).build();

    @Test
    void sessionInitiateAndItsAnswerGiveRolesAndService() {
        // message type 0 request / 1 response, message id 0 session initiate (body: master type, inactivity timer)
        Observed o = exchange(fromClient(message(0, 0, bytes().u8(1).u8(0, 0, 0x75, 0x30).build())),
                fromDevice(message(1, 0, bytes().u8(1).u8(0, 0, 0x75, 0x30).build())));
        assertThat(o.facts()).containsExactly(
                D + "hartip.role=server",
                D + "hartip.version=1",
                C + "hartip.message=session-initiate",
                C + "hartip.role=client",
                C + "hartip.version=1");
        assertThat(o.services()).containsExactly("10.0.0.11 5094/tcp hartip");
    }

    @Test
    void commandZeroAnswerOfAHart7DeviceStatesItsIdentity() {
        Observed o = exchange(fromClient(pdu(true, request(0, new byte[0]))),
                fromDevice(pdu(false, answer(0, 0, IDENTITY_HART7))));
        assertThat(o.facts()).contains(
                C + "hartip.function=command-0",
                D + "hartip.deviceId=123456",
                D + "hartip.deviceRevision=10",
                D + "hartip.expandedDeviceType=0x2606",
                D + "hartip.manufacturerId=38",
                D + "hartip.softwareRevision=3",
                D + "hartip.universalRevision=7");
    }

    @Test
    void commandZeroAnswerOfAHart5DeviceHasAnOctetManufacturerAndDeviceType() {
        // HART 5: octet 1 manufacturer id, octet 2 device type
        byte[] hart5 = bytes().u8(254, 0x11, 0x4f, 5, 5, 2, 1, 0x08, 0x00, 0x00, 0x01, 0x02).build();
        Observed o = exchange(fromDevice(pdu(false, answer(0, 0, hart5))));
        assertThat(o.values(HartipAttributes.MANUFACTURER_ID)).containsExactly("17");
        assertThat(o.values(HartipAttributes.EXPANDED_DEVICE_TYPE)).containsExactly("0x4f");
        assertThat(o.values(HartipAttributes.UNIVERSAL_REVISION)).containsExactly("5");
    }

    @Test
    void anAnswerWithAnErrorResponseCodeStatesNoIdentity() {
        Observed o = exchange(fromDevice(pdu(false, answer(0, 64, IDENTITY_HART7))));
        assertThat(o.values(HartipAttributes.MANUFACTURER_ID)).isEmpty();
    }

    @Test
    void commandThirtyOneCarriesASixteenBitCommandNumber() {
        // HCF_SPEC-099: command 31 with the extended command number (here 1024) in the first two data octets
        Observed o = exchange(fromClient(pdu(true, request(31, bytes().u16(1024).build()))));
        assertThat(o.values(HartipAttributes.FUNCTION)).containsExactly("command-1024");
    }

    @Test
    void preamblesAndShortAddressesAreRead() {
        byte[] frame = bytes().u8(0xff, 0xff, 0xff, 0x02, 0x80, 48, 0, 0x33).build();
        Observed o = exchange(fromClient(pdu(true, frame)));
        assertThat(o.values(HartipAttributes.FUNCTION)).containsExactly("command-48");
    }

    @Test
    void keepAliveSessionCloseAndSeveralMessagesInOneSegment() {
        byte[] both = bytes().raw(message(0, 2, new byte[0])).raw(message(0, 1, new byte[0])).build();
        Observed o = exchange(fromClient(both));
        assertThat(o.values(HartipAttributes.MESSAGE)).containsExactly("keep-alive", "session-close");
    }

    @Test
    void otherPayloadOnThePortYieldsNothing() {
        HartipDissector d = new HartipDissector();
        Observed o = new Observed(d);
        o.feed(HartipWire.CLIENT, fromClient("SSH-2.0-OpenSSH_9.6\r\n".getBytes()));
        o.feed(HartipWire.CLIENT, fromClient(bytes().u8(1, 0, 9, 0).u16(1).u16(8).build()));
        assertThat(o.all).isEmpty();
        assertThat(d.notHartip()).isEqualTo(2);
    }

    @Test
    void detectionNeedsAWholeMessageWithKnownFields() {
        Payload p = new Payload();
        byte[] ok = message(1, 0, bytes().u8(1, 0, 0, 0x75, 0x30).build());
        assertThat(new HartipDissector().detect(p.wrap(ok, 0, ok.length), null)).isTrue();
        assertThat(new HartipDissector().detect(p.wrap(ok, 0, ok.length - 1), null)).isFalse();
        byte[] version9 = ok.clone();
        version9[0] = 9;
        assertThat(new HartipDissector().detect(p.wrap(version9, 0, version9.length), null)).isFalse();
    }

    @Test
    void aUdpSessionOnAnotherPortIsFoundByItsHeader() {
        Observed o = new Observed(new HartipDissector());
        o.feed(HartipWire.DEVICE, HartipWire.DEVICE.udp(5095, 49905, message(1, 0, bytes().u8(1, 0, 0, 0x75, 0x30).build())));
        o.feed(HartipWire.CLIENT, HartipWire.CLIENT.udp(49905, 5095, pdu(true, request(1, new byte[0]))));
        assertThat(o.values(HartipAttributes.FUNCTION)).containsExactly("command-1");
        assertThat(o.services()).containsExactly("10.0.0.11 5095/udp hartip");
    }
}
