package io.osprey.dissect.tcpfp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature of hand-built SYNs and SYN-ACKs, one test per field and quirk of the format documented on
 * {@link SynSignature} (p0f v3 README §5 concepts, RFC 9293, RFC 7323, RFC 791).
 */
class SynSignatureTest {

    @Test
    void linuxSynWithAllFields() {
        assertThat(SynFrame.syn().linuxOptions(7).signature())
                .isEqualTo("4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0");
    }

    @Test
    void synAckIsReadToo() {
        SynFrame f = SynFrame.synAck().linuxOptions(3);
        f.id = 0;
        f.window = 28960;
        assertThat(f.signature()).isEqualTo("4:64+0:0:1460:mss*20,3:mss,sok,ts,nop,ws:df:0");
    }

    @ParameterizedTest(name = "observed TTL {0} -> {1}")
    @CsvSource({"1,1+31", "30,30+2", "32,32+0", "33,33+31", "64,64+0", "52,52+12", "65,65+63", "117,117+11",
            "128,128+0", "129,129+126", "234,234+21", "255,255+0"})
    void initialTtlIsTheNextOf32_64_128_255(int ttl, String field) {
        SynFrame f = SynFrame.syn();
        f.ttl = ttl;
        assertThat(f.signature()).startsWith("4:" + field + ":");
    }

    @Test
    void ipv4OptionsLengthIsCounted() {
        SynFrame f = SynFrame.syn();
        f.ipOptions = SynFrame.bytes(148, 4, 0, 0); // router alert (RFC 2113), 4 bytes
        assertThat(f.signature()).isEqualTo("4:64+0:4:*:29200,0::df,id+:0");
    }

