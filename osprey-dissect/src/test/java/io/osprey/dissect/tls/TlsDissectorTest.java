package io.osprey.dissect.tls;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static org.assertj.core.api.Assertions.assertThat;

class TlsDissectorTest {
    private static final SyntheticFrame CLIENT = Web.CLIENT;
    private static final SyntheticFrame SERVER = Web.SERVER;

    @Test
    void clientHelloFieldsAndFingerprintsLeaveGreaseOut() {
        Observed o = new Observed(new TlsDissector());
        o.feed(CLIENT, CLIENT.tcp(40000, 443, ACK, TlsTesting.record(1, TlsTesting.greasyClientHello())));
        assertThat(o.values(TlsAttributes.SNI)).containsExactly("example.com");
        assertThat(o.values(TlsAttributes.ALPN)).containsExactly("h2,http/1.1");
        assertThat(o.values(TlsAttributes.SUPPORTED_VERSIONS)).containsExactly("772,771");
        // JA3: version, ciphers, extensions, groups, point formats, GREASE removed everywhere
        assertThat(o.values(TlsAttributes.JA3)).containsExactly("771,4865-49199,0-16-10-11-13-43,29-23,0");
        // md5("771,4865-49199,0-16-10-11-13-43,29-23,0")
        assertThat(o.values(TlsAttributes.JA3_HASH)).containsExactly("5fd219db9d7e9b788c9b089bcbd91260");
        // JA4 by hand: t, "13" (highest supported_version 0x0304), d (SNI), 02 ciphers, 06 extensions (GREASE out,
        // SNI and ALPN counted), "h2"; b = sha256("1301,c02f")[:12];
        // c = sha256("000a,000b,000d,002b_0403,0804")[:12] (sorted, SNI and ALPN out, sigalgs in order)
        assertThat(o.values(TlsAttributes.JA4)).containsExactly("t13d0206h2_c1929292aa6b_fb71836bce29");
        assertThat(o.attributes()).allSatisfy(a -> assertThat(a.host().toString()).endsWith("10.0.0.1"));
    }

    @Test
    void aRepeatedClientHelloIsReportedOnce() {
        Observed o = new Observed(new TlsDissector());
        byte[] hello = TlsTesting.record(1, TlsTesting.greasyClientHello());
        o.feed(CLIENT, CLIENT.tcp(40000, 443, ACK, hello));
        int first = o.all.size();
        o.feed(CLIENT, CLIENT.tcp(40001, 443, ACK, hello));
        assertThat(first).isEqualTo(6);
        assertThat(o.all).hasSize(first);
    }

    @Test
    void alpnThatIsNotAlphanumericIsWrittenAsHexNibbles() {
        // JA4 spec: first ALPN 0xAB 0xCD -> "ad" (first nibble of the first octet, last nibble of the last)
        byte[] hello = TlsTesting.clientHello(0x0303, new int[] {0x002f},
                TlsTesting.ext(16, new byte[] {0, 3, 2, (byte) 0xab, (byte) 0xcd}));
        Observed o = new Observed(new TlsDissector());
        o.feed(CLIENT, CLIENT.tcp(40000, 443, ACK, TlsTesting.record(1, hello)));
        assertThat(o.values(TlsAttributes.JA4)).singleElement().asString().startsWith("t12i0101ad_")
                .endsWith("_000000000000");
    }

    @Test
    void tlsOnAnUnknownPortIsFoundByTheHeuristic() {
        TlsDissector d = new TlsDissector();
        io.osprey.dissect.Payload p = new io.osprey.dissect.Payload();
        io.osprey.dissect.FlowView noFlow = new io.osprey.dissect.FlowView();
        byte[] hello = TlsTesting.record(1, TlsTesting.greasyClientHello());
        assertThat(d.detect(p.wrap(hello, 0, hello.length), noFlow)).isTrue();
        byte[] http = Web.ascii("GET / HTTP/1.1\r\n\r\n");
        assertThat(d.detect(p.wrap(http, 0, http.length), noFlow)).isFalse();
        byte[] finished = hello.clone();
        finished[5] = 20; // a Finished, not a hello
        assertThat(d.detect(p.wrap(finished, 0, finished.length), noFlow)).isFalse();
        Observed o = new Observed(d);
        o.feed(CLIENT, CLIENT.tcp(40000, 50443, ACK, hello));
        assertThat(o.values(TlsAttributes.SNI)).containsExactly("example.com");
    }

