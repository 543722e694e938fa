package io.osprey.dissect.bacnet;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.osprey.dissect.bacnet.BacnetWire.D;
import static io.osprey.dissect.bacnet.BacnetWire.DEVICE;
import static io.osprey.dissect.bacnet.BacnetWire.PORT;
import static io.osprey.dissect.bacnet.BacnetWire.S;
import static io.osprey.dissect.bacnet.BacnetWire.body;
import static io.osprey.dissect.bacnet.BacnetWire.broadcast;
import static io.osprey.dissect.bacnet.BacnetWire.bvlc;
import static io.osprey.dissect.bacnet.BacnetWire.complexAck;
import static io.osprey.dissect.bacnet.BacnetWire.confirmed;
import static io.osprey.dissect.bacnet.BacnetWire.exchange;
import static io.osprey.dissect.bacnet.BacnetWire.fromDevice;
import static io.osprey.dissect.bacnet.BacnetWire.fromStation;
import static io.osprey.dissect.bacnet.BacnetWire.iAm;
import static io.osprey.dissect.bacnet.BacnetWire.readPropertyAck;
import static io.osprey.dissect.bacnet.BacnetWire.unconfirmed;
import static io.osprey.dissect.bacnet.BacnetWire.unicast;
import static org.assertj.core.api.Assertions.assertThat;

/** BACnet/IP messages by the rows of ASHRAE 135 they exercise, hand-built. */
class BacnetDissectorTest {

    @Test
    void whoIsMakesAClientAndIAmStatesTheDeviceAndItsVendor() {
        // Clause 16.10 Who-Is (unconfirmed 8) broadcast; Clause 16.1 I-Am (unconfirmed 0): device,1234, vendor 36
        Observed o = exchange(fromStation(broadcast(unconfirmed(8, new byte[0]))),
                fromDevice(broadcast(iAm(1234, 36))));
        assertThat(o.facts()).containsExactly(
                D + "bacnet.deviceInstance=1234",
                D + "bacnet.role=server",
                D + "bacnet.vendor=Tridium Inc.",
                D + "bacnet.vendorId=36",
                S + "bacnet.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 47808/udp bacnet");
    }

    @Test
    void vendorsOutsideTheTableAreReportedByNumberOnly() {
        Observed o = exchange(fromDevice(unicast(iAm(7, 65000))));
        assertThat(o.values(BacnetAttributes.VENDOR_ID)).containsExactly("65000");
        assertThat(o.values(BacnetAttributes.VENDOR)).isEmpty();
    }

    @Test
    void readPropertyAckStatesEachStringPropertyOfTheDeviceObject() {
        // Clause 15.5.1.3 ReadProperty-ACK; Clause 20.2.9 character sets 0 (UTF-8), 4 (UCS-2), 5 (ISO 8859-1)
        Observed o = exchange(
                fromDevice(unicast(readPropertyAck(77, 121, body().string(0, "Delta Controls", StandardCharsets.UTF_8).build()))),
                fromDevice(unicast(readPropertyAck(77, 70, body().string(4, "eBCON", StandardCharsets.UTF_16BE).build()))),
                fromDevice(unicast(readPropertyAck(77, 44, body().string(5, "V3.40 ß", StandardCharsets.ISO_8859_1).build()))),
                fromDevice(unicast(readPropertyAck(77, 12, body().string(0, "  2.1 ", StandardCharsets.UTF_8).build()))),
                fromDevice(unicast(readPropertyAck(77, 77, body().string(0, "AHU-3 Größe", StandardCharsets.UTF_8).build()))),
                fromDevice(unicast(readPropertyAck(77, 28, body().string(0, "Air handler\0\0\0", StandardCharsets.UTF_8).build()))),
                fromDevice(unicast(readPropertyAck(77, 58, body().string(0, "Roof\nPlant", StandardCharsets.UTF_8).build()))),
                fromDevice(unicast(readPropertyAck(77, 120, body().unsigned(2, false, 8).build()))));
        assertThat(o.facts()).containsExactly(
                D + "bacnet.applicationSoftwareVersion=2.1",
                D + "bacnet.description=Air handler",
                D + "bacnet.deviceInstance=77",
                D + "bacnet.firmwareRevision=V3.40 ß",
                D + "bacnet.location=Roof\\010Plant",
                D + "bacnet.modelName=eBCON",
                D + "bacnet.objectName=AHU-3 Größe",
                D + "bacnet.role=server",
                D + "bacnet.vendor=Delta Controls",
                D + "bacnet.vendorId=8",
                D + "bacnet.vendorName=Delta Controls");
    }

    @Test
    void theWildcardInstanceNamesNoDeviceButTheObjectIdentifierPropertyDoes() {
        // Clause 15.5.1.1.1: instance 4194303 means "the device that receives this"
        Observed o = exchange(fromDevice(unicast(readPropertyAck(0x3fffff, 75, body().objectId(8, 500).build()))));
        assertThat(o.values(BacnetAttributes.DEVICE_INSTANCE)).containsExactly("500");
    }

    @Test
    void propertiesOfOtherObjectsAndArrayElementsAreNotTheDevices() {
        byte[] analogInput = complexAck(12, body().contextObjectId(0, 0, 3).unsigned(1, true, 77).open(3)
                .string(0, "Zone temp", StandardCharsets.UTF_8).close(3).build());
        byte[] element = complexAck(12, body().contextObjectId(0, 8, 9).unsigned(1, true, 77).unsigned(2, true, 1)
                .open(3).string(0, "x", StandardCharsets.UTF_8).close(3).build());
        Observed o = exchange(fromDevice(unicast(analogInput)), fromDevice(unicast(element)));
        assertThat(o.values(BacnetAttributes.OBJECT_NAME)).isEmpty();
    }

