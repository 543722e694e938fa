package io.osprey.dissect.lldp;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.lldp.LldpFrames.ascii;
import static io.osprey.dissect.lldp.LldpFrames.concat;
import static io.osprey.dissect.lldp.LldpFrames.lldp;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built LLDPDUs, one test per TLV row of IEEE 802.1AB-2016 §8.5 and ANSI/TIA-1057 §10.2. */
class LldpDissectorTest {
    private static final SyntheticFrame CLOCK = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1");
    private static final String H = LldpFrames.SOURCE_TEXT + " ";

    private static Observed feed(LldpFrames frame) {
        LldpDissector d = new LldpDissector();
        Observed o = new Observed(d).feed(CLOCK, frame.tlv(0).build());
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    /** The mandatory chassis ID, port ID and TTL TLVs (§8.2). */
    private static LldpFrames mandatory() {
        return lldp().tlv(1, 4, 0x00, 0x13, 0x21, 0x57, 0xca, 0x40).tlv(2, concat(new int[] {5}, ascii("eth0")))
                .tlv(3, 0, 120);
    }

    @Test
    void chassisIdAsMacAndPortIdAsInterfaceName() { // §8.5.2.2 Table 8-2 subtype 4, §8.5.3.2 Table 8-3 subtype 5
        assertThat(feed(mandatory()).facts()).containsExactlyInAnyOrder(
                H + "lldp.chassisId=00:13:21:57:ca:40", H + "lldp.chassisIdSubtype=mac-address",
                H + "lldp.portId=eth0", H + "lldp.portIdSubtype=interface-name");
    }

    @Test
    void networkAddressIdsCarryTheirAddressFamily() { // §8.5.2.3: IANA family octet, then the address
        Observed o = feed(lldp().tlv(1, 5, 1, 192, 168, 1, 20)
                .tlv(2, 4, 2, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(o.values(LldpAttributes.CHASSIS_ID)).containsExactly("192.168.1.20");
        assertThat(o.values(LldpAttributes.CHASSIS_ID_SUBTYPE)).containsExactly("network-address");
        assertThat(o.values(LldpAttributes.PORT_ID)).containsExactly("fe80::1");
    }

    @Test
    void textTlvsEscapeControlCharacters() { // §8.5.5-§8.5.7
        Observed o = feed(mandatory().tlv(4, "Port 1").tlv(5, "sw-lab").tlv(6, "Vendor OS 1.0\nbuild 7"));
        assertThat(o.values(LldpAttributes.PORT_DESCRIPTION)).containsExactly("Port 1");
        assertThat(o.values(LldpAttributes.SYSTEM_NAME)).containsExactly("sw-lab");
        assertThat(o.values(LldpAttributes.SYSTEM_DESCRIPTION)).containsExactly("Vendor OS 1.0\\010build 7");
    }

    @Test
    void everySystemCapabilityBitHasItsName() { // §8.5.8, Table 8-4
        Observed o = feed(mandatory().tlv(7, 0x07, 0xff, 0x00, 0x20));
        assertThat(o.values(LldpAttributes.CAPABILITIES)).containsExactly("other,repeater,bridge,wlan-ap,router,"
                + "telephone,docsis,station,c-vlan,s-vlan,two-port-mac-relay");
        assertThat(o.values(LldpAttributes.CAPABILITIES_ENABLED)).containsExactly("telephone");
    }

    @Test
    void managementAddressesOfEachFamily() { // §8.5.9
        Observed o = feed(mandatory()
                .tlv(8, 5, 1, 10, 1, 2, 3, 2, 0, 0, 0, 1, 0)
                .tlv(8, 17, 2, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x42, 2, 0, 0, 0, 1, 0)
                .tlv(8, 7, 6, 0x00, 0x01, 0x30, 0xf9, 0xad, 0xa0, 2, 0, 0, 0, 1, 0));
        assertThat(o.values(LldpAttributes.MANAGEMENT_ADDRESS))
                .containsExactlyInAnyOrder("10.1.2.3", "2001:db8::42", "00:01:30:f9:ad:a0");
    }

    @Test
    void lldpMedCapabilitiesClassPolicyAndInventory() { // TIA-1057 §10.2.2, §10.2.3, §10.2.6
        Observed o = feed(mandatory()
                .tlv(127, 0x00, 0x12, 0xbb, 1, 0x00, 0x33, 3)
                // voice, T=1, VLAN 100, priority 5, DSCP 46: 0b0_1_0_000001100100_101_101110
                .tlv(127, 0x00, 0x12, 0xbb, 2, 1, 0x40, 0xc9, 0x6e)
                .tlv(127, 0x00, 0x12, 0xbb, 2, 2, 0x80, 0x00, 0x00)
                .tlv(127, 0x00, 0x12, 0xbb, 2, 6, 0x00, 0x00, 0x00)
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 5}, ascii("rev B")))
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 6}, ascii("fw 2.1")))
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 7}, ascii("sip 9.4")))
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 8}, ascii("SN123")))
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 9}, ascii("Acme")))
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 10}, ascii("Phone 7")))
                .tlv(127, concat(new int[] {0x00, 0x12, 0xbb, 11}, ascii("A-1"))));
        assertThat(o.values(LldpAttributes.MED_CAPABILITIES))
                .containsExactly("capabilities,network-policy,extended-power-pd,inventory");
        assertThat(o.values(LldpAttributes.MED_DEVICE_CLASS)).containsExactly("endpoint-class-3");
        assertThat(o.values(LldpAttributes.MED_NETWORK_POLICY))
                .containsExactlyInAnyOrder("voice vlan=100", "voice-signaling unknown", "video-conferencing untagged");
        assertThat(o.values(LldpAttributes.MED_HARDWARE_REVISION)).containsExactly("rev B");
        assertThat(o.values(LldpAttributes.MED_FIRMWARE_REVISION)).containsExactly("fw 2.1");
        assertThat(o.values(LldpAttributes.MED_SOFTWARE_REVISION)).containsExactly("sip 9.4");
        assertThat(o.values(LldpAttributes.MED_SERIAL_NUMBER)).containsExactly("SN123");
        assertThat(o.values(LldpAttributes.MED_MANUFACTURER)).containsExactly("Acme");
        assertThat(o.values(LldpAttributes.MED_MODEL)).containsExactly("Phone 7");
        assertThat(o.values(LldpAttributes.MED_ASSET_ID)).containsExactly("A-1");
    }

    @Test
    void unknownOrganizationalTlvsAreSkippedAndParsingGoesOn() { // §8.6
        Observed o = feed(mandatory().tlv(127, 0x00, 0x12, 0x0f, 1, 3, 0x6c, 0x00, 0x00, 0x10)
                .tlv(127, 0x00, 0x80, 0xc2, 3, 1, 0xe8, 2, 'v', '2').tlv(5, "after"));
        assertThat(o.values(LldpAttributes.SYSTEM_NAME)).containsExactly("after");
    }

    @Test
    void nothingAfterEndOfLldpdu() { // §8.5.1
        Observed o = feed(mandatory().tlv(0).tlv(5, "ignored"));
        assertThat(o.values(LldpAttributes.SYSTEM_NAME)).isEmpty();
    }

    @Test
    void aTlvLongerThanTheFrameIsCountedNotRead() {
        LldpDissector d = new LldpDissector();
        byte[] frame = mandatory().bytes(5 << 1, 40).bytes(ascii("short")).build();
        Observed o = new Observed(d).feed(CLOCK, frame);
        assertThat(o.values(LldpAttributes.SYSTEM_NAME)).isEmpty();
        assertThat(o.values(LldpAttributes.CHASSIS_ID)).containsExactly("00:13:21:57:ca:40");
        assertThat(d.malformed()).isEqualTo(1);
    }

    @Test
    void repeatedAdvertisementsReportOnce() {
        LldpDissector d = new LldpDissector();
        Observed o = new Observed(d);
        for (int i = 0; i < 5; i++) o.feed(CLOCK, mandatory().tlv(5, "sw").tlv(0).build());
        o.feed(CLOCK, mandatory().tlv(5, "sw2").tlv(0).build());
        assertThat(o.attributes(LldpAttributes.SYSTEM_NAME)).hasSize(2);
        assertThat(o.attributes()).hasSize(6);
    }
}
