package io.osprey.packet.flow;

import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;

/**
 * A bidirectional flow table keyed by the VLAN-aware 5-tuple, with no allocation per packet.
 *
 * <p>Layout: a flow is an int id indexing parallel primitive arrays (structure of arrays). The two
 * endpoints are stored in canonical order, "A" being the smaller (address, port), so both directions of
 * a conversation find the same entry; per-direction counters are kept for A→B and B→A. A separate
 * open-addressing index (linear probing, backward-shift deletion) maps the key hash to the id. An
 * intrusive doubly linked list orders flows by last packet, least recent first: expiry pops from its head
 * while the head is idle, and when the table is full the head is evicted, so idle flows always go first.
 *
 * <p>Memory per flow: {@value #BYTES_PER_FLOW} bytes of arrays plus 16 bytes of index (four 4-byte slots
 * per flow, so the load factor stays at or below 1/4 and probes stay short): about 120 bytes, so a
 * million flows take about 120 MB.
 *
 * <p>Which side is the server: the receiver of a SYN, the sender of a SYN-ACK (confirmed, see
 * {@link FlowListener#onServerConfirmed}); otherwise guessed from the first packet: its destination,
 * unless only the source port is a well-known port (below 1024).
 */
public final class FlowTable {
    /** Bytes of array storage per flow id: 4 address longs, 6 counter and time longs, 5 ints, 2 bytes. */
    public static final int BYTES_PER_FLOW = 4 * 8 + 6 * 8 + 5 * 4 + 2;

    private static final byte F_SERVER_IS_A = 1;
    private static final byte F_SERVER_CONFIRMED = 2;
    private static final byte F_FIN_A = 4;
    private static final byte F_FIN_B = 8;

    private static final int TCP_FIN = 0x01, TCP_SYN = 0x02, TCP_RST = 0x04, TCP_ACK = 0x10;
    private static final int WELL_KNOWN_PORTS = 1024;

    private final long idleNanos;
    private final long hardNanos;
    private final int maxFlows;
    private FlowListener listener;

    // ---- per flow id
    private long[] aHi, aLo, bHi, bLo;
    /** Port of A in the high 16 bits, port of B in the low 16. */
    private int[] ports;
    /** VLAN key in the high 24 bits, IP protocol in the low 8. */
    private int[] vlanProto;
    private long[] first, last;
    private long[] packetsA, packetsB, bytesA, bytesB;
    private int[] prev, next;
    private int[] hashes;
    private byte[] tcpState, flags;

    // ---- index: slot → flow id + 1, 0 when empty
    private int[] index;
    private int indexMask;

    private int capacity;
    private int size;
    private int highWater;
    private int freeHead = -1;
    private int lruHead = -1, lruTail = -1;
    private long clock = Long.MIN_VALUE;

    private int lastFlow = -1;
    private boolean lastFromA;

    // ---- counters
    private long flowsStarted;
    private long flowsEvicted;
    private int peakFlows;

    public FlowTable(FlowTableConfig config, FlowListener listener) {
        this.idleNanos = config.idleTimeout().toNanos();
        this.hardNanos = config.hardTimeout().toNanos();
        this.maxFlows = config.maxFlows();
        this.listener = listener == null ? FlowListener.NONE : listener;
        allocate(config.initialCapacity());
    }

    public FlowTable() {
        this(FlowTableConfig.DEFAULT, FlowListener.NONE);
    }

    public void listener(FlowListener listener) {
        this.listener = listener == null ? FlowListener.NONE : listener;
    }