    @Test
    void readPropertyMultipleAckIsReadResultByResult() {
        // Clause 15.7.1.3: analog-input 1 (skipped), then device 42: object-name, an error for location, a list
        // value (object-list, skipped), model-name
        byte[] ack = complexAck(14, body()
                .contextObjectId(0, 0, 1).open(1).unsigned(2, true, 77).open(4).string(0, "AI-1", StandardCharsets.UTF_8)
                .close(4).close(1)
                .contextObjectId(0, 8, 42).open(1)
                .unsigned(2, true, 77).open(4).string(0, "JACE-8000", StandardCharsets.UTF_8).close(4)
                .unsigned(2, true, 58).open(5).tag(9, false, new byte[] {2}).tag(9, false, new byte[] {31}).close(5)
                .unsigned(2, true, 76).open(4).objectId(8, 42).objectId(0, 1).close(4)
                .unsigned(2, true, 70).open(4).string(0, "JACE-8000 Model", StandardCharsets.UTF_8).close(4)
                .close(1).build());
        Observed o = exchange(fromDevice(unicast(ack)));
        assertThat(o.facts()).containsExactly(
                D + "bacnet.deviceInstance=42",
                D + "bacnet.modelName=JACE-8000 Model",
                D + "bacnet.objectName=JACE-8000",
                D + "bacnet.role=server");
    }

    @Test
    void confirmedRequestsNameTheServiceAboutTheClient() {
        // Clause 21 BACnetConfirmedServiceChoice: 15 writeProperty, 20 reinitializeDevice, 17
        // deviceCommunicationControl; 40 is beyond the table
        Observed o = exchange(fromStation(unicast(confirmed(15, new byte[] {0x0c}))),
                fromStation(unicast(confirmed(20, new byte[0]))), fromStation(unicast(confirmed(17, new byte[0]))),
                fromStation(unicast(confirmed(40, new byte[0]))));
        assertThat(o.facts()).containsExactly(
                S + "bacnet.role=client",
                S + "bacnet.service=40",
                S + "bacnet.service=deviceCommunicationControl",
                S + "bacnet.service=reinitializeDevice",
                S + "bacnet.service=writeProperty");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void segmentedRequestsHaveTheServiceAfterTheSequenceNumberAndWindow() {
        // Clause 20.1.2.1: SEG set, then sequence number and proposed window size precede the service choice
        Observed o = exchange(fromStation(unicast(body().u8(0x08, 0x05, 0x01, 0, 4, 7).build())));
        assertThat(o.values(BacnetAttributes.SERVICE)).containsExactly("atomicWriteFile");
    }

    @Test
    void forwardedNpduIsAboutTheOriginatingAddress() {
        // Annex J.2.9: a BBMD forwards a device's I-Am with its original B/IP address 10.0.5.20:47808
        byte[] npdu = body().u8(1, 0).bytes(iAm(99, 5)).build();
        byte[] forwarded = bvlc(0x04, body().u8(10, 0, 5, 20).u16(PORT).bytes(npdu).build());
        Observed o = exchange(fromDevice(forwarded));
        assertThat(o.facts()).containsExactly(
                "10.0.5.20 bacnet.deviceInstance=99",
                "10.0.5.20 bacnet.role=server",
                "10.0.5.20 bacnet.vendor=Johnson Controls, Inc.",
                "10.0.5.20 bacnet.vendorId=5");
        assertThat(o.services()).containsExactly("10.0.5.20 47808/udp bacnet");
    }

    @Test
    void messagesRelayedFromAnotherNetworkMakeTheSenderARouterOnly() {
        // Clause 6.2.2: SNET 5, SLEN 1, SADR 0x07 (an MS/TP device) — its I-Am names no IP host of its own
        byte[] routed = bvlc(0x0a, body().u8(1, 0x08).u16(5).u8(1, 7).bytes(iAm(7001, 5)).build());
        // Clause 6.4.2: I-Am-Router-To-Network (network message 0x01) listing network 5
        byte[] iAmRouter = bvlc(0x0b, body().u8(1, 0x80, 0x01).u16(5).build());
        assertThat(exchange(fromDevice(routed)).facts()).containsExactly(D + "bacnet.role=router");
        assertThat(exchange(fromDevice(iAmRouter)).facts()).containsExactly(D + "bacnet.role=router");
    }

    @Test
    void unknownCharacterSetsAndBvlcControlMessagesSayNothing() {
        // Clause 20.2.9: set 1 (DBCS) is not decoded; Annex J.2.1 BVLC-Result carries no NPDU
        Observed o = exchange(
                fromDevice(unicast(readPropertyAck(1, 77, body().u8(0x75, 4, 1, 0x03, 0xb5, 'A', 'B').build()))),
                fromDevice(bvlc(0x00, body().u16(0).build())),
                DEVICE.udp(PORT, PORT, body().u8(0x82, 0x0a, 0, 4).build()));
        assertThat(o.values(BacnetAttributes.OBJECT_NAME)).isEmpty();
        assertThat(o.values(BacnetAttributes.ROLE)).containsExactly("server");
    }

    @Test
    void eachValueIsReportedOncePerHost() {
        byte[] f = fromDevice(unicast(iAm(1, 5)));
        Observed o = exchange(f, DEVICE.atSeconds(5).udp(PORT, PORT, unicast(iAm(1, 5))));
        assertThat(o.attributes(BacnetAttributes.DEVICE_INSTANCE)).hasSize(1);
        assertThat(o.attributes(BacnetAttributes.ROLE)).hasSize(1);
    }
}
