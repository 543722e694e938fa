package io.osprey.dissect.tls;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;

/**
 * The plaintext start of a TLS handshake over TCP (RFC 8446, RFC 5246), on the usual TLS ports and on any port
 * whose first payload is a handshake record holding a ClientHello or ServerHello. Reports:
 * <ul>
 *   <li>from the ClientHello, about the client: {@value TlsAttributes#SNI}, {@value TlsAttributes#ALPN},
 *   {@value TlsAttributes#SUPPORTED_VERSIONS}, {@value TlsAttributes#JA3} with {@value TlsAttributes#JA3_HASH}
 *   and {@value TlsAttributes#JA4};</li>
 *   <li>from the ServerHello, about the server: the chosen version and cipher, JA3S, and a "tls"
 *   {@link Observation.Service};</li>
 *   <li>from a TLS ≤ 1.2 Certificate message, about the server: the leaf certificate's subject and issuer CN
 *   and O, serial, validity and subjectAltNames (TLS 1.3 encrypts the Certificate, RFC 8446 §4.4.2).</li>
 * </ul>
 * Messages split over segments are reassembled for {@link #MAX_STREAMS} connection directions at a time, within
 * the first {@link HandshakeStream#MAX_STREAM_BYTES} octets of each and the first {@link #PAYLOAD_PACKETS}
 * packets of the flow. Only in-order segments are joined. DTLS and QUIC are not read.
 */
public final class TlsDissector implements Dissector {
    public static final String NAME = "tls";
    /**
     * HTTPS 443 and its alternate 8443, IMAPS 993, POP3S 995, SMTPS 465, LDAPS 636, DNS over TLS 853 (RFC 7858),
     * SIPS 5061, MQTT over TLS 8883.
     */
    public static final int[] PORTS = {443, 8443, 993, 995, 465, 636, 853, 5061, 8883};
    /** A server's flight (ServerHello, Certificate, ...) spans a few full-size segments after the handshake. */
    public static final int PAYLOAD_PACKETS = 16;
    /** Connection directions reassembled at once; each holds about 48 KB of buffers. */
    public static final int MAX_STREAMS = 16;
    /** Distinct values of an attribute per host: a browser would report without end. */
    public static final int MAX_SNI_PER_CLIENT = 64;
    public static final int MAX_FINGERPRINTS_PER_HOST = 16;
    public static final int MAX_CERT_VALUES_PER_HOST = 16;
    static final int HANDSHAKE_CERTIFICATE = 11;
    static final int HANDSHAKE_SERVER_HELLO_DONE = 14;
    static final int TLS_1_3 = 0x0304;
    /** Octets of the SNI kept: a DNS name has at most 253 (RFC 1035 §2.3.4). */
    static final int MAX_NAME_LENGTH = 253;

