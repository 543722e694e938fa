package io.osprey.dissect.enip;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.enip.EnipWire.D;
import static io.osprey.dissect.enip.EnipWire.DEVICE;
import static io.osprey.dissect.enip.EnipWire.S;
import static io.osprey.dissect.enip.EnipWire.SCANNER;
import static io.osprey.dissect.enip.EnipWire.body;
import static io.osprey.dissect.enip.EnipWire.exchange;
import static io.osprey.dissect.enip.EnipWire.fromDevice;
import static io.osprey.dissect.enip.EnipWire.fromScanner;
import static io.osprey.dissect.enip.EnipWire.identityItem;
import static io.osprey.dissect.enip.EnipWire.listIdentityReply;
import static io.osprey.dissect.enip.EnipWire.message;
import static io.osprey.dissect.enip.EnipWire.request;
import static io.osprey.dissect.enip.EnipWire.sendRrData;
import static io.osprey.dissect.enip.EnipWire.sendUnitData;
import static org.assertj.core.api.Assertions.assertThat;

/** EtherNet/IP and CIP messages by the rows of CIP Vol. 2 ch. 2 and CIP Vol. 1 they exercise, hand-built. */
class EnipDissectorTest {

    @Test
    void listIdentityReplyStatesTheDevicesIdentityAboutTheSender() {
        // Vol. 2 §2-4.2.3, Table 2-4.4: Omron (47), PLC (14), product 1649, revision 2.1, state 3
        Observed o = exchange(fromScanner(message(0x63, 0, new byte[0])),
                fromDevice(listIdentityReply(identityItem(47, 14, 1649, 2, 1, 0x1234abcdL, "NJ501-1300", 3))));
        assertThat(o.facts()).containsExactly(
                D + "enip.deviceType=14",
                D + "enip.deviceTypeName=Programmable Logic Controller",
                D + "enip.productCode=1649",
                D + "enip.productName=NJ501-1300",
                D + "enip.revision=2.1",
                D + "enip.role=server",
                D + "enip.serialNumber=0x1234abcd",
                D + "enip.state=0x03",
                D + "enip.vendor=Omron Corporation",
                D + "enip.vendorId=47",
                S + "enip.role=client");
        assertThat(o.services()).containsExactly("10.0.0.11 44818/tcp enip");
    }

    @Test
    void vendorsAndDeviceTypesOutsideTheTablesAreReportedByNumberOnly() {
        Observed o = exchange(fromDevice(listIdentityReply(identityItem(65000, 999, 1, 1, 0, 1, "X", 3))));
        assertThat(o.values(EnipAttributes.VENDOR_ID)).containsExactly("65000");
        assertThat(o.values(EnipAttributes.VENDOR)).isEmpty();
        assertThat(o.values(EnipAttributes.DEVICE_TYPE)).containsExactly("999");
        assertThat(o.values(EnipAttributes.DEVICE_TYPE_NAME)).isEmpty();
    }

    @Test
    void listIdentityOverUdpFromPort44818ProvesAUdpService() {
        // Vol. 2 §2-4.2: ListIdentity may be broadcast over UDP; the device answers from 44818
        byte[] reply = listIdentityReply(identityItem(1, 12, 58, 4, 3, 0x00524d8eL, "1756-ENBT/A", 3));
        Observed o = new Observed(new EnipDissector());
        o.feed(DEVICE, DEVICE.udp(EnipDissector.PORT, 50001, reply));
        assertThat(o.values(EnipAttributes.PRODUCT_NAME)).containsExactly("1756-ENBT/A");
        assertThat(o.services()).containsExactly("10.0.0.11 44818/udp enip");
    }

    @Test
    void forwardOpenNamesTheConnectionManagerService() {
        // Vol. 1 §3-5.5.2: Forward_Open (0x54) to class 0x06 instance 1
        Observed o = exchange(fromScanner(sendRrData(request(0x54, 0x20, 0x06, 0x24, 0x01))));
        assertThat(o.facts()).containsExactly(S + "cip.class=0x06", S + "cip.service=Forward_Open", S + "enip.role=client");
    }

