package io.osprey.dissect.sccp;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.sip.Voip;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static io.osprey.dissect.sip.Voip.P;
import static io.osprey.dissect.sip.Voip.PHONE;
import static io.osprey.dissect.sip.Voip.SERVER;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static io.osprey.packet.testing.SyntheticFrame.SYN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Skinny messages: the header, StationRegisterMessage's fields, and the device type table. */
class SccpDissectorTest {

    /** A message: length (message id + data), header version, message id, data; all little-endian. */
    static byte[] message(int headerVersion, int messageId, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4 + data.length).putInt(headerVersion).putInt(messageId).put(data);
        return b.array();
    }

    /** StationRegisterMessage data as a CM 4-era phone sends it. */
    static byte[] register(String deviceName, int userId, int deviceType, int protocolVersion) {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = deviceName.getBytes(StandardCharsets.US_ASCII);
        b.put(name, 0, Math.min(16, name.length)).position(16);
        b.putInt(userId).putInt(1).put(new byte[] {10, 0, 0, 1}).putInt(deviceType).putInt(5).putInt(0);
        b.put((byte) protocolVersion).put((byte) 0).putShort((short) 0x7200).putInt(0);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) b.put(p);
        return b.array();
    }

    static Observed connect(byte[] fromPhone, byte[] fromManager) {
        Observed o = new Observed(new SccpDissector());
        o.feed(PHONE, PHONE.tcp(50000, 2000, SYN));
        o.feed(SERVER, SERVER.tcp(2000, 50000, SYN | ACK));
        if (fromPhone != null) o.feed(PHONE, PHONE.tcp(50000, 2000, PSH | ACK, fromPhone));
        if (fromManager != null) o.feed(SERVER, SERVER.tcp(2000, 50000, PSH | ACK, fromManager));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void registerMessageDescribesThePhone() {
        Observed o = connect(message(0, 0x0001, register("SEP001122334455", 0, 7, 5)),
                message(0, 0x0081, new byte[20])); // RegisterAckMessage
        assertThat(o.facts()).containsExactly(
                P + "sccp.deviceName=SEP001122334455",
                P + "sccp.deviceType=7",
                P + "sccp.deviceTypeName=Cisco IP Phone 7960",
                P + "sccp.protocolVersion=5",
                P + "sccp.role=station");
        assertThat(o.services()).containsExactly("10.0.0.2 2000/tcp sccp");
    }

    @Test
    void userIdWhenSetAndTypesOutsideTheTable() {
        Observed o = connect(message(0x12, 0x0001, register("ATA0011223344550", 1234, 99999, 17)), null);
        assertThat(o.facts()).containsExactly(
                P + "sccp.deviceName=ATA0011223344550",
                P + "sccp.deviceType=99999",
                P + "sccp.protocolVersion=17",
                P + "sccp.role=station",
                P + "sccp.userId=1234");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void registerAfterAnotherMessageInTheSameSegmentIsFound() {
        // KeepAliveMessage (0x0000, no data) then the register
        Observed o = connect(concat(message(0, 0x0000, new byte[0]),
                message(0, 0x0001, register("SEPAABBCCDDEEFF", 0, 30016, 20))), null);
        assertThat(o.values(SccpAttributes.DEVICE_TYPE_NAME)).containsExactly("Cisco IP Communicator");
    }

    @Test
    void truncatedRegisterAndForeignBytesAreNotReported() {
        byte[] whole = message(0, 0x0001, register("SEP001122334455", 0, 7, 5));
        SccpDissector d = new SccpDissector();
        Observed o = new Observed(d);
        o.feed(PHONE, PHONE.tcp(50000, 2000, ACK, java.util.Arrays.copyOf(whole, 12 + 16 + 4 + 4 + 4 + 3)));
        o.feed(PHONE, PHONE.tcp(50000, 2000, ACK, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        // the truncated register still has a well-formed header: the sender is a station, nothing more is said
        assertThat(o.facts()).containsExactly(P + "sccp.role=station");
        assertThat(d.notSccp()).isEqualTo(1);
    }

    @Test
    void deviceTypeTableIsReadFromItsDataFile() throws IOException {
        SccpDeviceTypes standard = SccpDeviceTypes.standard();
        assertThat(standard.size()).isGreaterThan(50);
        assertThat(standard.name(8)).isEqualTo("Cisco IP Phone 7940");
        assertThat(standard.name(-1)).isNull();
        assertThat(standard.name(4_000_000_000L)).isNull();
        SccpDeviceTypes parsed = SccpDeviceTypes.parse(new ByteArrayInputStream("# c\n\n9\tB\n2\tA\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.name(2)).isEqualTo("A");
        assertThat(parsed.name(9)).isEqualTo("B");
        assertThatThrownBy(() -> SccpDeviceTypes.parse(new ByteArrayInputStream("1\tA\n1\tB\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void ndpiSkinnyCaptureHasNoRegisterButProvesTheCallManagerAndItsStations() {
        // nDPI skinny.pcap (LGPL-3.0, read in place): calls between registered phones, no StationRegisterMessage
        // (tshark -Y 'skinny.messageId==0x0001' is empty); the call manager answers from port 2000
        Observed o = new Observed(new SccpDissector()).capture(Voip.shared("ndpi/skinny.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        // tshark -r skinny.pcap -Y 'tcp.dstport==2000 && skinny' -T fields -e eth.src -e ip.src | sort -u
        assertThat(o.facts()).containsExactlyInAnyOrder(
                "00:1e:7a:26:74:75/192.168.195.58 sccp.role=station",
                "00:1d:45:0c:65:63/192.168.195.50 sccp.role=station");
        assertThat(o.services()).containsExactly("192.168.193.12 2000/tcp sccp");
        DirectRun run = Voip.direct();
        for (byte[] frame : DirectRun.frames(Voip.shared("ndpi/skinny.pcap"))) {
            for (int n = 0; n <= frame.length; n += 5) run.dissect(frame, n);
        }
    }
}