    private final HandshakeStream[] streams = new HandshakeStream[MAX_STREAMS];
    /** Used for packets in no flow (called outside a pipeline): reset for each packet. */
    private final HandshakeStream loose = new HandshakeStream();
    private int nextVictim;
    private final Hello hello = new Hello();
    private final LeafCertificate certificate = new LeafCertificate();
    private final Fingerprints fingerprints = new Fingerprints();
    private final ValueBuffer value = new ValueBuffer();
    private final ValueBuffer hash = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);

    private long malformed;
    private long oversized;

    public TlsDissector() {
        for (int i = 0; i < MAX_STREAMS; i++) streams[i] = new HandshakeStream();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORTS).andHeuristic().withPayloadPackets(PAYLOAD_PACKETS);
    }

    /** A handshake record (type 22, version 3.0–3.4) starting with a ClientHello or ServerHello. */
    @Override
    public boolean detect(Payload payload, FlowView flow) {
        if (flow.exists() && flow.protocol() != IpProtocols.TCP) return false;
        int handshakeType = payload.u8(HandshakeStream.RECORD_HEADER);
        return startsRecord(payload)
                && (handshakeType == Hello.TYPE_CLIENT_HELLO || handshakeType == Hello.TYPE_SERVER_HELLO);
    }

    private static boolean startsRecord(Payload payload) {
        return payload.u8(0) == HandshakeStream.CONTENT_HANDSHAKE && payload.u8(1) == 3 && payload.u8(2) >= 0
                && payload.u8(2) <= 4;
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        HandshakeStream stream;
        long seq;
        if (flow.exists()) {
            seq = packet.tcp().seq();
            stream = find(flow);
            if (stream == null) {
                if (!startsRecord(payload)) return;
                stream = claim();
                stream.start(flow.id(), flow.firstSeen(), flow.fromClient(), seq);
            }
        } else {
            if (!startsRecord(payload)) return;
            seq = -1;
            stream = loose;
            stream.start(-1, 0, true, 0);
        }
        if (stream.ended()) return;
        stream.add(packet.data(), packet.payloadOffset(), payload.length(), seq);
        byte[] b = stream.messageBuffer();
        for (int at = stream.nextMessage(); at >= 0; at = stream.nextMessage()) {
            int type = b[at] & 0xff;
            int length = (b[at + 1] & 0xff) << 16 | HandshakeStream.u16(b, at + 2);
            message(type, b, at + HandshakeStream.MESSAGE_HEADER, length, stream, packet, sink);
        }
        if (stream.ended() && stream != loose) stream.release();
    }

    /** ClientHellos, ServerHellos and Certificates with a body that is not what the RFCs allow. */
    public long malformed() { return malformed; }

    /** Hellos with lists longer than the limits, not fingerprinted. */
    public long oversized() { return oversized; }

    private HandshakeStream find(FlowView flow) {
        for (HandshakeStream s : streams) {
            if (s.flow == flow.id() && s.firstSeen == flow.firstSeen() && s.fromClient == flow.fromClient()) return s;
        }
        return null;
    }

    /** A free stream, else the one claimed longest ago. */
    private HandshakeStream claim() {
        for (HandshakeStream s : streams) if (s.flow < 0) return s;
        HandshakeStream s = streams[nextVictim];
        nextVictim = (nextVictim + 1) % MAX_STREAMS;
        return s;
    }

    private void message(int type, byte[] b, int at, int length, HandshakeStream stream, Packet packet,
                         ObservationSink sink) {
        switch (type) {
            case Hello.TYPE_CLIENT_HELLO -> {
                stream.end(); // the rest of the client's flight says nothing new
                if (hello.readClientHello(b, at, length)) clientHello(b, packet, sink);
                else malformed++;
            }
            case Hello.TYPE_SERVER_HELLO -> {
                if (hello.readServerHello(b, at, length)) serverHello(packet, stream, sink);
                else {
                    malformed++;
                    stream.end();
                }
            }
            case HANDSHAKE_CERTIFICATE -> {
                stream.end();
                certificate(b, at, length, packet, sink);
            }
            case HANDSHAKE_SERVER_HELLO_DONE -> stream.end();
            default -> { }
        }
    }

    private void clientHello(byte[] b, Packet packet, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (hello.sniStart >= 0) {
            value.clear();
            for (int i = 0; i < Math.min(hello.sniLength, MAX_NAME_LENGTH); i++) value.appendText(b[hello.sniStart + i] & 0xff);
            reported.attribute(sink, mac, hi, lo, TlsAttributes.SNI, value, MAX_SNI_PER_CLIENT, TlsAttributes.STATED, ts);
        }
        if (hello.alpnStart >= 0) {
            // ProtocolNameList: ProtocolName protocol_name_list<2..2^16-1>, ProtocolName<1..2^8-1> (RFC 7301 §3.1)
            value.clear();
            int p = hello.alpnStart, end = hello.alpnStart + hello.alpnLength;
            while (p < end) {
                int n = b[p] & 0xff;
                if (n > end - p - 1) break;
                if (!value.isEmpty()) value.append(',');
                for (int i = 1; i <= n; i++) value.appendText(b[p + i] & 0xff);
                p += 1 + n;
            }
            reported.attribute(sink, mac, hi, lo, TlsAttributes.ALPN, value, MAX_FINGERPRINTS_PER_HOST,
                    TlsAttributes.STATED, ts);
        }
        if (hello.versionCount > 0) {
            value.clear();
            for (int i = 0; i < hello.versionCount; i++) {
                if (Hello.isGrease(hello.versions[i])) continue;
                if (!value.isEmpty()) value.append(',');
                value.appendDecimal(hello.versions[i]);
            }
            reported.attribute(sink, mac, hi, lo, TlsAttributes.SUPPORTED_VERSIONS, value, MAX_FINGERPRINTS_PER_HOST,
                    TlsAttributes.STATED, ts);
        }
        if (hello.oversized) {
            oversized++;
            return;
        }
        Fingerprints.ja3(hello, value);
        if (value.length() < ValueBuffer.CAPACITY && reported.attribute(sink, mac, hi, lo, TlsAttributes.JA3, value,
                MAX_FINGERPRINTS_PER_HOST, TlsAttributes.STATED, ts)) {
            fingerprints.md5Hex(value.text(), hash);
            reported.attribute(sink, mac, hi, lo, TlsAttributes.JA3_HASH, hash, MAX_FINGERPRINTS_PER_HOST,
                    TlsAttributes.STATED, ts);
        }
        fingerprints.ja4(hello, b, value);
        reported.attribute(sink, mac, hi, lo, TlsAttributes.JA4, value, MAX_FINGERPRINTS_PER_HOST,
                TlsAttributes.STATED, ts);
    }

    private void serverHello(Packet packet, HandshakeStream stream, ObservationSink sink) {
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, NAME, ts);
        int version = hello.selectedVersion >= 0 ? hello.selectedVersion : hello.legacyVersion;
        if (version == TLS_1_3) stream.end(); // all that follows is encrypted (RFC 8446 §2)
        reported.attribute(sink, mac, hi, lo, TlsAttributes.SERVER_VERSION, value.clear().appendDecimal(version),
                MAX_FINGERPRINTS_PER_HOST, TlsAttributes.STATED, ts);
        reported.attribute(sink, mac, hi, lo, TlsAttributes.SERVER_CIPHER, value.clear().appendDecimal(hello.cipher),
                MAX_FINGERPRINTS_PER_HOST, TlsAttributes.STATED, ts);
        if (hello.oversized) {
            oversized++;
            return;
        }
        Fingerprints.ja3s(hello, value);
        if (value.length() < ValueBuffer.CAPACITY && reported.attribute(sink, mac, hi, lo, TlsAttributes.JA3S, value,
                MAX_FINGERPRINTS_PER_HOST, TlsAttributes.STATED, ts)) {
            fingerprints.md5Hex(value.text(), hash);
            reported.attribute(sink, mac, hi, lo, TlsAttributes.JA3S_HASH, hash, MAX_FINGERPRINTS_PER_HOST,
                    TlsAttributes.STATED, ts);
        }
    }

    /** Certificate (RFC 5246 §7.4.2): certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>; the first is the leaf. */
    private void certificate(byte[] b, int at, int length, Packet packet, ObservationSink sink) {
        if (length < 6) {
            malformed++;
            return;
        }
        int listLength = (b[at] & 0xff) << 16 | HandshakeStream.u16(b, at + 1);
        int certLength = (b[at + 3] & 0xff) << 16 | HandshakeStream.u16(b, at + 4);
        if (listLength > length - 3 || certLength > listLength - 3
                || !certificate.read(b, at + 6, at + 6 + certLength)) {
            malformed++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        certificate.appendText(certificate.subjectCn, value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_SUBJECT_CN, ts);
        certificate.appendText(certificate.subjectO, value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_SUBJECT_O, ts);
        certificate.appendText(certificate.issuerCn, value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_ISSUER_CN, ts);
        certificate.appendText(certificate.issuerO, value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_ISSUER_O, ts);
        certificate.appendSerial(value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_SERIAL, ts);
        certificate.appendNotBefore(value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_NOT_BEFORE, ts);
        certificate.appendNotAfter(value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_NOT_AFTER, ts);
        certificate.appendSubjectAltNames(value.clear());
        report(sink, mac, hi, lo, TlsAttributes.CERT_SAN, ts);
    }

    private void report(ObservationSink sink, long mac, long hi, long lo, String attribute, long ts) {
        reported.attribute(sink, mac, hi, lo, attribute, value, MAX_CERT_VALUES_PER_HOST, TlsAttributes.STATED, ts);
    }
}
