package io.osprey.dissect.cdp;

import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.lldp.LldpFrames;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static io.osprey.dissect.lldp.LldpFrames.ascii;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built CDP messages, one test per TLV type of the Cisco CDP specification. */
class CdpDissectorTest {
    private static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");

    /** An 802.3 frame to 01:00:0c:cc:cc:cc with LLC/SNAP (OUI 00-00-0C, protocol 0x2000) around a CDP message. */
    static byte[] frame(int oui, int protocolId, int version, int[]... tlvs) {
        ByteArrayOutputStream cdp = new ByteArrayOutputStream();
        cdp.writeBytes(new byte[] {(byte) version, (byte) 180, 0, 0});
        for (int[] t : tlvs) for (int b : t) cdp.write(b);
        byte[] body = cdp.toByteArray();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {0x01, 0x00, 0x0c, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc});
        f.writeBytes(LldpFrames.SOURCE);
        int length = 8 + body.length;
        f.write(length >>> 8);
        f.write(length);
        f.writeBytes(new byte[] {(byte) 0xaa, (byte) 0xaa, 3, (byte) (oui >>> 16), (byte) (oui >>> 8), (byte) oui,
                (byte) (protocolId >>> 8), (byte) protocolId});
        f.writeBytes(body);
        while (f.size() < 60) f.write(0); // Ethernet padding beyond the 802.3 length
        return f.toByteArray();
    }

    static int[] tlv(int type, int... value) {
        int[] t = new int[4 + value.length];
        t[0] = type >>> 8; t[1] = type & 0xff; t[2] = t.length >>> 8; t[3] = t.length & 0xff;
        System.arraycopy(value, 0, t, 4, value.length);
        return t;
    }

    static int[] tlv(int type, String text) {
        return tlv(type, ascii(text));
    }

    private static Observed feed(byte[] frame) {
        Observed o = new Observed(new CdpDissector()).feed(CLOCK, frame);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void identityTlvs() {
        Observed o = feed(frame(0x00000c, 0x2000, 2, tlv(0x0001, "SEP001122334455"), tlv(0x0003, "Port 1"),
                tlv(0x0005, "P003-08-8-00\n"), tlv(0x0006, "Cisco IP Phone 7960"), tlv(0x0009, "LAB"),
                tlv(0x0014, "phone1")));
        String h = LldpFrames.SOURCE_TEXT + " ";
        assertThat(o.facts()).containsExactlyInAnyOrder(h + "cdp.deviceId=SEP001122334455", h + "cdp.portId=Port 1",
                h + "cdp.softwareVersion=P003-08-8-00\\010", h + "cdp.platform=Cisco IP Phone 7960",
                h + "cdp.vtpDomain=LAB", h + "cdp.systemName=phone1");
    }

    @Test
    void addressesIpv4AndIpv6SkippingTheUnspecifiedOne() {
        int[] addresses = tlv(0x0002, 0, 0, 0, 3,
                1, 1, 0xcc, 0, 4, 10, 0, 0, 7,
                2, 8, 0xaa, 0xaa, 3, 0, 0, 0, 0x86, 0xdd, 0, 16, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9,
                1, 1, 0xcc, 0, 4, 0, 0, 0, 0);
        int[] management = tlv(0x0016, 0, 0, 0, 1, 1, 1, 0xcc, 0, 4, 10, 0, 0, 8);
        Observed o = feed(frame(0x00000c, 0x2000, 2, addresses, management));
        assertThat(o.values(CdpAttributes.ADDRESS)).containsExactlyInAnyOrder("10.0.0.7", "2001:db8::9");
        assertThat(o.values(CdpAttributes.MANAGEMENT_ADDRESS)).containsExactly("10.0.0.8");
    }

    @Test
    void capabilitiesVlansDuplexAndPower() {
        Observed o = feed(frame(0x00000c, 0x2000, 1, tlv(0x0004, 0, 0, 0x07, 0xff), tlv(0x000a, 0, 77),
                tlv(0x000b, 0), tlv(0x000e, 1, 0, 10), tlv(0x0010, 0x19, 0x00)));
        assertThat(o.values(CdpAttributes.CAPABILITIES)).containsExactly("router,bridge,source-route-bridge,switch,"
                + "host,igmp,repeater,phone,remote,cvta,two-port-mac-relay");
        assertThat(o.values(CdpAttributes.NATIVE_VLAN)).containsExactly("77");
        assertThat(o.values(CdpAttributes.DUPLEX)).containsExactly("half");
        assertThat(o.values(CdpAttributes.VOICE_VLAN)).containsExactly("10");
        assertThat(o.values(CdpAttributes.POWER_MILLIWATTS)).containsExactly("6400");
    }

    @Test
    void otherSnapProtocolsAndVersionsAreIgnored() {
        assertThat(feed(frame(0x00000c, 0x2004, 2, tlv(0x0001, "dtp"))).all).isEmpty();
        assertThat(feed(frame(0x00000d, 0x2000, 2, tlv(0x0001, "x"))).all).isEmpty();
        assertThat(feed(frame(0x00000c, 0x2000, 3, tlv(0x0001, "v3"))).all).isEmpty();
    }

    @Test
    void aTlvShorterThanItsHeaderStopsTheMessage() {
        CdpDissector d = new CdpDissector();
        Observed o = new Observed(d).feed(CLOCK, frame(0x00000c, 0x2000, 2, tlv(0x0001, "a"),
                new int[] {0, 6, 0, 2}, tlv(0x0006, "never")));
        assertThat(o.values(CdpAttributes.DEVICE_ID)).containsExactly("a");
        assertThat(o.values(CdpAttributes.PLATFORM)).isEmpty();
        assertThat(d.malformed()).isEqualTo(1);
    }

    @Test
    void paddingAfterThe8023LengthIsNotReadAsTlvs() {
        // 0x0001 length 5 "a" and then Ethernet padding of zeros: a zero TLV header would be malformed if read
        CdpDissector d = new CdpDissector();
        new Observed(d).feed(CLOCK, frame(0x00000c, 0x2000, 2, tlv(0x0001, "a")));
        assertThat(d.malformed()).isZero();
    }
}
