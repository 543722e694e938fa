package io.osprey.packet.flow;

import io.osprey.packet.decode.IpProtocols;
import io.osprey.packet.decode.Packet;

import java.util.Arrays;

/**
 * A bidirectional flow table keyed by the VLAN-aware 5-tuple, with no allocation per packet.
 *
 * <p>Layout: a flow is an int id into a few primitive arrays, each holding one kind of data for all flows
 * in fixed-size records, so that a packet touches few cache lines: its key (five longs: both addresses,
 * then ports, VLAN and protocol), its counters (six longs), its list links and its state bytes. The two
 * endpoints are stored in canonical order, "A" being the smaller (address, port), so both directions of
 * a conversation find the same entry; per-direction counters are kept for A→B and B→A. A separate
 * open-addressing index (linear probing, backward-shift deletion) maps the key hash to the id; each slot
 * holds the 32-bit hash beside the id, so a probe compares hashes without touching the key records. An
 * intrusive doubly linked list orders flows by last packet, least recent first: expiry pops from its head
 * while the head is idle, and when the table is full the head is evicted, so idle flows always go first.
 *
 * <p>Memory per flow: {@value #BYTES_PER_FLOW} bytes of records plus 16 bytes of index (two 8-byte slots
 * per flow, so the load factor stays at or below 1/2): about 130 bytes, so a million flows take 130 MB.
 *
 * <p>Which side is the server: the receiver of a SYN, the sender of a SYN-ACK (confirmed, see
 * {@link FlowListener#onServerConfirmed}); otherwise guessed from the first packet: its destination,
 * unless only the source port is a well-known port (below 1024).
 */
public final class FlowTable {
    // key record: A's address (hi, lo), B's address (hi, lo), ports << 32 | VLAN key << 8 | protocol
    private static final int KEY_LONGS = 5, K_A_HI = 0, K_A_LO = 1, K_B_HI = 2, K_B_LO = 3, K_REST = 4;
    // counter record
    private static final int COUNTER_LONGS = 6, C_FIRST = 0, C_LAST = 1, C_PACKETS_A = 2, C_PACKETS_B = 3,
            C_BYTES_A = 4, C_BYTES_B = 5;

    /** Bytes of record storage per flow id: 5 key longs, 6 counter longs, 3 ints (links, hash), 2 bytes. */
    public static final int BYTES_PER_FLOW = KEY_LONGS * 8 + COUNTER_LONGS * 8 + 3 * 4 + 2;

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

    // ---- per flow id, in records
    private long[] keys;
    private long[] counters;
    /** LRU list: prev at 2 * id, next at 2 * id + 1. */
    private int[] links;
    private int[] hashes;
    private byte[] tcpState, flags;

    // ---- index: slot → hash << 32 | (flow id + 1), 0 when empty
    private long[] index;
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
        capacity = config.initialCapacity();
        keys = new long[capacity * KEY_LONGS];
        counters = new long[capacity * COUNTER_LONGS];
        links = new int[capacity * 2];
        hashes = new int[capacity];
        tcpState = new byte[capacity];
        flags = new byte[capacity];
        index = new long[indexSize(capacity)];
        indexMask = index.length - 1;
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
        long rest = (long) kports << 32 | (p.vlanKey() << 8 | proto) & 0xffffffffL;
        int hash = hash(kaHi, kaLo, kbHi, kbLo, rest);

