package io.osprey.dissect.tcpfp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;
import io.osprey.packet.decode.TcpView;

/**
 * Passive TCP fingerprints in the manner of p0f v3: the SYN a client sends and the SYN-ACK a server answers with
 * show its stack's defaults (initial TTL, window, MSS, window scale, the order of the options, header quirks).
 * For each host and each distinct signature it reports the signature once ({@link TcpFingerprintAttributes}), and,
 * when a row of {@link TcpSignatureDatabase} matches, that row's OS platform, version and label with the row's
 * confidence.
 *
 * <p>Per packet: two flag tests reject everything but SYNs; a SYN is read into a reused {@link SynSignature},
 * written into a reused buffer, and looked up by its 64-bit hash among what this host has already shown. Only a new
 * signature allocates (its observation and the database match's strings).
 */
public final class TcpFingerprintDissector implements Dissector {
    public static final String NAME = "tcpfp";
    /** Distinct signatures reported per host and direction (a host behind NAT or with several stacks shows a few). */
    public static final int MAX_SIGNATURES_PER_HOST = 8;
    /** Distinct OS values reported per host and attribute. */
    public static final int MAX_VERDICTS_PER_HOST = 4;

    private final TcpSignatureDatabase database;
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final SynSignature signature = new SynSignature();
    private final ValueBuffer value = new ValueBuffer();
    private long unreadable;

    public TcpFingerprintDissector() {
        this(TcpSignatureDatabase.standard());
    }

    public TcpFingerprintDissector(TcpSignatureDatabase database) {
        this.database = database;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public Interest interest() { return Interest.forAllPackets(); }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || (packet.tcpFlags() & TcpView.SYN) == 0) return;
        if (!signature.read(packet)) {
            unreadable++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo();
        long ts = packet.timestampNanos();
        String attribute = signature.synAck ? TcpFingerprintAttributes.SYN_ACK_SIGNATURE
                : TcpFingerprintAttributes.SYN_SIGNATURE;
        signature.appendTo(value.clear());
        if (!reported.attribute(sink, mac, hi, lo, attribute, value, MAX_SIGNATURES_PER_HOST,
                TcpFingerprintAttributes.MEASURED, ts)) {
            return;
        }
        TcpSignatureDatabase.Entry match = database.match(signature);
        if (match == null) return;
        verdict(sink, mac, hi, lo, TcpFingerprintAttributes.OS_PLATFORM, match.osPlatform(), match.confidence(), ts);
        verdict(sink, mac, hi, lo, TcpFingerprintAttributes.OS_VERSION, match.osVersion(), match.confidence(), ts);
        verdict(sink, mac, hi, lo, TcpFingerprintAttributes.OS_LABEL, match.label(), match.confidence(), ts);
    }

    private void verdict(ObservationSink sink, long mac, long hi, long lo, String attribute, String text,
                         double confidence, long ts) {
        if (text == null) return;
        reported.attribute(sink, mac, hi, lo, attribute, value.clear().append(text), MAX_VERDICTS_PER_HOST,
                confidence, ts);
    }

    /** SYNs skipped because their TCP header was cut short or they also carried RST or FIN. */
    public long unreadable() { return unreadable; }
}