    @ParameterizedTest(name = "window {0} with mss {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "5840|1460|false|mss*4", "64240|1460|false|mss*44", "28960|1460|true|mss*20", "28960|1460|false|28960",
            "1500|1460|false|mtu*1", "3000|1460|false|mtu*2", "65535|1460|false|65535", "0|1460|false|0",
            "8192|1380|false|8192"})
    void windowIsWrittenAsAMultipleWhenItIsOne(int window, int mss, boolean timestamps, String expected) {
        SynFrame f = SynFrame.syn();
        f.window = window;
        f.options(timestamps
                ? new int[] {2, 4, mss >> 8, mss & 0xff, 1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0}
                : new int[] {2, 4, mss >> 8, mss & 0xff});
        assertThat(f.signature()).contains(":" + mss + ":" + expected + ",0:");
    }

    @Test
    void ipv6MtuAddsSixtyBytes() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xa0); // mss 1440
        f.version = 6;
        f.window = 1500;
        assertThat(f.signature()).isEqualTo("6:64+0:0:1440:mtu*1,0:mss::0");
    }

    @Test
    void windowsOptionOrderAndNoScale() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4, 1, 1, 4, 2);
        f.ttl = 128;
        f.window = 65535;
        assertThat(f.signature()).isEqualTo("4:128+0:0:1460:65535,0:mss,nop,nop,sok:df,id+:0");
    }

    @Test
    void endOfListCountsItsPadding() {
        // macOS: mss,nop,ws,nop,nop,ts,sok,eol + 1 byte of padding (24 option bytes)
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4, 1, 3, 3, 6, 1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 4, 2, 0, 0);
        f.window = 65535;
        assertThat(f.signature()).isEqualTo("4:64+0:0:1460:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0");
    }

    @Test
    void unknownOptionKindsAreNamedByNumber() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4, 34, 2); // TCP Fast Open cookie request (RFC 7413)
        assertThat(f.signature()).contains(":mss,?34,eol+1:"); // padded to 8 bytes
    }

    @Test
    void noMssIsAStar() {
        assertThat(SynFrame.syn().signature()).isEqualTo("4:64+0:0:*:29200,0::df,id+:0");
    }

    // quirks, in output order

    @Test
    void dfWithZeroIdIsDfAlone() {
        SynFrame f = SynFrame.syn();
        f.id = 0;
        assertThat(quirks(f)).isEqualTo("df");
    }

    @Test
    void noDfWithZeroIdIsIdMinus() {
        SynFrame f = SynFrame.syn();
        f.df = false;
        f.id = 0;
        assertThat(quirks(f)).isEqualTo("id-");
    }

    @Test
    void noDfWithNonZeroIdIsNoQuirk() {
        SynFrame f = SynFrame.syn();
        f.df = false;
        assertThat(quirks(f)).isEmpty();
    }

    @Test
    void ecnInTheIpHeaderOrTheTcpFlags() {
        SynFrame ip = SynFrame.syn();
        ip.tos = 0x02; // ECT(0), RFC 3168 §5
        assertThat(quirks(ip)).isEqualTo("df,id+,ecn");
        SynFrame tcp = SynFrame.syn();
        tcp.flags = 0x02 | 0x40 | 0x80; // ECN-setup SYN, RFC 3168 §6.1.1
        assertThat(quirks(tcp)).isEqualTo("df,id+,ecn");
    }

    @Test
    void reservedIpFlagIsMustBeZero() {
        SynFrame f = SynFrame.syn();
        f.reservedFlag = true;
        assertThat(quirks(f)).isEqualTo("df,id+,0+");
    }

    @Test
    void ipv6FlowLabel() {
        SynFrame f = SynFrame.syn();
        f.version = 6;
        f.flowLabel = 0x12345;
        assertThat(f.signature()).isEqualTo("6:64+0:0:*:29200,0::flow:0");
    }

    @Test
    void zeroSequenceNumber() {
        SynFrame f = SynFrame.syn();
        f.seq = 0;
        assertThat(quirks(f)).isEqualTo("df,id+,seq-");
    }

    @Test
    void ackNumberWithoutAckFlagAndAckFlagWithoutNumber() {
        SynFrame syn = SynFrame.syn();
        syn.ack = 5;
        assertThat(quirks(syn)).isEqualTo("df,id+,ack+");
        SynFrame synAck = SynFrame.synAck();
        synAck.ack = 0;
        assertThat(quirks(synAck)).isEqualTo("df,id+,ack-");
    }

    @Test
    void urgentPointerAndUrgPshFlags() {
        SynFrame pointer = SynFrame.syn();
        pointer.urgentPointer = 7;
        assertThat(quirks(pointer)).isEqualTo("df,id+,uptr+");
        SynFrame urg = SynFrame.syn();
        urg.flags |= 0x20;
        urg.urgentPointer = 7;
        assertThat(quirks(urg)).isEqualTo("df,id+,urgf+");
        SynFrame push = SynFrame.syn();
        push.flags |= 0x08;
        assertThat(quirks(push)).isEqualTo("df,id+,pushf+");
    }

    @Test
    void timestampQuirks() {
        SynFrame zeroOwn = SynFrame.syn().options(8, 10, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(quirks(zeroOwn)).isEqualTo("df,id+,ts1-");
        SynFrame echoOnSyn = SynFrame.syn().options(8, 10, 0, 0, 0, 1, 0, 0, 0, 9);
        assertThat(quirks(echoOnSyn)).isEqualTo("df,id+,ts2+");
        SynFrame echoOnSynAck = SynFrame.synAck().options(8, 10, 0, 0, 0, 1, 0, 0, 0, 9);
        assertThat(quirks(echoOnSynAck)).as("a SYN-ACK echoes the SYN's TSval").isEqualTo("df,id+");
    }

    @Test
    void nonZeroBytesAfterEndOfList() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4, 0, 7, 0, 0);
        assertThat(f.signature()).isEqualTo("4:64+0:0:1460:mss*20,0:mss,eol+3:df,id+,opt+:0");
    }

    @Test
    void excessiveWindowScale() {
        assertThat(quirks(SynFrame.syn().options(1, 3, 3, 15))).isEqualTo("df,id+,exws");
        assertThat(quirks(SynFrame.syn().options(1, 3, 3, 14))).isEqualTo("df,id+");
    }

    @Test
    void optionRunningPastTheHeaderIsBad() {
        SynFrame f = SynFrame.syn().options(2, 4, 0x05, 0xb4, 3, 9, 0, 0);
        assertThat(f.signature()).isEqualTo("4:64+0:0:1460:mss*20,0:mss:df,id+,bad:0");
    }

    @Test
    void payloadOnTheSyn() {
        SynFrame f = SynFrame.syn();
        f.payload = SynFrame.bytes('G', 'E', 'T');
        assertThat(f.signature()).endsWith(":df,id+:+");
    }

    @Test
    void onlySynsAreRead() {
        SynFrame ack = SynFrame.syn();
        ack.flags = 0x10;
        assertThat(ack.signature()).isNull();
        SynFrame rst = SynFrame.syn();
        rst.flags = 0x06;
        assertThat(rst.signature()).isNull();
        SynFrame fin = SynFrame.syn();
        fin.flags = 0x03;
        assertThat(fin.signature()).isNull();
    }

    private static String quirks(SynFrame f) {
        String[] fields = f.signature().split(":", -1);
        return fields[6];
    }
}