        int flow = find(hash, kaHi, kaLo, kbHi, kbLo, rest);
        int tcpFlags = proto == IpProtocols.TCP ? p.tcpFlags() : 0;
        if (flow >= 0) {
            boolean restart = now - counters[flow * COUNTER_LONGS + C_FIRST] > hardNanos;
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
            flow = insert(hash, kaHi, kaLo, kbHi, kbLo, rest, now);
            flags[flow] = guessServerIsA(fromA, sp, dp) ? F_SERVER_IS_A : 0;
        }
        int c = flow * COUNTER_LONGS;
        long[] cs = counters;
        if (now > cs[c + C_LAST]) cs[c + C_LAST] = now;
        int side = fromA ? 0 : 1;
        cs[c + C_PACKETS_A + side]++;
        cs[c + C_BYTES_A + side] += p.wireLength();
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
        while (lruHead >= 0 && clock - counters[lruHead * COUNTER_LONGS + C_LAST] > idleNanos) {
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

    private int find(int hash, long kaHi, long kaLo, long kbHi, long kbLo, long rest) {
        long h = (long) hash << 32;
        int slot = hash & indexMask;
        while (true) {
            long e = index[slot];
            if (e == 0) return -1;
            if ((e & 0xffffffff_00000000L) == h) {
                int id = (int) e - 1;
                int k = id * KEY_LONGS;
                long[] ks = keys;
                if (ks[k + K_A_LO] == kaLo && ks[k + K_B_LO] == kbLo && ks[k + K_REST] == rest
                        && ks[k + K_A_HI] == kaHi && ks[k + K_B_HI] == kbHi) {
                    return id;
                }
            }
            slot = (slot + 1) & indexMask;
        }
    }

    private int insert(int hash, long kaHi, long kaLo, long kbHi, long kbLo, long rest, long now) {
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
            freeHead = links[2 * id + 1];
        } else {
            id = highWater++;
        }
        int k = id * KEY_LONGS;
        keys[k + K_A_HI] = kaHi;
        keys[k + K_A_LO] = kaLo;
        keys[k + K_B_HI] = kbHi;
        keys[k + K_B_LO] = kbLo;
        keys[k + K_REST] = rest;
        int c = id * COUNTER_LONGS;
        counters[c + C_FIRST] = now;
        counters[c + C_LAST] = now;
        counters[c + C_PACKETS_A] = counters[c + C_PACKETS_B] = counters[c + C_BYTES_A] = counters[c + C_BYTES_B] = 0;
        hashes[id] = hash;
        tcpState[id] = TcpState.NONE;
        flags[id] = 0;
        links[2 * id] = links[2 * id + 1] = -1;
        linkTail(id);
        place(hash, id);
        size++;
        if (size > peakFlows) peakFlows = size;
        return id;
    }

    private void place(int hash, int id) {
        int slot = hash & indexMask;
        while (index[slot] != 0) slot = (slot + 1) & indexMask;
        index[slot] = (long) hash << 32 | (id + 1);
    }

    private void end(int flow, FlowEndReason reason) {
        listener.onFlowEnd(this, flow, reason);
        removeFromIndex(flow);
        unlink(flow);
        links[2 * flow + 1] = freeHead;
        freeHead = flow;
        size--;
        if (lastFlow == flow) lastFlow = -1;
    }

