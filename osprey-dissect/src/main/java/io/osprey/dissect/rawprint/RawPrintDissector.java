package io.osprey.dissect.rawprint;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.Packet;

/**
 * Raw printing on TCP 9100 ("JetDirect", AppSocket): a client streams a job, often wrapped in PJL (HP Printer Job
 * Language), and may ask the printer about itself with "@PJL INFO ..." commands, whose answers come back on the
 * same connection.
 * <ul>
 *   <li>A client payload that starts like a print job (the PJL Universal Exit Language "ESC %-12345X", "@PJL",
 *   PostScript "%!", a PCL reset "ESC E") shows that the receiver is a "jetdirect"
 *   {@link Observation.Service}; "@PJL ENTER LANGUAGE = x" names a language it takes.</li>
 *   <li>A printer payload echoing "@PJL INFO ID" followed by a line is its model: {@value RawPrintAttributes#PJL_ID}.</li>
 * </ul>
 * Job contents (names, user names in "@PJL JOB" / "@PJL SET USERNAME") are never reported.
 */
public final class RawPrintDissector implements Dissector {
    public static final String NAME = "rawprint";
    public static final String PROTOCOL = "jetdirect";
    /** HP's first raw port; 9101 and 9102 serve the second and third parallel port of external print servers. */
    public static final int[] PORTS = {9100, 9101, 9102};
    /** Status queries and the start of a job come in the first packets; the rest is the job itself. */
    public static final int PAYLOAD_PACKETS = 16;
    /** Octets of a payload searched for PJL commands and answers. */
    public static final int MAX_SCAN_BYTES = 4096;
    /** Octets of a value kept. */
    public static final int MAX_VALUE_LENGTH = 128;
    public static final int MAX_VALUES_PER_HOST = 8;
    /** PJL Technical Reference: the Universal Exit Language command that starts a PJL job. */
    static final String UEL = "\u001b%-12345X";
    static final String INFO_ID = "@PJL INFO ID";
    static final String ENTER_LANGUAGE = "@PJL ENTER LANGUAGE";

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORTS).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        long ts = packet.timestampNanos();
        boolean fromServer = flow.exists() ? !flow.fromClient() : isPort(packet.srcPort()) && !isPort(packet.dstPort());
        if (fromServer) {
            printerAnswer(packet, payload, ts, sink);
        } else if (looksLikeJob(payload)) {
            reported.service(sink, packet.dstMac(), packet.dstIpHi(), packet.dstIpLo(), packet.dstPort(),
                    Observation.Transport.TCP, PROTOCOL, ts);
            int at = find(payload, ENTER_LANGUAGE, 0);
            if (at >= 0) enterLanguage(packet, payload, at + ENTER_LANGUAGE.length(), ts, sink);
        }
    }

    private static boolean isPort(int port) {
        for (int p : PORTS) if (p == port) return true;
        return false;
    }

    private static boolean looksLikeJob(Payload p) {
        return p.startsWith(0, UEL) || p.startsWith(0, "@PJL") || p.startsWith(0, "%!")
                || p.startsWith(0, "\u001bE");
    }

    /** "@PJL INFO ID" CR LF then the ID line, quoted or not, then FF (PJL Technical Reference, INFO). */
    private void printerAnswer(Packet packet, Payload p, long ts, ObservationSink sink) {
        int at = find(p, INFO_ID, 0);
        if (at < 0) return;
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo();
        reported.service(sink, mac, hi, lo, packet.srcPort(), Observation.Transport.TCP, PROTOCOL, ts);
        int lf = p.indexOf('\n', at);
        if (lf < 0) return;
        int start = lf + 1;
        int end = start;
        while (end < p.length() && p.u8(end) != '\r' && p.u8(end) != '\n' && p.u8(end) != '\f') end++;
        while (start < end && (p.u8(start) == '"' || HttpHead.isSpace(p.u8(start)))) start++;
        while (end > start && (p.u8(end - 1) == '"' || HttpHead.isSpace(p.u8(end - 1)))) end--;
        if (end <= start || p.startsWith(start, "@PJL") || p.startsWith(start, "?")) return;
        value.clear();
        for (int i = start; i < end && value.length() < MAX_VALUE_LENGTH; i++) value.appendText(p.u8(i));
        reported.attribute(sink, mac, hi, lo, RawPrintAttributes.PJL_ID, value, MAX_VALUES_PER_HOST,
                RawPrintAttributes.STATED, ts);
    }

    /** "@PJL ENTER LANGUAGE = POSTSCRIPT": the token after "=". */
    private void enterLanguage(Packet packet, Payload p, int at, long ts, ObservationSink sink) {
        while (at < p.length() && (HttpHead.isSpace(p.u8(at)) || p.u8(at) == '=')) at++;
        value.clear();
        for (int i = at; i < p.length() && value.length() < MAX_VALUE_LENGTH; i++) {
            int c = p.u8(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) break;
            value.append(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
        }
        reported.attribute(sink, packet.dstMac(), packet.dstIpHi(), packet.dstIpLo(), RawPrintAttributes.PJL_LANGUAGE,
                value, MAX_VALUES_PER_HOST, RawPrintAttributes.NAMED_BY_CLIENT, ts);
    }

    /** Offset of {@code text} within the first {@link #MAX_SCAN_BYTES} octets, -1 if absent. */
    private static int find(Payload p, String text, int from) {
        int first = text.charAt(0);
        int limit = Math.min(p.length(), MAX_SCAN_BYTES);
        for (int i = from; i + text.length() <= limit; i++) {
            if (p.u8(i) == first && p.startsWith(i, text)) return i;
        }
        return -1;
    }
}