    /**
     * TP-Link HS110 smart plug (IoT Sentinel, MIT): TLS 1.0 to a cloud on port 50443. Expected values from
     * tshark 4.0.17 ({@code -e tls.handshake.ja3 -e tls.handshake.ja3_full -e tls.handshake.ja3s_full
     * -e x509af.serialNumber ...}); JA4 from the published algorithm applied to tshark's cipher, extension and
     * signature-algorithm fields (no SNI: "i"; no ALPN: "00"; 46 ciphers, 4 extensions).
     */
    @Test
    void realCaptureWithACertificateSplitOverThreeSegments() {
        TlsDissector d = new TlsDissector();
        Observed o = new Observed(d).capture(Web.fixture("tls/tplink-hs110-tls.pcap"));
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        assertThat(d.malformed()).isZero();
        assertThat(o.facts()).containsExactlyInAnyOrder(
                "50:c7:bf:00:c7:03/10.10.10.20 tls.ja3=769,49172-49162-57-56-136-135-49167-49157-53-132-49171-49161-51-50-154-153-69-68-49166-49156-47-150-65-7-49169-49159-49164-49154-5-4-49170-49160-22-19-49165-49155-10-21-18-9-20-17-8-6-3-255,11-10-35-15,14-13-25-11-12-24-9-10-22-23-8-6-7-20-21-4-5-18-19-1-2-3-15-16-17,0-1-2",
                "50:c7:bf:00:c7:03/10.10.10.20 tls.ja3Hash=cc847787e1803cc91adeecfc721d1fc9",
                "50:c7:bf:00:c7:03/10.10.10.20 tls.ja4=t10i460400_234845559c90_282f11336259",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.serverVersion=769",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.serverCipher=49171",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.ja3s=769,49171,65281-11-35",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.ja3sHash=39f74f5618836d3c5f7dcccc9f67ba75",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.subjectCn=*.tplinkcloud.com",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.subjectO=TP-LINK TECHNOLOGIES CO., LTD.",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.issuerCn=Symantec Class 3 Secure Server CA - G4",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.issuerO=Symantec Corporation",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.serial=063b2a91fad0e9581984dde699f4a1c0",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.notBefore=2016-04-12T00:00:00Z",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.notAfter=2019-07-12T23:59:59Z",
                "00:b5:6d:06:08:ba/52.49.107.41 tls.cert.san=*.tplinkcloud.com,tplinkcloud.com");
        assertThat(o.services()).containsExactly("52.49.107.41 50443/tcp tls");
    }

    /** nDPI's android.pcap (LGPL, read in place, not copied): TLS 1.2 and 1.3 ClientHellos with SNI and ALPN. */
    @Test
    void sharedAndroidCapture() {
        Path file = Path.of("..", "..", "shared", "data", "pcaps", "ndpi", "android.pcap");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared pcaps absent: skipped");
        TlsDissector d = new TlsDissector();
        Observed o = new Observed(d).capture(file);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
        // tshark -Y tls.handshake.type==1 -e tls.handshake.extensions_server_name (sorted, unique)
        assertThat(o.values(TlsAttributes.SNI)).contains("accounts.google.com", "android.clients.google.com",
                "android.googleapis.com", "app-measurement.com", "clients1.google.com",
                "connectivitycheck.gstatic.com", "datasaver.googleapis.com", "play.googleapis.com",
                "proxy.googlezip.net", "semanticlocation-pa.googleapis.com", "www.google.com");
        assertThat(o.values(TlsAttributes.ALPN)).contains("h2,http/1.1", "http/1.1", "h2");
        assertThat(o.values(TlsAttributes.SUPPORTED_VERSIONS)).contains("772,771,770,769");
        // tshark -e tls.handshake.ja3
        assertThat(o.values(TlsAttributes.JA3_HASH)).contains("c60d01d600aacc2c04844595ce224279",
                "d8c87b9bfde38897979e41242626c2f3", "6ec2896feff5746955f700c0023f5804",
                "9c815150ea821166faecf80757d8826a", "66918128f1b9b03303d77c6f2eefd128",
                "554719594ba90b02ae410c297c6e50ad", "629b587f706aee60430ec3879c6edb66",
                "33490b1d5377580b19f7f9b5849d7991");
        // Chrome's TLS 1.3 hello (GREASE in ciphers, extensions, groups and versions) and the TLS 1.2 ones
        assertThat(o.values(TlsAttributes.JA4)).contains("t13d1615h2_46e7e9700bed_45f260be83e2",
                "t13d1615h2_46e7e9700bed_13c35ee53a8e", "t13d171100_5b57614c22b0_3f5d972527c0",
                "t13d171200_5b57614c22b0_931b75671d98", "t12d1409h1_c866b44c5a26_b39be8c56a14",
                "t12d140700_c866b44c5a26_036209cd1ead", "t13d1712h2_5b57614c22b0_3f5d972527c0");
    }

    @Test
    void everyTruncationOfRealHandshakePacketsIsHarmless() {
        List<byte[]> frames = DirectRun.frames(Web.fixture("tls/tplink-hs110-tls.pcap"));
        DirectRun run = new DirectRun(new TlsDissector());
        for (byte[] f : frames) for (int n = 0; n <= f.length; n++) run.dissect(Arrays.copyOf(f, n), n);
        byte[] hello = CLIENT.tcp(40000, 443, ACK, TlsTesting.record(1, TlsTesting.greasyClientHello()));
        for (int n = 0; n <= hello.length; n++) run.dissect(Arrays.copyOf(hello, n), n);
        assertThat(run.observations).isPositive();
    }

    @Test
    void malformedLengthsAreCountedNotThrown() {
        byte[] body = TlsTesting.greasyClientHello();
        TlsDissector d = new TlsDissector();
        DirectRun run = new DirectRun(d);
        for (int i = 34; i < body.length; i++) {
            byte[] bad = body.clone();
            bad[i] = (byte) 0xff;
            run.dissect(CLIENT.tcp(40000, 443, ACK, TlsTesting.record(1, bad)));
        }
        assertThat(d.malformed()).isPositive();
    }

    @Property(tries = 300)
    void randomPayloadsNeverThrow(@ForAll @Size(max = 600) byte[] payload, @ForAll boolean fromServer) {
        DirectRun run = new DirectRun(new TlsDissector());
        byte[] asRecord = payload.clone();
        if (asRecord.length > 5) {
            asRecord[0] = 22;
            asRecord[1] = 3;
        }
        for (byte[] p : List.of(payload, asRecord)) {
            run.dissect(fromServer ? SERVER.tcp(443, 40000, ACK, p) : CLIENT.tcp(40000, 443, ACK, p));
        }
    }
}