    @Test
    void unconnectedSendIsOpenedToTheRequestItCarries() {
        // Vol. 1 §3-5.5.2: priority/tick, time-out ticks, message size, then Get_Attributes_All to Identity (class 1)
        byte[] inner = request(0x01, 0x20, 0x01, 0x24, 0x01);
        byte[] data = body().u8(0x0a, 0xf0).u16(inner.length).bytes(inner).u8(1, 0, 1, 0).build();
        Observed o = exchange(fromScanner(sendRrData(request(0x52, new int[] {0x20, 0x06, 0x24, 0x01}, data))));
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).containsExactly("Get_Attributes_All", "Unconnected_Send");
        assertThat(o.values(EnipAttributes.CIP_CLASS)).containsExactly("0x01", "0x06");
    }

    @Test
    void multipleServicePacketIsOpenedToEachRequest() {
        // Vol. 1 §: count, offsets from the count, requests
        byte[] a = request(0x0e, 0x20, 0x8e, 0x24, 0x01, 0x30, 0x01);
        byte[] b = request(0x03, 0x21, 0x00, 0x1a, 0x03, 0x24, 0x01);
        byte[] data = body().u16(2).u16(6).u16(6 + a.length).bytes(a).bytes(b).build();
        Observed o = exchange(fromScanner(sendUnitData(request(0x0a, new int[] {0x20, 0x02, 0x24, 0x01}, data))));
        assertThat(o.values(EnipAttributes.CIP_SERVICE))
                .containsExactly("Get_Attribute_List", "Get_Attribute_Single", "Multiple_Service_Packet");
        assertThat(o.values(EnipAttributes.CIP_CLASS)).containsExactly("0x02", "0x031a", "0x8e");
    }

    @Test
    void tagRequestsByNameAreNamedAsSymbolServicesWithoutAClass() {
        // Vol. 1 §C-1.4.5 ANSI extended symbolic segment "Tank_Level" (10 octets); 1756-PM020 Read/Write Tag
        int[] path = {0x91, 10, 'T', 'a', 'n', 'k', '_', 'L', 'e', 'v', 'e', 'l'};
        Observed o = exchange(fromScanner(sendUnitData(request(0x4c, path, new byte[] {1, 0}))),
                fromScanner(sendUnitData(request(0x4d, path, new byte[] {(byte) 0xc4, 0, 1, 0, 1, 2, 3, 4}))));
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).containsExactly("Read_Tag", "Write_Tag");
        assertThat(o.values(EnipAttributes.CIP_CLASS)).isEmpty();
    }

    @Test
    void objectSpecificCodesOfOtherClassesAreHex() {
        Observed o = exchange(fromScanner(sendUnitData(request(0x4f, 0x20, 0x6a, 0x25, 0x00, 0xd5, 0xbf))));
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).containsExactly("0x4f");
        assertThat(o.values(EnipAttributes.CIP_CLASS)).containsExactly("0x6a");
    }

    @Test
    void repliesAreNotRequests() {
        // Vol. 1 §2-4.2: the reply service code has bit 0x80 set
        Observed o = exchange(fromDevice(sendRrData(body().u8(0xd4, 0, 0, 0).build())));
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).isEmpty();
        assertThat(o.facts()).containsExactly(D + "enip.role=server");
    }

    @Test
    void severalMessagesInOneSegmentAreAllRead() {
        byte[] one = sendRrData(request(0x0e, 0x20, 0x01, 0x24, 0x01, 0x30, 0x07));
        byte[] two = sendRrData(request(0x10, 0x20, 0xf5, 0x24, 0x01, 0x30, 0x05));
        Observed o = exchange(fromScanner(body().bytes(one).bytes(two).build()));
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).containsExactly("Get_Attribute_Single", "Set_Attribute_Single");
        assertThat(o.values(EnipAttributes.CIP_CLASS)).containsExactly("0x01", "0xf5");
    }

    @Test
    void eachFactIsReportedOnce() {
        Observed o = new Observed(new EnipDissector());
        byte[] reply = listIdentityReply(identityItem(1, 12, 58, 4, 3, 0x00524d8eL, "1756-ENBT/A", 3));
        for (int i = 0; i < 5; i++) {
            o.feed(SCANNER, fromScanner(sendRrData(request(0x54, 0x20, 0x06, 0x24, 0x01))));
            o.feed(SCANNER, fromDevice(reply));
        }
        assertThat(o.attributes()).hasSize(3 + 10);
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
    }

    @Test
    void servicesPerClientAreBounded() {
        Observed o = new Observed(new EnipDissector());
        for (int s = 0; s < 0x80; s++) o.feed(SCANNER, fromScanner(sendRrData(request(s, 0x20, 0x01, 0x24, 0x01))));
        assertThat(o.values(EnipAttributes.CIP_SERVICE)).hasSize(EnipDissector.MAX_VALUES_PER_HOST);
    }

    @Test
    void malformedHeadersAreCountedNotReported() {
        EnipDissector d = new EnipDissector();
        Observed o = new Observed(d);
        byte[] options = message(0x63, 0, new byte[0]);
        options[20] = 1;                                                 // §2-3.6: options shall be zero
        byte[] unknown = message(0x99, 0, new byte[0]);                  // not in Table 2-3.2
        byte[] shortItem = listIdentityReply(body().u16(0x0c).u16(10).u8(new byte[10].length > 0 ? 1 : 0)
                .u8(0, 0, 0, 0, 0, 0, 0, 0, 0).build());                 // identity item too short to hold attributes
        for (byte[] m : new byte[][] {options, unknown, shortItem}) o.feed(SCANNER, fromDevice(m));
        assertThat(o.attributes()).extracting(a -> a.attribute()).containsOnly(EnipAttributes.ROLE);
        assertThat(d.malformed()).isEqualTo(3);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void failedRepliesAreNotRead() {
        // §2-3.3: a non-zero status means the command failed; its data is not an identity
        byte[] reply = listIdentityReply(identityItem(1, 12, 58, 4, 3, 1, "1756-ENBT/A", 3));
        reply[8] = 0x65; // invalid length status
        assertThat(exchange(fromDevice(reply)).values(EnipAttributes.PRODUCT_NAME)).isEmpty();
    }
}
