package io.osprey.dissect.lpd;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.FlowMarks;
import io.osprey.packet.decode.Packet;

/**
 * The Line Printer Daemon protocol (RFC 1179) on TCP 515. The first client message of a connection is a daemon
 * command (§5): one octet 1-5, the queue name, operands, LF. It is reported as the client's
 * {@value LpdAttributes#COMMAND} and the server's {@value LpdAttributes#QUEUE}; later client messages (the
 * receive-job subcommands and the files, §6, §7) are not read. A server answering from 515 proves an "lpd"
 * {@link Observation.Service}.
 */
public final class LpdDissector implements Dissector {
    public static final String NAME = "lpd";
    /** RFC 1179 §3. */
    public static final int PORT = 515;
    /** Octets of a queue name kept; RFC 1179 sets no limit, BSD lpd caps names well below this. */
    public static final int MAX_QUEUE_LENGTH = 128;
    /** Queue names per server reported. */
    public static final int MAX_QUEUES_PER_HOST = 32;
    /** The client's command and the server's first answer come in the first packets of a connection. */
    public static final int PAYLOAD_PACKETS = 8;
    /** §5.1-§5.5 daemon command codes 1-5, by name. */
    static final String[] COMMANDS = {null, "print-waiting-jobs", "receive-job", "queue-state-short",
        "queue-state-long", "remove-jobs"};

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final FlowMarks commandRead = new FlowMarks();
    private long notLpd;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        long ts = packet.timestampNanos();
        boolean fromServer = flow.exists() ? !flow.fromClient()
                : packet.srcPort() == PORT && packet.dstPort() != PORT;
        if (fromServer) {
            if (packet.srcPort() == PORT) {
                reported.service(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), PORT,
                        Observation.Transport.TCP, NAME, ts);
            }
            return;
        }
        if (packet.dstPort() != PORT || flow.exists() && !commandRead.mark(flow)) return;
        int code = payload.u8(0);
        int lf = payload.indexOf('\n', 1);
        if (code < 1 || code >= COMMANDS.length || lf < 0) {
            notLpd++;
            return;
        }
        // the queue name runs to the first SP (operands follow for codes 3-5) or to the LF (§5)
        int end = 1;
        while (end < lf && payload.u8(end) != ' ') end++;
        for (int i = 1; i < end; i++) {
            int c = payload.u8(i);
            if (c < 0x21 || c > 0x7e) {
                notLpd++;
                return;
            }
        }
        value.clear().append(COMMANDS[code]);
        reported.attribute(sink, packet.srcMac(), packet.srcIpHi(), packet.srcIpLo(), LpdAttributes.COMMAND, value,
                COMMANDS.length, LpdAttributes.SEEN, ts);
        if (end == 1) return;
        value.clear();
        for (int i = 1; i < end && value.length() < MAX_QUEUE_LENGTH; i++) value.append(payload.u8(i));
        reported.attribute(sink, packet.dstMac(), packet.dstIpHi(), packet.dstIpLo(), LpdAttributes.QUEUE, value,
                MAX_QUEUES_PER_HOST, LpdAttributes.NAMED_BY_CLIENT, ts);
    }

    /** First client messages that were no daemon command. */
    public long notLpd() { return notLpd; }
}
