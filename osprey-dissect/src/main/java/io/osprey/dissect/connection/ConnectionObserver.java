package io.osprey.dissect.connection;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * Who opens connections to whom: a "connect" {@link io.osprey.dissect.Observation.Operation} for the first packet of
 * each flow, from its client to its server, with the server port as detail ("tcp" or "udp" as source). Each
 * (client, server, transport, port) is reported once. Scans, internet connectivity and the pairs of the OT
 * baseline are built on these; a TCP attempt that is never answered counts, since scans are mostly that.
 */
public final class ConnectionObserver implements Dissector {
    public static final String NAME = "connection";
    public static final String CONNECT = "connect";

    private final ReportedOperations tcp = new ReportedOperations("tcp");
    private final ReportedOperations udp = new ReportedOperations("udp");
    private final ValueBuffer port = new ValueBuffer();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forAllPackets();
    }

    @Override
    public void dissect(Packet p, Payload payload, FlowView flow, ObservationSink sink) {
        if (!flow.exists() || flow.packets() != 1 || !flow.fromClient()) return;
        ReportedOperations reported = p.isTcp() ? tcp : p.isUdp() ? udp : null;
        if (reported == null) return;
        reported.between(p, true).once(sink, CONNECT, port.clear().appendDecimal(p.dstPort()));
    }
}