    /**
     * Accounts {@code p} to its flow, starting the flow if needed, and expires idle flows up to the
     * packet's time. Non-IP packets and IP fragments after the first are not tracked.
     *
     * @return the flow id, or -1 when the packet belongs to no flow
     */
    public int track(Packet p) {
        lastFlow = -1;
        if (!p.isIp() || !p.isFirstFragment()) {
            return -1;
        }
        long now = p.timestampNanos();
        if (now > clock) {
            clock = now;
            expireIdle();
        }
        int proto = p.ipProtocol() & 0xff;
        int sp = Math.max(p.srcPort(), 0);
        int dp = Math.max(p.dstPort(), 0);
        long sHi = p.srcIpHi(), sLo = p.srcIpLo(), dHi = p.dstIpHi(), dLo = p.dstIpLo();
        boolean fromA = compare(sHi, sLo, sp, dHi, dLo, dp) <= 0;
        long kaHi, kaLo, kbHi, kbLo;
        int kports;
        if (fromA) {
            kaHi = sHi; kaLo = sLo; kbHi = dHi; kbLo = dLo; kports = sp << 16 | dp;
        } else {
            kaHi = dHi; kaLo = dLo; kbHi = sHi; kbLo = sLo; kports = dp << 16 | sp;
        }
        int kvp = p.vlanKey() << 8 | proto;
        int hash = hash(kaHi, kaLo, kbHi, kbLo, kports, kvp);

        int flow = find(hash, kaHi, kaLo, kbHi, kbLo, kports, kvp);
        int tcpFlags = proto == IpProtocols.TCP ? p.tcpFlags() : 0;
        if (flow >= 0) {
            boolean restart = now - first[flow] > hardNanos;
            FlowEndReason why = FlowEndReason.HARD_TIMEOUT;
            if (!restart && proto == IpProtocols.TCP && tcpState[flow] == TcpState.CLOSED
                    && (tcpFlags & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
                restart = true;
                why = FlowEndReason.TCP_CLOSED;
            }
            if (restart) {
                end(flow, why);
                flow = -1;
            }
        }
        boolean fresh = flow < 0;
        if (fresh) {
            flow = insert(hash, kaHi, kaLo, kbHi, kbLo, kports, kvp, now);
            flags[flow] = guessServerIsA(fromA, sp, dp) ? F_SERVER_IS_A : 0;
        }
        last[flow] = Math.max(last[flow], now);
        int bytes = p.wireLength();
        if (fromA) {
            packetsA[flow]++;
            bytesA[flow] += bytes;
        } else {
            packetsB[flow]++;
            bytesB[flow] += bytes;
        }
        touch(flow);
        lastFlow = flow;
        lastFromA = fromA;
        if (fresh) {
            flowsStarted++;
            listener.onFlowStart(this, flow, p);
        }
        if (proto == IpProtocols.TCP && p.isTcp()) {
            updateTcp(flow, fromA, tcpFlags, fresh);
        }
        return flow;
    }

    /** Handshake tracking; see {@link TcpState}. */
    private void updateTcp(int flow, boolean fromA, int f, boolean fresh) {
        byte s = tcpState[flow];
        boolean syn = (f & TCP_SYN) != 0, ack = (f & TCP_ACK) != 0;
        if ((f & TCP_RST) != 0) {
            tcpState[flow] = TcpState.CLOSED;
            return;
        }
        if (syn && !ack) {
            if (fresh || s == TcpState.NONE) {
                setServer(flow, !fromA, false);
                tcpState[flow] = TcpState.SYN_SENT;
            }
            return;
        }
        if (syn) { // SYN-ACK: its sender is the server
            if (s == TcpState.NONE || s == TcpState.SYN_SENT || fresh) {
                tcpState[flow] = TcpState.SYN_RECEIVED;
                if ((flags[flow] & F_SERVER_CONFIRMED) == 0) {
                    setServer(flow, fromA, true);
                    listener.onServerConfirmed(this, flow);
                }
            }
            return;
        }
        if (fresh) {
            s = TcpState.MIDSTREAM;
        } else if (s == TcpState.SYN_RECEIVED && ack && fromA != serverIsA(flow)) {
            s = TcpState.ESTABLISHED;
        }
        if ((f & TCP_FIN) != 0) {
            flags[flow] |= fromA ? F_FIN_A : F_FIN_B;
            s = (flags[flow] & (F_FIN_A | F_FIN_B)) == (F_FIN_A | F_FIN_B) ? TcpState.CLOSED : TcpState.CLOSING;
        }
        tcpState[flow] = s;
    }

    private void setServer(int flow, boolean serverIsA, boolean confirmed) {
        int fl = flags[flow] & ~(F_SERVER_IS_A | F_SERVER_CONFIRMED);
        if (serverIsA) fl |= F_SERVER_IS_A;
        if (confirmed) fl |= F_SERVER_CONFIRMED;
        flags[flow] = (byte) fl;
    }

    private static boolean guessServerIsA(boolean fromA, int srcPort, int dstPort) {
        boolean serverIsSource = srcPort < WELL_KNOWN_PORTS && dstPort >= WELL_KNOWN_PORTS;
        return serverIsSource == fromA;
    }

    /** Ends every flow whose last packet is older than the idle timeout at the table's clock. */
    private void expireIdle() {
        while (lruHead >= 0 && clock - last[lruHead] > idleNanos) {
            end(lruHead, FlowEndReason.IDLE);
        }
    }

    /** Advances the table's clock (e.g. on a quiet live interface) and expires idle flows. */
    public void advanceTo(long nowNanos) {
        if (nowNanos > clock) {
            clock = nowNanos;
            expireIdle();
        }
    }

    /** Ends every flow, least recently seen first; call at the end of the input. */
    public void endAll() {
        while (lruHead >= 0) {
            end(lruHead, FlowEndReason.END_OF_INPUT);
        }
    }

    // ---------------------------------------------------------------- index

    private int find(int hash, long kaHi, long kaLo, long kbHi, long kbLo, int kports, int kvp) {
        int slot = hash & indexMask;
        while (true) {
            int id = index[slot] - 1;
            if (id < 0) return -1;
            if (hashes[id] == hash && aLo[id] == kaLo && bLo[id] == kbLo && ports[id] == kports
                    && vlanProto[id] == kvp && aHi[id] == kaHi && bHi[id] == kbHi) {
                return id;
            }
            slot = (slot + 1) & indexMask;
        }
    }

    private int insert(int hash, long kaHi, long kaLo, long kbHi, long kbLo, int kports, int kvp, long now) {
        if (size >= maxFlows) {
            flowsEvicted++;
            end(lruHead, FlowEndReason.EVICTED);
        }
        if (freeHead < 0 && highWater == capacity) {
            grow();
        }
        int id;
        if (freeHead >= 0) {
            id = freeHead;
            freeHead = next[id];
        } else {
            id = highWater++;
        }
        aHi[id] = kaHi; aLo[id] = kaLo; bHi[id] = kbHi; bLo[id] = kbLo;
        ports[id] = kports; vlanProto[id] = kvp; hashes[id] = hash;
        first[id] = now; last[id] = now;
        packetsA[id] = packetsB[id] = bytesA[id] = bytesB[id] = 0;
        tcpState[id] = TcpState.NONE;
        flags[id] = 0;
        prev[id] = next[id] = -1;
        linkTail(id);
        int slot = hash & indexMask;
        while (index[slot] != 0) slot = (slot + 1) & indexMask;
        index[slot] = id + 1;
        size++;
        if (size > peakFlows) peakFlows = size;
        return id;
    }

    private void end(int flow, FlowEndReason reason) {
        listener.onFlowEnd(this, flow, reason);
        removeFromIndex(flow);
        unlink(flow);
        next[flow] = freeHead;
        freeHead = flow;
        size--;
        if (lastFlow == flow) lastFlow = -1;
    }

    /** Backward-shift deletion keeps linear probing correct without tombstones (Knuth 6.4, Algorithm R). */
    private void removeFromIndex(int flow) {
        int slot = hashes[flow] & indexMask;
        while (index[slot] != flow + 1) slot = (slot + 1) & indexMask;
        int hole = slot;
        int cur = (slot + 1) & indexMask;
        while (index[cur] != 0) {
            int home = hashes[index[cur] - 1] & indexMask;
            // move cur into the hole unless its home lies cyclically in (hole, cur]
            boolean stays = hole <= cur ? (home > hole && home <= cur) : (home > hole || home <= cur);
            if (!stays) {
                index[hole] = index[cur];
                hole = cur;
            }
            cur = (cur + 1) & indexMask;
        }
        index[hole] = 0;
    }

    private void allocate(int cap) {
        capacity = cap;
        aHi = new long[cap]; aLo = new long[cap]; bHi = new long[cap]; bLo = new long[cap];
        ports = new int[cap]; vlanProto = new int[cap];
        first = new long[cap]; last = new long[cap];
        packetsA = new long[cap]; packetsB = new long[cap]; bytesA = new long[cap]; bytesB = new long[cap];
        prev = new int[cap]; next = new int[cap]; hashes = new int[cap];
        tcpState = new byte[cap]; flags = new byte[cap];
        index = new int[Integer.highestOneBit(cap) * 4];
        indexMask = index.length - 1;
    }

    private void grow() {
        int cap = (int) Math.min((long) capacity * 2, maxFlows);
        aHi = java.util.Arrays.copyOf(aHi, cap); aLo = java.util.Arrays.copyOf(aLo, cap);
        bHi = java.util.Arrays.copyOf(bHi, cap); bLo = java.util.Arrays.copyOf(bLo, cap);
        ports = java.util.Arrays.copyOf(ports, cap); vlanProto = java.util.Arrays.copyOf(vlanProto, cap);
        first = java.util.Arrays.copyOf(first, cap); last = java.util.Arrays.copyOf(last, cap);
        packetsA = java.util.Arrays.copyOf(packetsA, cap); packetsB = java.util.Arrays.copyOf(packetsB, cap);
        bytesA = java.util.Arrays.copyOf(bytesA, cap); bytesB = java.util.Arrays.copyOf(bytesB, cap);
        prev = java.util.Arrays.copyOf(prev, cap); next = java.util.Arrays.copyOf(next, cap);
        hashes = java.util.Arrays.copyOf(hashes, cap);
        tcpState = java.util.Arrays.copyOf(tcpState, cap); flags = java.util.Arrays.copyOf(flags, cap);
        capacity = cap;
        index = new int[Integer.highestOneBit(cap) * 4];
        indexMask = index.length - 1;
        for (int id = lruHead; id >= 0; id = next[id]) {
            int slot = hashes[id] & indexMask;
            while (index[slot] != 0) slot = (slot + 1) & indexMask;
            index[slot] = id + 1;
        }
    }

    // ---------------------------------------------------------------- LRU list

    private void touch(int flow) {
        if (flow != lruTail) {
            unlink(flow);
            linkTail(flow);
        }
    }

    private void linkTail(int flow) {
        prev[flow] = lruTail;
        next[flow] = -1;
        if (lruTail >= 0) next[lruTail] = flow; else lruHead = flow;
        lruTail = flow;
    }

    private void unlink(int flow) {
        int p = prev[flow], n = next[flow];
        if (p >= 0) next[p] = n; else lruHead = n;
        if (n >= 0) prev[n] = p; else lruTail = p;
        prev[flow] = next[flow] = -1;
    }

    // ---------------------------------------------------------------- hashing

    private static int compare(long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        int c = Long.compareUnsigned(aHi, bHi);
        if (c != 0) return c;
        c = Long.compareUnsigned(aLo, bLo);
        return c != 0 ? c : Integer.compare(aPort, bPort);
    }

    private static int hash(long aHi, long aLo, long bHi, long bLo, int kports, int kvp) {
        long h = aLo * 0x9E3779B97F4A7C15L;
        h ^= Long.rotateLeft(bLo * 0xC2B2AE3D27D4EB4FL, 31);
        h ^= (aHi ^ Long.rotateLeft(bHi, 23)) * 0x165667B19E3779F9L;
        h ^= ((long) kports << 32 | (kvp & 0xffffffffL)) * 0xD6E8FEB86659FD93L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    // ---------------------------------------------------------------- read-only accessors

    /** The flow of the last tracked packet, or -1. */
    public int lastFlow() { return lastFlow; }
    /** True when the last tracked packet was sent by endpoint A. */
    public boolean lastFromA() { return lastFromA; }
    /** True when the last tracked packet was sent by the flow's client. */
    public boolean lastFromClient() { return lastFlow >= 0 && lastFromA != serverIsA(lastFlow); }

    public int size() { return size; }
    public int capacity() { return capacity; }
    public int peakFlows() { return peakFlows; }
    public long flowsStarted() { return flowsStarted; }
    public long flowsEvicted() { return flowsEvicted; }
    /** Bytes held by the table's arrays now. */
    public long memoryBytes() { return (long) capacity * BYTES_PER_FLOW + (long) index.length * 4; }

    public long aHi(int flow) { return aHi[flow]; }
    public long aLo(int flow) { return aLo[flow]; }
    public long bHi(int flow) { return bHi[flow]; }
    public long bLo(int flow) { return bLo[flow]; }
    public int aPort(int flow) { return ports[flow] >>> 16; }
    public int bPort(int flow) { return ports[flow] & 0xffff; }
    public int protocol(int flow) { return vlanProto[flow] & 0xff; }
    public int vlanKey(int flow) { return vlanProto[flow] >>> 8; }
    public long firstSeen(int flow) { return first[flow]; }
    public long lastSeen(int flow) { return last[flow]; }
    public long packetsFromA(int flow) { return packetsA[flow]; }
    public long packetsFromB(int flow) { return packetsB[flow]; }
    public long bytesFromA(int flow) { return bytesA[flow]; }
    public long bytesFromB(int flow) { return bytesB[flow]; }
    public long packets(int flow) { return packetsA[flow] + packetsB[flow]; }
    public byte tcpState(int flow) { return tcpState[flow]; }
    public boolean serverIsA(int flow) { return (flags[flow] & F_SERVER_IS_A) != 0; }
    /** True when a SYN-ACK proved which side is the server. */
    public boolean serverConfirmed(int flow) { return (flags[flow] & F_SERVER_CONFIRMED) != 0; }
    public int serverPort(int flow) { return serverIsA(flow) ? aPort(flow) : bPort(flow); }
    public long serverHi(int flow) { return serverIsA(flow) ? aHi[flow] : bHi[flow]; }
    public long serverLo(int flow) { return serverIsA(flow) ? aLo[flow] : bLo[flow]; }
    public long clientHi(int flow) { return serverIsA(flow) ? bHi[flow] : aHi[flow]; }
    public long clientLo(int flow) { return serverIsA(flow) ? bLo[flow] : aLo[flow]; }
    public int clientPort(int flow) { return serverIsA(flow) ? bPort(flow) : aPort(flow); }
    public long packetsFromClient(int flow) { return serverIsA(flow) ? packetsB[flow] : packetsA[flow]; }
    public long packetsFromServer(int flow) { return serverIsA(flow) ? packetsA[flow] : packetsB[flow]; }
}
