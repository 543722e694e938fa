package io.osprey.packet.decode;

import static io.osprey.packet.decode.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TcpDecodingTest {

    /** Linux SYN: MSS 1460, SACK permitted, timestamps 0x11223344/0, NOP, window scale 7. */
    static final byte[] LINUX_SYN_OPTIONS = hex("020405b4 0402 080a 11223344 00000000 01 030307");
    /** Windows 10 SYN: MSS 1460, NOP, window scale 8, NOP, NOP, SACK permitted. */
    static final byte[] WINDOWS_SYN_OPTIONS = hex("020405b4 01 030308 01 01 0402");
    /** macOS SYN: mss,nop,ws,nop,nop,ts,sok,eol+0. */
    static final byte[] MACOS_SYN_OPTIONS = hex("020405b4 01 030306 01 01 080a 00000001 00000000 0402 00 00");

    static Packet decodeTcp(byte[] segment) { return decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.TCP, segment))); }

    @Nested
    @DisplayName("RFC 9293 §3.1 header fields")
    class Header {
        @Test
        void fields() {
            byte[] segment = withU16(withU16(tcp(49152, 443, TcpView.PSH | TcpView.ACK, NO_BYTES, hex("160301")), 16, 0xbeef), 18, 7);
            Packet p = decodeTcp(segment);
            assertThat(p.isTcp()).isTrue();
            assertThat(p.srcPort()).isEqualTo(49152);
            assertThat(p.dstPort()).isEqualTo(443);
            assertThat(p.tcpFlags()).isEqualTo(0x18);
            assertThat(p.l4Offset()).isEqualTo(34);
            assertThat(p.payloadOffset()).isEqualTo(54);
            assertThat(p.payloadLength()).isEqualTo(3);
            TcpView tcp = p.tcp();
            assertThat(tcp.valid()).isTrue();
            assertThat(tcp.sourcePort()).isEqualTo(49152);
            assertThat(tcp.destinationPort()).isEqualTo(443);
            assertThat(tcp.seq()).isEqualTo(0x01020304L);
            assertThat(tcp.ack()).isEqualTo(0x0a0b0c0dL);
            assertThat(tcp.dataOffset()).isEqualTo(5);
            assertThat(tcp.headerLength()).isEqualTo(20);
            assertThat(tcp.flags()).isEqualTo(TcpView.PSH | TcpView.ACK);
            assertThat(tcp.hasFlags(TcpView.ACK)).isTrue();
            assertThat(tcp.hasFlags(TcpView.SYN | TcpView.ACK)).isFalse();
            assertThat(tcp.window()).isEqualTo(65535);
            assertThat(tcp.checksum()).isEqualTo(0xbeef);
            assertThat(tcp.urgentPointer()).isEqualTo(7);
            assertThat(tcp.reservedBits()).isZero();
            assertThat(tcp.optionsLength()).isZero();
            assertThat(tcp.options().next()).isFalse();
        }

        @Test
        @DisplayName("Sequence numbers above 2^31 stay unsigned")
        void unsignedSequence() {
            byte[] segment = tcp(1, 2, TcpView.ACK, NO_BYTES, NO_BYTES);
            segment[4] = (byte) 0xff;
            segment[8] = (byte) 0x80;
            Packet p = decodeTcp(segment);
            assertThat(p.tcp().seq()).isEqualTo(0xff020304L);
            assertThat(p.tcp().ack()).isEqualTo(0x800b0c0dL);
        }

        @Test
        @DisplayName("Ethernet padding after a bare ACK is not payload")
        void paddingNotPayload() {
            byte[] frame = ethernet(EtherTypes.IPV4, concat(ipv4(IpProtocols.TCP, tcp(1, 2, TcpView.ACK, NO_BYTES, NO_BYTES)), zeros(6)));
            Packet p = decode(frame);
            assertThat(frame).hasSize(60);
            assertThat(p.payloadLength()).isZero();
            assertThat(p.payloadOffset()).isEqualTo(54);
        }

        @Test
        @DisplayName("Real capture: IEC 104 segments padded to 60 bytes (ITI TestDissectIec104)")
        void realPadding() {
            Path file = Path.of("..", "..", "shared", "data", "pcaps", "ics-iti", "iec104", "TestDissectIec104.pcap");
            Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data/pcaps absent: skipped");
            PcapFixture capture = PcapFixture.fromFile(file);
            // tshark -r TestDissectIec104.pcap -T fields -e frame.number -e frame.cap_len -e ip.len -e tcp.srcport -e tcp.len
            int[][] expected = {{3, 60, 40, 1568, 0}, {7, 60, 41, 1568, 1}, {9, 60, 42, 1568, 2}};
            Packet p = new Packet();
            for (int[] row : expected) {
                PcapFixture.Record r = capture.frame(row[0]);
                new PacketDecoder().decode(r.data(), r.data().length, r.wireLength(), r.timestampNanos(), capture.linkType(), p);
                assertThat(p.length()).isEqualTo(row[1]);
                assertThat(p.l3Length()).isEqualTo(row[2]);
                assertThat(p.srcPort()).isEqualTo(row[3]);
                assertThat(p.payloadLength()).as("frame %d", row[0]).isEqualTo(row[4]);
                assertThat(p.malformed()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("RFC 9293 §3.1 truncated and invalid headers")
    class Malformed {
        @Test
        @DisplayName("Fewer than 20 bytes: no ports")
        void shortHeader() {
            Packet p = decodeTcp(Arrays.copyOf(tcp(1, 2, TcpView.SYN, NO_BYTES, NO_BYTES), 19));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_TCP);
            assertThat(p.isTcp()).isFalse();
            assertThat(p.srcPort()).isEqualTo(-1);
            assertThat(p.ipProtocol()).isEqualTo(IpProtocols.TCP);
            assertThat(p.l4Offset()).isEqualTo(34);
        }

        @Test
        @DisplayName("Data offset below 5: no ports")
        void dataOffsetTooSmall() {
            Packet p = decodeTcp(withU8(tcp(1, 2, TcpView.SYN, NO_BYTES, NO_BYTES), 12, 0x40));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_TCP);
            assertThat(p.isTcp()).isFalse();
            assertThat(p.tcp().valid()).isFalse();
        }

        @Test
        @DisplayName("Options cut: ports and flags from the intact 20 bytes, no payload")
        void optionsCut() {
            byte[] segment = tcp(1, 2, TcpView.SYN, LINUX_SYN_OPTIONS, NO_BYTES);
            Packet p = decodeTcp(Arrays.copyOf(segment, 30));
            assertThat(p.malformed()).isEqualTo(Packet.MALFORMED_TCP);
            assertThat(p.isTcp()).isTrue();
            assertThat(p.tcpFlags()).isEqualTo(TcpView.SYN);
            assertThat(p.payloadOffset()).isEqualTo(-1);
            assertThat(p.tcp().valid()).isFalse();
            assertThat(p.tcp().optionsLength()).isEqualTo(10);
            assertThat(p.tcp().mss()).as("a complete option before the cut is still readable").isEqualTo(1460);
        }
    }

    @Nested
    @DisplayName("RFC 9293 §3.2 options, in wire order (p0f olayout)")
    class Options {
        @Test
        @DisplayName("The cursor reports kind, length and value offset in order")
        void cursorOrder() {
            Packet p = decodeTcp(tcp(1, 2, TcpView.SYN, LINUX_SYN_OPTIONS, NO_BYTES));
            TcpOptionCursor c = p.tcp().options();
            List<String> seen = new ArrayList<>();
            while (c.next()) {
                seen.add(c.kind() + "/" + c.length() + "@" + c.offset() + ":" + c.valueOffset() + "+" + c.valueLength());
            }
            int o = 54;
            assertThat(seen).containsExactly(
                    "2/4@" + o + ":" + (o + 2) + "+2",
                    "4/2@" + (o + 4) + ":" + (o + 6) + "+0",
                    "8/10@" + (o + 6) + ":" + (o + 8) + "+8",
                    "1/1@" + (o + 16) + ":" + (o + 17) + "+0",
                    "3/3@" + (o + 17) + ":" + (o + 19) + "+1");
            assertThat(c.malformed()).isFalse();
        }

        @Test
        void linuxLayoutAndValues() {
            TcpView tcp = decodeTcp(tcp(1, 2, TcpView.SYN, LINUX_SYN_OPTIONS, NO_BYTES)).tcp();
            assertThat(tcp.appendOptionLayout(new StringBuilder()).toString()).isEqualTo("mss,sok,ts,nop,ws");
            assertThat(tcp.mss()).isEqualTo(1460);
            assertThat(tcp.windowScale()).isEqualTo(7);
            assertThat(tcp.sackPermitted()).isTrue();
            assertThat(tcp.hasTimestamps()).isTrue();
            assertThat(tcp.tsVal()).isEqualTo(0x11223344L);
            assertThat(tcp.tsEcr()).isZero();
        }

        @Test
        void windowsLayout() {
            TcpView tcp = decodeTcp(tcp(1, 2, TcpView.SYN, WINDOWS_SYN_OPTIONS, NO_BYTES)).tcp();
            assertThat(tcp.appendOptionLayout(new StringBuilder()).toString()).isEqualTo("mss,nop,ws,nop,nop,sok");
            assertThat(tcp.windowScale()).isEqualTo(8);
            assertThat(tcp.hasTimestamps()).isFalse();
            assertThat(tcp.tsVal()).isEqualTo(-1);
            assertThat(tcp.tsEcr()).isEqualTo(-1);
        }

        @Test
        @DisplayName("End of list followed by padding: eol+N")
        void endOfList() {
            TcpView tcp = decodeTcp(tcp(1, 2, TcpView.SYN, MACOS_SYN_OPTIONS, NO_BYTES)).tcp();
            assertThat(tcp.appendOptionLayout(new StringBuilder()).toString()).isEqualTo("mss,nop,ws,nop,nop,ts,sok,eol+1");
            TcpView padded = decodeTcp(tcp(1, 2, TcpView.SYN, hex("020405b4 00 000000"), NO_BYTES)).tcp();
            assertThat(padded.appendOptionLayout(new StringBuilder()).toString()).isEqualTo("mss,eol+3");
        }

        @Test
        @DisplayName("SACK blocks and unknown kinds (?K)")
        void sackAndUnknown() {
            byte[] options = hex("01 01 050a 00000001 00000002 1e 04 0000");
            Packet p = decodeTcp(tcp(1, 2, TcpView.ACK, options, NO_BYTES));
            assertThat(p.tcp().appendOptionLayout(new StringBuilder()).toString()).isEqualTo("nop,nop,sack,?30");
            assertThat(p.tcp().mss()).isEqualTo(-1);
            assertThat(p.tcp().windowScale()).isEqualTo(-1);
            assertThat(p.tcp().sackPermitted()).isFalse();
        }

        @Test
        @DisplayName("A length byte below 2 or past the header stops the walk as malformed")
        void malformedOptions() {
            TcpOptionCursor zeroLength = decodeTcp(tcp(1, 2, TcpView.SYN, hex("01 08 00 00"), NO_BYTES)).tcp().options();
            assertThat(zeroLength.next()).isTrue();
            assertThat(zeroLength.kind()).isEqualTo(TcpView.OPTION_NOP);
            assertThat(zeroLength.next()).isFalse();
            assertThat(zeroLength.malformed()).isTrue();

            TcpView pastHeader = decodeTcp(tcp(1, 2, TcpView.SYN, hex("020805b4"), NO_BYTES)).tcp();
            assertThat(pastHeader.mss()).isEqualTo(-1);
            assertThat(pastHeader.appendOptionLayout(new StringBuilder()).toString()).isEmpty();

            TcpOptionCursor noLengthByte = decodeTcp(tcp(1, 2, TcpView.SYN, hex("01 01 01 02"), NO_BYTES)).tcp().options();
            int seen = 0;
            while (noLengthByte.next()) {
                seen++;
            }
            assertThat(seen).isEqualTo(3);
            assertThat(noLengthByte.malformed()).isTrue();
        }

        @Test
        @DisplayName("Options with unexpected lengths are not taken for MSS/WS/TS")
        void wrongLengths() {
            TcpView tcp = decodeTcp(tcp(1, 2, TcpView.SYN, hex("020305 03040700 080600000000 010101"), NO_BYTES)).tcp();
            assertThat(tcp.mss()).isEqualTo(-1);
            assertThat(tcp.windowScale()).isEqualTo(-1);
            assertThat(tcp.hasTimestamps()).isFalse();
        }

        @Test
        @DisplayName("On a packet without TCP the options are empty, not an exception")
        void noTcpNoOptions() {
            Packet fresh = new Packet();
            assertThat(fresh.tcp().options().next()).isFalse();
            assertThat(fresh.tcp().mss()).isEqualTo(-1);
            Packet udp = decode(ethernet(EtherTypes.IPV4, ipv4(IpProtocols.UDP, udp(1, 2, zeros(40)))));
            assertThat(udp.tcp().options().next()).isFalse();
            assertThat(udp.tcp().appendOptionLayout(new StringBuilder()).toString()).isEmpty();
            assertThat(udp.tcp().tsVal()).isEqualTo(-1);
        }

        @Test
        @DisplayName("Two cursors can walk the same header independently")
        void independentCursors() {
            TcpView tcp = decodeTcp(tcp(1, 2, TcpView.SYN, LINUX_SYN_OPTIONS, NO_BYTES)).tcp();
            TcpOptionCursor a = new TcpOptionCursor().reset(tcp);
            TcpOptionCursor b = new TcpOptionCursor().reset(tcp);
            a.next();
            a.next();
            b.next();
            assertThat(a.kind()).isEqualTo(TcpView.OPTION_SACK_PERMITTED);
            assertThat(b.kind()).isEqualTo(TcpView.OPTION_MSS);
        }
    }
}
