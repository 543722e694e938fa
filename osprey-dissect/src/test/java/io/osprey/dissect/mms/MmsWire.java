package io.osprey.dissect.mms;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.dns.Observed;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;

/**
 * Builds the IEC 61850 MMS stack by hand: BER elements (X.690), MMS PDUs (ISO 9506-2), the ACSE AARQ/AARE and
 * presentation CP/CPA of an association, session CN/AC and GT+DT SPDUs (X.225), COTP DT (X.224) and TPKT (RFC 1006).
 */
final class MmsWire {
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("02:00:00:00:00:0b", "10.0.0.11");
    static final SyntheticFrame IED = CLIENT.reply();
    static final String C = "02:00:00:00:00:0a/10.0.0.10 ";
    static final String S = "02:00:00:00:00:0b/10.0.0.11 ";
    static final int CLIENT_PORT = 49152;

    private MmsWire() {}

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    /** X.690 §8.1.3: short form below 128, else 0x81 or 0x82 and the length. */
    static byte[] length(int n) {
        if (n < 0x80) return bytes(n);
        if (n < 0x100) return bytes(0x81, n);
        return bytes(0x82, n >>> 8, n & 0xFF);
    }

    /** An element with identifier octets {@code tag} (one, or several for high tag numbers) and contents. */
    static byte[] tlv(int[] tag, byte[]... contents) {
        byte[] c = concat(contents);
        return concat(bytes(tag), length(c.length), c);
    }

    static byte[] tlv(int tag, byte[]... contents) {
        return tlv(new int[] {tag}, contents);
    }

    static byte[] visible(int tag, String s) {
        return tlv(tag, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] invokeId(int id) {
        return tlv(0x02, bytes(id));
    }

    /** Confirmed-RequestPDU [0] with an invokeID and the service element. */
    static byte[] request(int id, byte[] service) {
        return tlv(0xA0, invokeId(id), service);
    }

    static byte[] response(int id, byte[] service) {
        return tlv(0xA1, invokeId(id), service);
    }

    /** ObjectName domain-specific [1]: domainId and itemId Identifiers. */
    static byte[] domainName(String domain, String item) {
        return tlv(0xA1, visible(0x1A, domain), visible(0x1A, item));
    }

    /** Read-Request [4]: variableAccessSpecification listOfVariable of one named variable. */
    static byte[] readRequest(String domain, String item) {
        return tlv(0xA4, tlv(0xA1, tlv(0xA0, tlv(0x30, tlv(0xA0, domainName(domain, item))))));
    }

    /** Identify-Response [2]: vendorName [0], modelName [1], revision [2]. */
    static byte[] identifyResponse(String vendor, String model, String revision) {
        return tlv(0xA2, visible(0x80, vendor), visible(0x81, model), visible(0x82, revision));
    }

    /** Initiate-RequestPDU [8] with localDetailCalling and the detail (ISO 9506-2 §8.2). */
    static byte[] initiateRequest() {
        return tlv(0xA8, tlv(0x80, bytes(0, 0xFA, 0)), tlv(0x81, bytes(10)), tlv(0x82, bytes(10)),
                tlv(0x83, bytes(5)), tlv(0xA4, tlv(0x80, bytes(1)), tlv(0x81, bytes(5, 0xF1, 0))));
    }

    static byte[] initiateResponse() {
        return tlv(0xA9, tlv(0x80, bytes(0, 0x7D, 0)), tlv(0x81, bytes(10)), tlv(0x82, bytes(8)),
                tlv(0x83, bytes(5)), tlv(0xA4, tlv(0x80, bytes(1)), tlv(0x81, bytes(5, 0xF1, 0))));
    }

    /** RFC 1006 §6 TPKT around an X.224 §13.7 DT with EOT. */
    static byte[] tpktDt(byte[] userData, boolean eot) {
        byte[] cotp = concat(bytes(2, 0xF0, eot ? 0x80 : 0), userData);
        return concat(bytes(3, 0, (cotp.length + 4) >>> 8, (cotp.length + 4) & 0xFF), cotp);
    }

    /** An MMS PDU in GIVE TOKENS + DATA TRANSFER SPDUs and a fully-encoded presentation PDV of context 3. */
    static byte[] dt(byte[] mmsPdu) {
        byte[] pdv = tlv(0x61, tlv(0x30, tlv(0x02, bytes(3)), tlv(0xA0, mmsPdu)));
        return tpktDt(concat(bytes(0x01, 0x00, 0x01, 0x00), pdv), true);
    }

    /**
     * An MMS initiate PDU inside ACSE AARQ (connect) or AARE (accept), presentation CP/CPA normal-mode user data,
     * and a session CN (0x0D) or AC (0x0E) SPDU with connect/accept item, requirement and selectors.
     */
    static byte[] association(boolean connect, byte[] mmsPdu) {
        byte[] external = tlv(0x28, tlv(0x02, bytes(3)), tlv(0xA0, mmsPdu));
        byte[] acse = tlv(connect ? 0x60 : 0x61, tlv(0x80, bytes(7, 0x80)),
                tlv(0xA1, tlv(0x06, bytes(0x28, 0xCA, 0x22, 0x02, 0x03))), tlv(0xBE, external));
        byte[] userData = tlv(0x61, tlv(0x30, tlv(0x02, bytes(1)), tlv(0xA0, acse)));
        byte[] ppdu = tlv(0x31, tlv(0xA0, tlv(0x80, bytes(1))),
                tlv(0xA2, tlv(connect ? 0x81 : 0x83, bytes(0, 0, 0, 1)), userData));
        byte[] params = concat(bytes(0x05, 0x06, 0x13, 0x01, 0x00, 0x16, 0x01, 0x02, 0x14, 0x02, 0x00, 0x02,
                0x33, 0x02, 0x00, 0x01, 0x34, 0x02, 0x00, 0x01), sessionParameter(0xC1, ppdu));
        return tpktDt(concat(spduHeader(connect ? 0x0D : 0x0E, params.length), params), true);
    }

    /** X.225 §8.2.5: an LI of 0xFF and two octets when the length is 255 or more. */
    static byte[] spduHeader(int type, int length) {
        return length < 0xFF ? bytes(type, length) : bytes(type, 0xFF, length >>> 8, length & 0xFF);
    }

    static byte[] sessionParameter(int pi, byte[] value) {
        return concat(spduHeader(pi, value.length), value);
    }

    static byte[] fromClient(byte[] tcpPayload) {
        return CLIENT.tcp(CLIENT_PORT, MmsDissector.PORT, PSH | ACK, tcpPayload);
    }

    static byte[] fromIed(byte[] tcpPayload) {
        return IED.tcp(MmsDissector.PORT, CLIENT_PORT, PSH | ACK, tcpPayload);
    }

    static Observed exchange(byte[]... frames) {
        Observed o = new Observed(new MmsDissector());
        for (byte[] f : frames) o.feed(CLIENT, f);
        return o;
    }

    static DirectRun direct() {
        return new DirectRun(new MmsDissector());
    }

    static Path fixture(String name) {
        return Web.fixture("mms/" + name);
    }
}
