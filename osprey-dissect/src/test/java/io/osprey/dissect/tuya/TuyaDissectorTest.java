package io.osprey.dissect.tuya;

import io.osprey.dissect.dns.Observed;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.osprey.dissect.tuya.TuyaFrames.P;
import static io.osprey.dissect.tuya.TuyaFrames.PLUG;
import static io.osprey.dissect.tuya.TuyaFrames.V31_JSON;
import static io.osprey.dissect.tuya.TuyaFrames.V33_JSON;
import static io.osprey.dissect.tuya.TuyaFrames.broadcast;
import static io.osprey.dissect.tuya.TuyaFrames.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Tuya discovery broadcasts of protocols 3.1, 3.3 and 3.5. */
class TuyaDissectorTest {

    @Test
    void protocol31BroadcastIsPlainJsonOnPort6666() {
        Observed o = run(broadcast(6666, TuyaFrames.plain(V31_JSON)));
        assertThat(o.facts()).containsExactly(
                P + "tuya.gwId=01200885ecfabc8f4c92",
                P + "tuya.ip=192.168.1.50",
                P + "tuya.productKey=GYW4bTIlUfwakBxX",
                P + "tuya.version=3.1");
        assertThat(o.bindings()).containsExactly("d8:1f:12:34:56:78 192.168.1.50");
    }

    @Test
    void protocol33BroadcastIsDecryptedWithTheSharedUdpKey() {
        Observed o = run(broadcast(6667, TuyaFrames.encrypted(V33_JSON)));
        assertThat(o.facts()).containsExactly(
                P + "tuya.gwId=bf3a5e0c7e8f1d2a4bq1xz",
                P + "tuya.ip=192.168.1.50",
                P + "tuya.productKey=keyjup78v54myhan",
                P + "tuya.version=3.3");
    }

    @Test
    void aVersionHeaderBeforeTheCiphertextIsSkipped() {
        // "3.3" and 12 octets of CRC, sequence and source precede the ciphertext in some 3.3 frames
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes("3.3".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes(new byte[12]);
        p.writeBytes(TuyaFrames.aes(V33_JSON, "yGAdlopoPVldABfn"));
        Observed o = run(broadcast(6667, TuyaFrames.frame(TuyaFrames.CMD_UDP_NEW, p.toByteArray())));
        assertThat(o.values(TuyaAttributes.DEVICE_ID)).containsExactly("bf3a5e0c7e8f1d2a4bq1xz");
    }

    @Test
    void aRepeatedBroadcastIsReadOnce() {
        TuyaDissector d = new TuyaDissector();
        Observed o = new Observed(d);
        byte[] f = broadcast(6667, TuyaFrames.encrypted(V33_JSON));
        for (int i = 0; i < 10; i++) o.feed(PLUG, f);
        assertThat(o.attributes()).hasSize(4);
        assertThat(o.bindings()).hasSize(1);
    }

    @Test
    void protocol35FramesGiveOnlyTheirVersion() {
        // 0x00006699 prefix: AES-GCM under a key this dissector does not use
        byte[] v35 = {0, 0, 0x66, (byte) 0x99, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x13, 0, 0, 0, 0x20, 1, 2, 3, 4};
        Observed o = run(broadcast(7000, v35));
        assertThat(o.facts()).containsExactly(P + "tuya.version=3.5");
        assertThat(o.attributes().getFirst().confidence()).isEqualTo(TuyaAttributes.INFERRED);
    }

    @Test
    void badFramingAndForeignKeysAreCountedNotReported() {
        TuyaDissector d = new TuyaDissector();
        Observed o = new Observed(d);
        byte[] badSuffix = TuyaFrames.plain(V31_JSON);
        badSuffix[badSuffix.length - 1] = 0;
        byte[] badLength = TuyaFrames.plain(V31_JSON);
        badLength[15] = (byte) 0xff;
        o.feed(PLUG, broadcast(6666, badSuffix));
        o.feed(PLUG, broadcast(6666, badLength));
        o.feed(PLUG, broadcast(6666, "{\"not\":\"framed\"}".getBytes(StandardCharsets.US_ASCII)));
        o.feed(PLUG, broadcast(6667, TuyaFrames.frame(0x13, TuyaFrames.aes(V33_JSON, "another key"))));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.notTuya()).isEqualTo(3);
        assertThat(d.undecrypted()).isEqualTo(1);
    }

    @Test
    void anIpThatIsNoAddressGivesNoBinding() {
        Observed o = run(broadcast(6666, TuyaFrames.plain("{\"ip\":\"300.1.1.1\",\"gwId\":\"x\"}")));
        assertThat(o.values(TuyaAttributes.IP)).containsExactly("300.1.1.1");
        assertThat(o.bindings()).isEmpty();
    }
}