    /** Backward-shift deletion keeps linear probing correct without tombstones (Knuth 6.4, Algorithm R). */
    private void removeFromIndex(int flow) {
        int slot = hashes[flow] & indexMask;
        while ((int) index[slot] != flow + 1) slot = (slot + 1) & indexMask;
        int hole = slot;
        int cur = (slot + 1) & indexMask;
        while (index[cur] != 0) {
            int home = (int) (index[cur] >>> 32) & indexMask;
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

    /** Two index slots per flow of capacity, a power of two: load factor at most 1/2. */
    private static int indexSize(int capacity) {
        return Integer.highestOneBit(Math.max(capacity, 8) - 1) << 2;
    }

    private void grow() {
        int cap = (int) Math.min((long) capacity * 2, maxFlows);
        keys = Arrays.copyOf(keys, cap * KEY_LONGS);
        counters = Arrays.copyOf(counters, cap * COUNTER_LONGS);
        links = Arrays.copyOf(links, cap * 2);
        hashes = Arrays.copyOf(hashes, cap);
        tcpState = Arrays.copyOf(tcpState, cap);
        flags = Arrays.copyOf(flags, cap);
        capacity = cap;
        index = new long[indexSize(cap)];
        indexMask = index.length - 1;
        for (int id = lruHead; id >= 0; id = links[2 * id + 1]) {
            place(hashes[id], id);
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
        links[2 * flow] = lruTail;
        links[2 * flow + 1] = -1;
        if (lruTail >= 0) links[2 * lruTail + 1] = flow; else lruHead = flow;
        lruTail = flow;
    }

    private void unlink(int flow) {
        int p = links[2 * flow], n = links[2 * flow + 1];
        if (p >= 0) links[2 * p + 1] = n; else lruHead = n;
        if (n >= 0) links[2 * n] = p; else lruTail = p;
        links[2 * flow] = links[2 * flow + 1] = -1;
    }

    // ---------------------------------------------------------------- hashing

    private static int compare(long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        int c = Long.compareUnsigned(aHi, bHi);
        if (c != 0) return c;
        c = Long.compareUnsigned(aLo, bLo);
        return c != 0 ? c : Integer.compare(aPort, bPort);
    }

    private static int hash(long aHi, long aLo, long bHi, long bLo, long rest) {
        long h = aLo * 0x9E3779B97F4A7C15L;
        h ^= Long.rotateLeft(bLo * 0xC2B2AE3D27D4EB4FL, 31);
        h ^= (aHi ^ Long.rotateLeft(bHi, 23)) * 0x165667B19E3779F9L;
        h ^= rest * 0xD6E8FEB86659FD93L;
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
    public long memoryBytes() { return (long) capacity * BYTES_PER_FLOW + (long) index.length * 8; }

    public long aHi(int flow) { return keys[flow * KEY_LONGS + K_A_HI]; }
    public long aLo(int flow) { return keys[flow * KEY_LONGS + K_A_LO]; }
    public long bHi(int flow) { return keys[flow * KEY_LONGS + K_B_HI]; }
    public long bLo(int flow) { return keys[flow * KEY_LONGS + K_B_LO]; }
    public int aPort(int flow) { return (int) (keys[flow * KEY_LONGS + K_REST] >>> 48); }
    public int bPort(int flow) { return (int) (keys[flow * KEY_LONGS + K_REST] >>> 32) & 0xffff; }
    public int protocol(int flow) { return (int) keys[flow * KEY_LONGS + K_REST] & 0xff; }
    public int vlanKey(int flow) { return (int) keys[flow * KEY_LONGS + K_REST] >>> 8; }
    public long firstSeen(int flow) { return counters[flow * COUNTER_LONGS + C_FIRST]; }
    public long lastSeen(int flow) { return counters[flow * COUNTER_LONGS + C_LAST]; }
    public long packetsFromA(int flow) { return counters[flow * COUNTER_LONGS + C_PACKETS_A]; }
    public long packetsFromB(int flow) { return counters[flow * COUNTER_LONGS + C_PACKETS_B]; }
    public long bytesFromA(int flow) { return counters[flow * COUNTER_LONGS + C_BYTES_A]; }
    public long bytesFromB(int flow) { return counters[flow * COUNTER_LONGS + C_BYTES_B]; }
    public long packets(int flow) { return packetsFromA(flow) + packetsFromB(flow); }
    public byte tcpState(int flow) { return tcpState[flow]; }
    public boolean serverIsA(int flow) { return (flags[flow] & F_SERVER_IS_A) != 0; }
    /** True when a SYN-ACK proved which side is the server. */
    public boolean serverConfirmed(int flow) { return (flags[flow] & F_SERVER_CONFIRMED) != 0; }
    public int serverPort(int flow) { return serverIsA(flow) ? aPort(flow) : bPort(flow); }
    public long serverHi(int flow) { return serverIsA(flow) ? aHi(flow) : bHi(flow); }
    public long serverLo(int flow) { return serverIsA(flow) ? aLo(flow) : bLo(flow); }
    public long clientHi(int flow) { return serverIsA(flow) ? bHi(flow) : aHi(flow); }
    public long clientLo(int flow) { return serverIsA(flow) ? bLo(flow) : aLo(flow); }
    public int clientPort(int flow) { return serverIsA(flow) ? bPort(flow) : aPort(flow); }
    public long packetsFromClient(int flow) { return serverIsA(flow) ? packetsFromB(flow) : packetsFromA(flow); }
    public long packetsFromServer(int flow) { return serverIsA(flow) ? packetsFromA(flow) : packetsFromB(flow); }
}
