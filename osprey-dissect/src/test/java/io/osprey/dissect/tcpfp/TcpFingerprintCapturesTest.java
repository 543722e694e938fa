package io.osprey.dissect.tcpfp;

import io.osprey.dissect.dhcp.ObservationLog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SYNs and SYN-ACKs of real captures copied into fixtures/tcpfp (see SOURCES.md there). Each signature was
 * checked field by field against tshark 4.0.17: {@code tshark -r F -T fields -e eth.src -e ip.src -e ip.ttl
 * -e ip.flags.df -e ip.id -e tcp.flags -e tcp.window_size_value -e tcp.options.mss_val -e tcp.options.wscale.shift
 * -e tcp.option_kind -e tcp.options.timestamp.tsval}; the tshark row is quoted above each expectation
 * (ttl|df|id|flags|window|mss|shift|option kinds).
 */
class TcpFingerprintCapturesTest {

    static Path fixture(String name) {
        try {
            return Path.of(TcpFingerprintCapturesTest.class.getResource("/fixtures/tcpfp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObservationLog read(String name) throws IOException {
        return new ObservationLog(new TcpFingerprintDissector()).read(fixture(name));
    }

    @Test
    void beckhoffWindowsCeControllerAndWindowsXpClient() throws IOException {
        ObservationLog log = read("beckhoff-wince-syn-synack.pcap");
        String pc = "b8:ae:ed:7e:1b:4c/192.168.1.99", cx = "00:01:05:0d:75:60/192.168.1.8";
        assertThat(log.lines()).containsExactly(
                // 128|1|id|0x0002|65535|1460||2,1,1,4
                pc + " tcp.synSignature=4:128+0:0:1460:65535,0:mss,nop,nop,sok:df,id+:0",
                pc + " tcp.osPlatform=Windows @0.7",
                pc + " tcp.osVersion=XP-2003 @0.7",
                pc + " tcp.osLabel=Windows XP / Server 2003 @0.7",
                // 128|1|id|0x0012|33580|1460||2,1,1,4 (33580 = 23 x 1460); ground truth: Windows CE 6.00
                cx + " tcp.synAckSignature=4:128+0:0:1460:mss*23,0:mss,nop,nop,sok:df,id+:0",
                cx + " tcp.osPlatform=Windows CE @0.6",
                cx + " tcp.osVersion=6 @0.6",
                cx + " tcp.osLabel=Windows CE 6 @0.6");
    }

    @Test
    void siemensEt200sCpuAndWindows7EngineeringStation() throws IOException {
        ObservationLog log = read("s7-im151-windows-syn-synack.pcap");
        String plc = "00:1b:1b:23:eb:3b/192.168.1.40", pc = "90:e6:ba:84:5e:41/192.168.1.10";
        assertThat(log.lines()).containsExactly(
                // 30|0|id|0x0002|4096|1460||2 (sent 4 times: reported once)
                plc + " tcp.synSignature=4:30+2:0:1460:4096,0:mss::0",
                plc + " tcp.osPlatform=Siemens SIMATIC @0.7",
                plc + " tcp.osLabel=Siemens SIMATIC S7 PLC stack @0.7",
                // 128|1|id|0x0002|8192|1460|8|2,1,3,1,1,4
                pc + " tcp.synSignature=4:128+0:0:1460:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0",
                pc + " tcp.osPlatform=Windows @0.8",
                pc + " tcp.osVersion=7-8 @0.8",
                pc + " tcp.osLabel=Windows 7 / 8 / Server 2008 R2-2012 @0.8",
                // 30|0|id|0x0012|4096|1460||2: a new signature, the same verdict (not repeated)
                plc + " tcp.synAckSignature=4:30+2:0:1460:4096,0:mss::0");
    }

    @Test
    void withingsScaleMinimalStackAndAnUnknownServer() throws IOException {
        ObservationLog log = read("withings-ws30-syn-synack.pcap");
        String scale = "00:24:e4:24:80:2a/10.10.10.21";
        assertThat(log.lines()).containsExactly(
                // 255|0|id|0x0002|8400|1400||2 (8400 = 6 x 1400)
                scale + " tcp.synSignature=4:255+0:0:1400:mss*6,0:mss::0",
                scale + " tcp.osPlatform=Embedded @0.3",
                scale + " tcp.osLabel=minimal embedded stack (TTL 255, MSS option only; lwIP-like) @0.3",
                // 50|1|id0|0x0012|14600|1380||2 behind the lab gateway: no row matches, only the signature
                "00:b5:6d:06:08:ba/89.30.121.150 tcp.synAckSignature=4:50+14:0:1380:14600,0:mss:df:0");
    }

    @Test
    void dlinkHomeHubLinux26AndTheSetupPhone() throws IOException {
        ObservationLog log = read("dlink-dch-g020-syn-synack.pcap");
        String hub = "1c:5f:2b:aa:fd:4e/10.10.10.87", phone = "38:0b:40:ef:85:41/10.10.10.30";
        String gw = "00:b5:6d:06:08:ba/";
        assertThat(log.lines()).containsExactly(
                // 64|1|id|0x0002|5840|1460|1|2,4,8,1,3 (LSDK 10.x firmware: Linux 2.6.31)
                hub + " tcp.synSignature=4:64+0:0:1460:mss*4,1:mss,sok,ts,nop,ws:df,id+:0",
                hub + " tcp.osPlatform=Linux @0.8",
                hub + " tcp.osVersion=2.6 @0.8",
                hub + " tcp.osLabel=Linux 2.6 @0.8",
                // 29|1|id0|0x0012|14480|1380|8|2,4,8,1,3: TTL 29 guesses ittl 32, which no Linux row has
                gw + "54.244.232.183 tcp.synAckSignature=4:29+3:0:1380:14480,8:mss,sok,ts,nop,ws:df:0",
                // 64|1|id|0x0002|65535|1460|7|2,4,8,1,3
                phone + " tcp.synSignature=4:64+0:0:1460:65535,7:mss,sok,ts,nop,ws:df,id+:0",
                phone + " tcp.osPlatform=Android @0.6",
                phone + " tcp.osLabel=Android (Linux kernel, 65535-byte initial window) @0.6",
                // 64|1|id0|0x0012|5792|1460|1|2,4,8,1,3 (5792 = 4 x (1460 - 12)): same verdict, not repeated
                hub + " tcp.synAckSignature=4:64+0:0:1460:mss*4,1:mss,sok,ts,nop,ws:df:0",
                // 50|1|id0|0x0012|17898|1380|8|2,4,8,1,3 and 41|...: cloud servers behind the lab gateway
                gw + "52.58.68.165 tcp.synAckSignature=4:50+14:0:1380:17898,8:mss,sok,ts,nop,ws:df:0",
                gw + "52.26.98.232 tcp.synAckSignature=4:41+23:0:1380:17898,8:mss,sok,ts,nop,ws:df:0",
                // 50|1|id0|0x0012|2048|1380|3|2,1,1,4,1,3 and 51|...
                gw + "52.28.131.102 tcp.synAckSignature=4:50+14:0:1380:2048,3:mss,nop,nop,sok,nop,ws:df:0",
                gw + "52.28.131.102 tcp.synAckSignature=4:51+13:0:1380:2048,3:mss,nop,nop,sok,nop,ws:df:0",
                gw + "52.58.68.165 tcp.synAckSignature=4:51+13:0:1380:17898,8:mss,sok,ts,nop,ws:df:0",
                // 37|0|id|0x0012|5840|1380|8|2,3,1,4,1,1
                gw + "54.231.184.184 tcp.synAckSignature=4:37+27:0:1380:5840,8:mss,ws,nop,sok,nop,nop::0",
                gw + "52.58.227.57 tcp.synAckSignature=4:50+14:0:1380:17898,8:mss,sok,ts,nop,ws:df:0");
    }

    @Test
    void hueBridgeLinux314ClientAndServer() throws IOException {
        ObservationLog log = read("hue-bridge-syn-synack.pcap");
        String hue = "00:17:88:24:76:ff/10.10.10.6";
        // ground truth: SSDP/HTTP Server "Linux/3.14.0 UPnP/1.0 IpBridge/1.9.0"
        assertThat(log.lines()).contains(
                // 64|1|id|0x0002|29200|1460|3|2,4,8,1,3
                hue + " tcp.synSignature=4:64+0:0:1460:mss*20,3:mss,sok,ts,nop,ws:df,id+:0",
                hue + " tcp.osPlatform=Linux @0.8",
                hue + " tcp.osVersion=3.x-4.18 @0.8",
                hue + " tcp.osLabel=Linux 3.x-4.18 @0.8",
                // 64|1|id0|0x0012|28960|1460|3|2,4,8,1,3
                hue + " tcp.synAckSignature=4:64+0:0:1460:mss*20,3:mss,sok,ts,nop,ws:df:0",
                // 234|1|id|0x0012|4140|1380||2,1,1,8,4,0,0 (4140 = 3 x 1380)
                "00:b5:6d:06:08:ba/5.79.62.93 tcp.synAckSignature=4:234+21:0:1380:mss*3,0:mss,nop,nop,ts,sok,eol+1:df,id+:0",
                // 48|1|id0|0x0012|28960|1380|7|2,4,8,1,3 behind the lab gateway's MSS clamp
                "00:b5:6d:06:08:ba/130.211.93.93 tcp.synAckSignature=4:48+16:0:1380:28960,7:mss,sok,ts,nop,ws:df:0",
                "00:b5:6d:06:08:ba/130.211.93.93 tcp.osLabel=Linux 3.x-4.18 (MSS clamped on the path) @0.6");
        // 52 SYNs and 39 SYN-ACKs of the bridge bring one signature each
        assertThat(log.lines().stream().filter(l -> l.startsWith(hue)).count()).isEqualTo(5);
        assertThat(log.pipeline.dissectorFailures()).isEmpty();
    }
}
