package io.osprey.dissect;

import io.osprey.packet.flow.FlowTable;

/**
 * A read-only view of the flow the current packet belongs to. Reused for every packet; when the packet is in
 * no flow (not IP, or a later fragment), {@link #exists()} is false and the other getters are meaningless.
 */
public final class FlowView {
    private FlowTable table;
    private int flow = -1;

    void position(FlowTable table, int flow) {
        this.table = table;
        this.flow = flow;
    }

    public boolean exists() { return flow >= 0; }
    /** The flow id; ids are reused after a flow ends. */
    public int id() { return flow; }
    public int protocol() { return table.protocol(flow); }
    public boolean fromClient() { return table.lastFromClient(); }
    public boolean serverConfirmed() { return table.serverConfirmed(flow); }
    public int serverPort() { return table.serverPort(flow); }
    public int clientPort() { return table.clientPort(flow); }
    public long serverIpHi() { return table.serverHi(flow); }
    public long serverIpLo() { return table.serverLo(flow); }
    public long clientIpHi() { return table.clientHi(flow); }
    public long clientIpLo() { return table.clientLo(flow); }
    public long packetsFromClient() { return table.packetsFromClient(flow); }
    public long packetsFromServer() { return table.packetsFromServer(flow); }
    /** Packets of the flow so far, this one included. */
    public long packets() { return table.packets(flow); }
    public byte tcpState() { return table.tcpState(flow); }
    public long firstSeen() { return table.firstSeen(flow); }
}
