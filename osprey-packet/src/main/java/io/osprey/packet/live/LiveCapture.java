package io.osprey.packet.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.osprey.packet.capture.CaptureSource;
import io.osprey.packet.capture.CaptureStats;
import io.osprey.packet.capture.Frame;
import io.osprey.packet.capture.FrameHandler;
import io.osprey.packet.capture.LinkType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Frames from a network interface, through libpcap called with the FFM API (Linux).
 *
 * <p>One thread reads; {@link #close()} may come from any other (a Ctrl-C shutdown hook): it wakes a
 * waiting {@link #read}, which then returns -1, and the handle is released by whichever thread holds
 * it last, so libpcap never sees a closed handle. The read path allocates nothing per frame: libpcap's
 * out-pointers live in segments made once, and the header and bytes they point to are read through one
 * segment spanning the address space.
 */
public final class LiveCapture implements CaptureSource {

    // struct pcap_pkthdr on LP64 Linux (pcap/pcap.h): struct timeval ts {long tv_sec; long tv_usec;},
    // bpf_u_int32 caplen, bpf_u_int32 len. With nanosecond precision tv_usec holds nanoseconds.
    private static final long TS_SECONDS_OFFSET = 0;
    private static final long TS_FRACTION_OFFSET = TS_SECONDS_OFFSET + 8;
    private static final long CAPLEN_OFFSET = TS_FRACTION_OFFSET + 8;
    private static final long LEN_OFFSET = CAPLEN_OFFSET + 4;

    // struct pcap_stat (pcap/pcap.h): u_int ps_recv, ps_drop, ps_ifdrop.
    private static final long PS_RECV_OFFSET = 0;
    private static final long PS_DROP_OFFSET = PS_RECV_OFFSET + 4;
    private static final long PS_IFDROP_OFFSET = PS_DROP_OFFSET + 4;
    private static final long PCAP_STAT_SIZE = PS_IFDROP_OFFSET + 4;

    /** struct bpf_program (pcap/bpf.h): u_int bf_len; struct bpf_insn *bf_insns. */
    private static final long BPF_PROGRAM_SIZE = 16;

    // pcap_if_t and pcap_addr_t (pcap/pcap.h), pointers first.
    private static final long IF_NEXT_OFFSET = 0;
    private static final long IF_NAME_OFFSET = IF_NEXT_OFFSET + 8;
    private static final long IF_DESCRIPTION_OFFSET = IF_NAME_OFFSET + 8;
    private static final long IF_ADDRESSES_OFFSET = IF_DESCRIPTION_OFFSET + 8;
    private static final long IF_FLAGS_OFFSET = IF_ADDRESSES_OFFSET + 8;
    private static final long ADDR_NEXT_OFFSET = 0;
    private static final long ADDR_ADDR_OFFSET = ADDR_NEXT_OFFSET + 8;

    // struct sockaddr_in / sockaddr_in6 on Linux: sa_family_t (u16) first.
    private static final short AF_INET = 2;
    private static final short AF_INET6 = 10;
    private static final long SIN_ADDR_OFFSET = 4;
    private static final long SIN6_ADDR_OFFSET = 8;
    private static final long SIN6_SCOPE_ID_OFFSET = SIN6_ADDR_OFFSET + 16;

    /** Linux DLT_RAW; the LINKTYPE_ registry (and {@link Frame#linkType()}) calls raw IP 101. */
    private static final int DLT_RAW_LINUX = 12;

    /**
     * How long close() on another thread waits for the reader to let go of the handle. A read stops as
     * soon as it is woken; this only bounds a frame handler that is slow to return.
     */
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Libpcap pcap;
    private final MemorySegment handle;
    private final String interfaceName;
    private final int linkType;
    private final boolean supportedLinkType;
    private final int snaplen;
    private final boolean nanosecondTimestamps;
    private final int readTimeoutMillis;
    private final Arena arena;
    private final MemorySegment headerOut;
    private final MemorySegment dataOut;
    private final MemorySegment statOut;
    private final CaptureWait wait;
    private final CaptureStats stats;
    private final Frame frame = new Frame();
    private long framesTaken;

    /** Guards reading, reader, released and counters, and orders close() against the reader. */
    private final Object lock = new Object();
    private volatile boolean closed;
    private boolean reading;
    private Thread reader;
    private boolean released;
    private LiveCounters counters = LiveCounters.NONE;

    private LiveCapture(Libpcap pcap, MemorySegment handle, String interfaceName, int linkType, LiveOptions options,
                        boolean nanosecondTimestamps, Arena arena, CaptureWait wait, List<String> warnings) {
        this.pcap = pcap;
        this.handle = handle;
        this.interfaceName = interfaceName;
        this.linkType = linkType;
        this.supportedLinkType = LinkType.isSupported(linkType);
        this.snaplen = options.snaplen();
        this.nanosecondTimestamps = nanosecondTimestamps;
        this.readTimeoutMillis = options.readTimeoutMillis();
        this.arena = arena;
        this.wait = wait;
        this.headerOut = arena.allocate(ADDRESS);
        this.dataOut = arena.allocate(ADDRESS);
        this.statOut = arena.allocate(PCAP_STAT_SIZE, 4);
        this.stats = new CaptureStats(interfaceName);
        if (supportedLinkType) {
            stats.addLinkType(linkType);
        }
        for (String warning : warnings) {
            stats.warn(0, warning);
        }
    }

    /**
     * Starts capturing on {@code interfaceName} ("eth0", "any").
     *
     * @throws LiveCaptureException with a message for the user when libpcap is missing, the process may
     *     not capture, the interface does not exist or is down, or the filter does not compile
     */
    public static LiveCapture open(String interfaceName, LiveOptions options) throws LiveCaptureException {
        return open(interfaceName, options, Libpcap.installed());
    }

    /** As {@link #open(String, LiveOptions)}, loading libpcap by the first of {@code libraryNames} found. */
    static LiveCapture open(String interfaceName, LiveOptions options, List<String> libraryNames)
            throws LiveCaptureException {
        return open(interfaceName, options, Libpcap.load(libraryNames));
    }

    private static LiveCapture open(String interfaceName, LiveOptions options, Libpcap pcap)
            throws LiveCaptureException {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(options, "options");
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            MemorySegment device = scratch.allocateFrom(interfaceName);
            MemorySegment handle = pcap.create(device, errbuf);
            if (handle.equals(MemorySegment.NULL)) {
                throw LiveCaptureException.captureFailed(interfaceName, errbuf.getString(0));
            }
            boolean opened = false;
            try {
                LiveCapture capture = activate(pcap, handle, interfaceName, device, options, scratch, errbuf);
                opened = true;
                return capture;
            } finally {
                if (!opened) {
                    pcap.close(handle);
                }
            }
        }
    }

    private static LiveCapture activate(Libpcap pcap, MemorySegment handle, String interfaceName,
                                        MemorySegment device, LiveOptions options, Arena scratch,
                                        MemorySegment errbuf) throws LiveCaptureException {
        // Setters fail only on an activated handle, which this one is not yet.
        pcap.setSnaplen(handle, options.snaplen());
        pcap.setPromisc(handle, options.promiscuous());
        pcap.setTimeout(handle, options.readTimeoutMillis());
        pcap.setBufferSize(handle, options.bufferSizeBytes());
        pcap.setImmediateMode(handle, options.immediateMode());
        pcap.requestNanosecondTimestamps(handle);

        int status = pcap.activate(handle);
        if (status < 0) {
            String detail = pcap.geterr(handle);
            throw LiveCaptureException.activationFailed(interfaceName, status,
                    detail.isBlank() ? pcap.statustostr(status) : detail);
        }
        List<String> warnings = new ArrayList<>();
        if (status == Libpcap.WARNING_PROMISC_NOTSUP) {
            warnings.add("promiscuous mode is not supported on " + interfaceName
                    + "; only traffic to and from this host is captured");
        } else if (status > 0) {
            String detail = pcap.geterr(handle);
            warnings.add(detail.isBlank() ? pcap.statustostr(status) : detail);
        }

        if (options.filter() != null) {
            applyFilter(pcap, handle, interfaceName, device, options.filter(), scratch, errbuf);
        }
        if (pcap.setNonblocking(handle, errbuf) != 0) {
            throw LiveCaptureException.captureFailed(interfaceName, errbuf.getString(0));
        }
        int fd = pcap.selectableFd(handle);
        if (fd < 0) {
            throw LiveCaptureException.captureFailed(interfaceName, "libpcap offers no descriptor to wait on");
        }
        int dlt = pcap.datalink(handle);
        int linkType = dlt == DLT_RAW_LINUX ? LinkType.RAW : dlt;
        boolean nanos = pcap.hasNanosecondTimestamps(handle);

        // Shared: the reader and the thread that closes may differ from the one that opens.
        Arena arena = Arena.ofShared();
        try {
            CaptureWait wait = new CaptureWait(interfaceName, fd, arena);
            return new LiveCapture(pcap, handle, interfaceName, linkType, options, nanos, arena, wait, warnings);
        } catch (LiveCaptureException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static void applyFilter(Libpcap pcap, MemorySegment handle, String interfaceName, MemorySegment device,
                                    String filter, Arena scratch, MemorySegment errbuf) throws LiveCaptureException {
        // The netmask only matters to filters on IPv4 broadcast; interfaces without IPv4 have none.
        MemorySegment net = scratch.allocate(JAVA_INT);
        MemorySegment mask = scratch.allocate(JAVA_INT);
        int netmask = pcap.lookupnet(device, net, mask, errbuf) == 0 ? mask.get(JAVA_INT, 0) : Libpcap.NETMASK_UNKNOWN;

        MemorySegment program = scratch.allocate(BPF_PROGRAM_SIZE, 8);
        if (pcap.compile(handle, program, scratch.allocateFrom(filter), true, netmask) != 0) {
            throw LiveCaptureException.invalidFilter(interfaceName, filter, pcap.geterr(handle));
        }
        try {
            if (pcap.setfilter(handle, program) != 0) {
                throw LiveCaptureException.captureFailed(interfaceName,
                        "cannot apply filter \"" + filter + "\": " + pcap.geterr(handle));
            }
        } finally {
            // The kernel holds its own copy once set.
            pcap.freecode(program);
        }
    }

    /** The interfaces libpcap can capture on, for {@code osprey scan --list-interfaces}. */
    public static List<CaptureInterface> interfaces() throws LiveCaptureException {
        return interfaces(Libpcap.installed());
    }

    static List<CaptureInterface> interfaces(List<String> libraryNames) throws LiveCaptureException {
        return interfaces(Libpcap.load(libraryNames));
    }

    private static List<CaptureInterface> interfaces(Libpcap pcap) throws LiveCaptureException {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            MemorySegment listOut = scratch.allocate(ADDRESS);
            if (pcap.findalldevs(listOut, errbuf) != 0) {
                throw LiveCaptureException.listingFailed(errbuf.getString(0));
            }
            long first = listOut.get(JAVA_LONG, 0);
            try {
                List<CaptureInterface> found = new ArrayList<>();
                MemorySegment memory = pcap.memory;
                for (long device = first; device != 0; device = memory.get(JAVA_LONG, device + IF_NEXT_OFFSET)) {
                    int flags = memory.get(JAVA_INT, device + IF_FLAGS_OFFSET);
                    found.add(new CaptureInterface(
                            cString(memory, memory.get(JAVA_LONG, device + IF_NAME_OFFSET)),
                            cString(memory, memory.get(JAVA_LONG, device + IF_DESCRIPTION_OFFSET)),
                            addresses(memory, memory.get(JAVA_LONG, device + IF_ADDRESSES_OFFSET)),
                            (flags & Libpcap.IF_LOOPBACK) != 0,
                            (flags & Libpcap.IF_UP) != 0,
                            (flags & Libpcap.IF_RUNNING) != 0));
                }
                return found;
            } finally {
                if (first != 0) {
                    pcap.freealldevs(MemorySegment.ofAddress(first));
                }
            }
        }
    }

    private static List<InetAddress> addresses(MemorySegment memory, long first) {
        List<InetAddress> addresses = new ArrayList<>();
        for (long entry = first; entry != 0; entry = memory.get(JAVA_LONG, entry + ADDR_NEXT_OFFSET)) {
            long sockaddr = memory.get(JAVA_LONG, entry + ADDR_ADDR_OFFSET);
            if (sockaddr == 0) {
                continue;
            }
            short family = memory.get(JAVA_SHORT, sockaddr);
            try {
                if (family == AF_INET) {
                    byte[] ip = new byte[4];
                    MemorySegment.copy(memory, JAVA_BYTE, sockaddr + SIN_ADDR_OFFSET, ip, 0, ip.length);
                    addresses.add(InetAddress.getByAddress(ip));
                } else if (family == AF_INET6) {
                    byte[] ip = new byte[16];
                    MemorySegment.copy(memory, JAVA_BYTE, sockaddr + SIN6_ADDR_OFFSET, ip, 0, ip.length);
                    int scope = memory.get(JAVA_INT, sockaddr + SIN6_SCOPE_ID_OFFSET);
                    addresses.add(scope == 0 ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, scope));
                }
            } catch (UnknownHostException impossible) {
                // Only thrown for a wrong array length, which the sizes above rule out.
                throw new IllegalStateException(impossible);
            }
        }
        return addresses;
    }

    private static String cString(MemorySegment memory, long address) {
        return address == 0 ? "" : memory.getString(address);
    }

    /** libpcap's version line ("libpcap version 1.10.3 (with TPACKET_V3)"). */
    public static String libraryVersion() throws LiveCaptureException {
        return Libpcap.installed().version;
    }

    public String interfaceName() {
        return interfaceName;
    }

    /** The LINKTYPE_ value of the interface's frames. */
    public int linkType() {
        return linkType;
    }

    /** True when timestamps carry nanoseconds, false when libpcap could only give microseconds. */
    public boolean nanosecondTimestamps() {
        return nanosecondTimestamps;
    }

    /**
     * Waits up to the read timeout for frames and delivers up to {@code maxFrames} of those already
     * captured, without waiting for more once one arrived.
     *
     * @return frames delivered; 0 when none arrived in time (or all were of an unsupported link type);
     *     -1 once {@link #close()} was called
     */
    @Override
    public int read(FrameHandler handler, int maxFrames) throws LiveCaptureException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be positive: " + maxFrames);
        }
        synchronized (lock) {
            if (closed) {
                return -1;
            }
            if (reading) {
                throw new IllegalStateException("read() of " + interfaceName + " is already running");
            }
            reading = true;
            reader = Thread.currentThread();
        }
        try {
            return readOpen(handler, maxFrames);
        } finally {
            synchronized (lock) {
                reading = false;
                reader = null;
                if (closed) {
                    release();
                }
                lock.notifyAll();
            }
        }
    }

    private int readOpen(FrameHandler handler, int maxFrames) throws LiveCaptureException {
        int taken = 0;
        int delivered = 0;
        boolean waited = false;
        long deadline = 0;
        while (taken < maxFrames) {
            if (closed) {
                return delivered > 0 ? delivered : -1;
            }
            int status = pcap.nextEx(handle, headerOut, dataOut);
            if (status == 1) {
                taken++;
                if (deliver(handler)) {
                    delivered++;
                }
            } else if (status == 0) {
                if (taken > 0) {
                    return delivered;
                }
                long now = System.nanoTime();
                if (!waited) {
                    waited = true;
                    deadline = now + TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
                }
                long remaining = deadline - now;
                if (remaining <= 0 || wait.await(waitMillis(remaining)) == CaptureWait.TIMED_OUT) {
                    return 0;
                }
            } else if (status != Libpcap.ERROR_BREAK) {
                throw LiveCaptureException.captureFailed(interfaceName, pcap.geterr(handle));
            }
            // PCAP_ERROR_BREAK comes only from close()'s pcap_breakloop: the loop's next turn returns.
        }
        return delivered;
    }

    private static int waitMillis(long remainingNanos) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos + 999_999));
    }

    /**
     * Counts the frame pcap_next_ex pointed to and, when its link type is supported, copies it into
     * {@link #frame} and hands it over.
     */
    private boolean deliver(FrameHandler handler) {
        MemorySegment memory = pcap.memory;
        long header = headerOut.get(JAVA_LONG, 0);
        long seconds = memory.get(JAVA_LONG, header + TS_SECONDS_OFFSET);
        long fraction = memory.get(JAVA_LONG, header + TS_FRACTION_OFFSET);
        long timestampNanos = seconds * 1_000_000_000L + (nanosecondTimestamps ? fraction : fraction * 1_000L);
        int length = (int) Math.min(Integer.toUnsignedLong(memory.get(JAVA_INT, header + CAPLEN_OFFSET)), snaplen);
        int wireLength = (int) Math.min(Integer.toUnsignedLong(memory.get(JAVA_INT, header + LEN_OFFSET)), Integer.MAX_VALUE);
        stats.count(timestampNanos, Math.max(wireLength, length));
        framesTaken++;
        if (!supportedLinkType) {
            // A live source has no byte offsets; warnings give the frame's index instead.
            stats.skipLinkType(linkType, framesTaken - 1);
            return false;
        }
        MemorySegment.copy(memory, JAVA_BYTE, dataOut.get(JAVA_LONG, 0), frame.buffer(length), 0, length);
        handler.onFrame(frame.set(timestampNanos, linkType, 0, length, wireLength));
        return true;
    }

    /** One entry: the interface. Read it on the reading thread, or after close(). */
    @Override
    public List<CaptureStats> stats() {
        return List.of(stats);
    }

    /**
     * libpcap's received and dropped counters. Fresh when called on the reading thread or while no read
     * runs; from another thread during a read, and after close, the last ones taken.
     */
    public LiveCounters counters() {
        synchronized (lock) {
            if (!released && (!reading || reader == Thread.currentThread())) {
                refreshCounters();
            }
            return counters;
        }
    }

    private void refreshCounters() {
        if (pcap.stats(handle, statOut) == 0) {
            counters = new LiveCounters(
                    Integer.toUnsignedLong(statOut.get(JAVA_INT, PS_RECV_OFFSET)),
                    Integer.toUnsignedLong(statOut.get(JAVA_INT, PS_DROP_OFFSET)),
                    Integer.toUnsignedLong(statOut.get(JAVA_INT, PS_IFDROP_OFFSET)));
        }
    }

    /**
     * Stops the capture. Idempotent and callable from any thread: a read in progress returns promptly
     * (with -1, or with the frames it already delivered) and releases the handle itself; this call waits
     * for that, up to two seconds, unless it comes from the reading thread (a frame handler).
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                if (reading) {
                    // The handle stays valid: only a thread holding the lock with reading == false frees it.
                    pcap.breakloop(handle);
                    wait.wake();
                } else {
                    release();
                }
            }
            if (reading && reader != Thread.currentThread()) {
                long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
                long remaining;
                while (!released && (remaining = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Frees the handle and native memory; called with the lock held and no read running. */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        refreshCounters();
        if (counters.droppedByBuffer() > 0 || counters.droppedByInterface() > 0) {
            stats.warn(framesTaken, "lost frames on " + interfaceName + ": " + counters.droppedByBuffer()
                    + " dropped with the capture buffer full (raise the buffer size), "
                    + counters.droppedByInterface() + " dropped by the interface");
        }
        pcap.close(handle);
        wait.close();
        arena.close();
    }
}
