package io.osprey.dissect.snmp;

import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built SNMP messages (BER, X.690), one test per rule of RFC 1157, RFC 3416 and RFC 3414. */
class SnmpDissectorTest {
    static final SyntheticFrame MANAGER = SyntheticFrame.from("02:00:00:00:00:01", "10.0.0.1")
            .to("02:00:00:00:00:02", "10.0.0.2");
    static final String AGENT = "02:00:00:00:00:02/10.0.0.2 ", MGR = "02:00:00:00:00:01/10.0.0.1 ";

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) body.writeBytes(p);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = body.size();
        if (n < 128) out.write(n);
        else { out.write(0x82); out.write(n >>> 8); out.write(n); }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] bytes(int... b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) r[i] = (byte) b[i];
        return r;
    }

    static byte[] integer(int v) { return tlv(0x02, bytes(v)); }
    static byte[] octets(String s) { return tlv(0x04, s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); }
    static byte[] sysOid(int x) { return tlv(0x06, bytes(0x2b, 6, 1, 2, 1, 1, x, 0)); }

    static byte[] message(int version, String community, int pduTag, byte[]... varbinds) {
        byte[] list = tlv(0x30, varbinds);
        byte[] pdu = tlv(pduTag, integer(7), integer(0), integer(0), list);
        return tlv(0x30, integer(version), octets(community), pdu);
    }

    static Observed feed(byte[]... frames) {
        Observed o = new Observed(new SnmpDissector());
        for (byte[] f : frames) o.feed(MANAGER, f);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        return o;
    }

    @Test
    void getResponseSystemGroup() { // RFC 3416 §4.2.1, RFC 3418 system group
        byte[] response = message(1, "s3cret!", 0xa2,
                tlv(0x30, sysOid(1), octets("Acme PLC v2\r\n")),
                tlv(0x30, sysOid(2), tlv(0x06, bytes(0x2b, 6, 1, 4, 1, 0x82, 0x37, 1, 0x8f, 0xff, 0xff, 0xff, 0x7f))),
                tlv(0x30, sysOid(5), octets("plc-7\0")),
                tlv(0x30, sysOid(6), octets("Hall 3")),
                tlv(0x30, sysOid(4), octets("admin@example.com")));
        Observed o = feed(MANAGER.reply().udp(161, 40000, response));
        assertThat(o.facts()).containsExactlyInAnyOrder(
                AGENT + "snmp.version=2c", MGR + "snmp.version=2c",
                AGENT + "snmp.communityInUse=other", MGR + "snmp.communityInUse=other",
                AGENT + "snmp.sysDescr=Acme PLC v2\\013\\010", AGENT + "snmp.sysObjectID=1.3.6.1.4.1.311.1.4294967295",
                AGENT + "snmp.sysName=plc-7", AGENT + "snmp.sysLocation=Hall 3");
        assertThat(o.services()).containsExactly("10.0.0.2 161/udp snmp");
        assertThat(o.all).noneMatch(x -> x.toString().contains("s3cret"));
    }

    @Test
    void requestsNameTheCommunityClassButNoSystemValues() { // RFC 1157 §4.1.2
        Observed o = feed(MANAGER.udp(40000, 161, message(0, "private", 0xa0, tlv(0x30, sysOid(5), tlv(0x05)))),
                MANAGER.udp(40001, 161, message(0, "", 0xa3, tlv(0x30, sysOid(5), octets("set-by-manager")))));
        assertThat(o.facts()).containsExactlyInAnyOrder(AGENT + "snmp.version=1", MGR + "snmp.version=1",
                AGENT + "snmp.communityInUse=default-private", MGR + "snmp.communityInUse=default-private",
                AGENT + "snmp.communityInUse=empty", MGR + "snmp.communityInUse=empty");
        assertThat(o.services()).isEmpty();
    }

    @Test
    void v1TrapVarbindsAreAboutTheSender() { // RFC 1157 §4.1.6
        byte[] pdu = tlv(0xa4, tlv(0x06, bytes(0x2b, 6, 1, 4, 1, 9)), tlv(0x40, bytes(10, 0, 0, 1)), integer(6),
                integer(1), tlv(0x43, bytes(1)), tlv(0x30, tlv(0x30, sysOid(5), octets("trapper"))));
        byte[] trap = tlv(0x30, integer(0), octets("public"), pdu);
        Observed o = feed(MANAGER.udp(40000, 162, trap));
        assertThat(o.values(SnmpAttributes.SYS_NAME)).containsExactly("trapper");
        assertThat(o.attributes(SnmpAttributes.SYS_NAME).getFirst().host().toString()).isEqualTo(MGR.trim());
    }

    @Test
    void v3EngineIdAndEnterprise() { // RFC 3412 §6, RFC 3414 §2.4, RFC 3411 §5
        byte[] usm = tlv(0x30, tlv(0x04, bytes(0x80, 0, 0x1f, 0x88, 0x80, 0x12, 0x34)), integer(1), integer(2),
                octets("user"), octets(""), octets(""));
        byte[] v3 = tlv(0x30, integer(3), tlv(0x30, integer(1), integer(1500), tlv(0x04, bytes(4)), integer(3)),
                tlv(0x04, usm), tlv(0x30, octets(""), octets(""), tlv(0xa0, integer(1), integer(0), integer(0),
                        tlv(0x30))));
        Observed o = feed(MANAGER.udp(40000, 161, v3));
        assertThat(o.facts()).containsExactlyInAnyOrder(AGENT + "snmp.version=3", MGR + "snmp.version=3",
                AGENT + "snmp.engineId=80001f88801234", AGENT + "snmp.engineEnterprise=8072");
    }

    @Test
    void indefiniteLengthAndOversizedLengthsAreRefused() { // X.690 §8.1.3.6; RFC 3417 §8 forbids indefinite form
        SnmpDissector d = new SnmpDissector();
        Observed o = new Observed(d);
        o.feed(MANAGER, MANAGER.udp(40000, 161, bytes(0x30, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00)));
        o.feed(MANAGER, MANAGER.udp(40000, 161, bytes(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00)));
        o.feed(MANAGER, MANAGER.udp(40000, 161, bytes(0x30, 0x10, 0x02, 0x01, 0x00)));
        assertThat(o.all).isEmpty();
        assertThat(d.malformed()).isEqualTo(3);
    }
}
