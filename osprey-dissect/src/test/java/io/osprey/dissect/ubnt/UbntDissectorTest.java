package io.osprey.dissect.ubnt;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.ubnt.UbntWire.AP;
import static io.osprey.dissect.ubnt.UbntWire.CONTROLLER;
import static io.osprey.dissect.ubnt.UbntWire.D;
import static io.osprey.dissect.ubnt.UbntWire.reply;
import static io.osprey.dissect.ubnt.UbntWire.run;
import static io.osprey.dissect.ubnt.UbntWire.tlvs;
import static org.assertj.core.api.Assertions.assertThat;

/** Ubiquiti discovery: the version 1 request and reply, and the UniFi version 2 announcement of a real capture. */
class UbntDissectorTest {
    static final byte[] IP_INFO = {0x24, (byte) 0xa4, 0x3c, 1, 2, 3, (byte) 192, (byte) 168, 1, 20};

    @Test
    void version1ReplyDescribesTheDeviceAndProvesTheService() {
        byte[] v1 = tlvs().tlv(0x02, IP_INFO).tlv(0x01, new byte[] {0x24, (byte) 0xa4, 0x3c, 1, 2, 3})
                .tlv(0x0a, new byte[] {0, 0, 1, 0}).tlv(0x0b, "office-ap\0").tlv(0x0c, "U7PG2")
                .tlv(0x03, "BZ.qca956x.v4.3.28.11361.210129.1807").tlv(0x0d, "Office WiFi")
                .tlv(0x14, " UAP-AC-Pro-Gen2 ").tlv(0x10, new byte[] {(byte) 0xe5, 0x57}).packet(1, 0);
        Observed o = run(CONTROLLER.udp(45000, 10001, new byte[] {1, 0, 0, 0}), reply(v1));
        assertThat(o.facts()).containsExactly(
                D + "ubnt.essid=Office WiFi",
                D + "ubnt.firmware=BZ.qca956x.v4.3.28.11361.210129.1807",
                D + "ubnt.hostname=office-ap",
                D + "ubnt.modelFull=UAP-AC-Pro-Gen2",
                D + "ubnt.platform=U7PG2");
        assertThat(o.bindings()).containsExactly("24:a4:3c:01:02:03 192.168.1.20");
        assertThat(o.services()).containsExactly("192.168.1.20 10001/udp ubnt");
    }

    @Test
    void theRequestSaysNothingAboutItsSender() {
        Observed o = run(CONTROLLER.udp(45000, 10001, new byte[] {1, 0, 0, 0}));
        assertThat(o.all).isEmpty();
    }

    @Test
    void aTruncatedTlvEndsTheReadingButKeepsWhatCameBefore() {
        byte[] p = tlvs().tlv(0x0b, "host").tlv(0x0c, "UGW3").packet(2, 6);
        byte[] cut = java.util.Arrays.copyOf(p, p.length - 2);
        Observed o = run(reply(cut));
        assertThat(o.facts()).containsExactly(D + "ubnt.hostname=host");
    }

    @Test
    void otherVersionsAreCountedNotRead() {
        UbntDissector d = new UbntDissector();
        Observed o = new Observed(d);
        o.feed(AP, reply(tlvs().tlv(0x0b, "x").packet(3, 6)));
        o.feed(AP, reply(new byte[] {2}));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.notUbnt()).isEqualTo(2);
    }

    @Test
    void controlCharactersAreEscapedAndLongValuesCut() {
        Observed o = run(reply(tlvs().tlv(0x0b, "a\u001bb").tlv(0x03, "v".repeat(300)).packet(2, 6)));
        assertThat(o.values(UbntAttributes.HOSTNAME)).containsExactly("a\\027b");
        assertThat(o.values(UbntAttributes.FIRMWARE)).containsExactly("v".repeat(UbntDissector.MAX_VALUE_LENGTH));
    }

    @Test
    void unifiSecurityGatewayCaptureMatchesTshark() {
        // tshark -d udp.port==10001,ubdp -V: MAC and IP Address 80:2a:a8:8d:69:2b 192.168.2.21 and
        // 80:2a:a8:8d:69:2c 192.168.1.1, Hostname ubnt, Product (0x0c) UGW3, Firmware Detailed (0x03),
        // Firmware (0x16) 4.3.33.4936086, Model (0x15) UGW3; tshark appends its own name for UGW3 to the last two
        Observed o = new Observed(new UbntDissector()).capture(UbntWire.fixture("unifi-security-gateway-announcements.pcap"));
        String g = "80:2a:a8:8d:69:2c/192.168.1.1 ";
        assertThat(o.facts()).containsExactly(
                g + "ubnt.firmware=UniFiSecurityGateway.ER-e120.v4.3.33.4936086.161203.2031",
                g + "ubnt.firmwareVersion=4.3.33.4936086",
                g + "ubnt.hostname=ubnt",
                g + "ubnt.model=UGW3",
                g + "ubnt.platform=UGW3");
        assertThat(o.bindings()).containsExactly("80:2a:a8:8d:69:2b 192.168.2.21", "80:2a:a8:8d:69:2c 192.168.1.1");
        assertThat(o.services()).as("announcements come from ephemeral ports").isEmpty();
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }
}
