package io.osprey.packet.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The libpcap functions Osprey calls, bound once per loaded library with FFM downcalls. Struct layouts
 * are those of LP64 Linux (x86_64, aarch64), the platforms libpcap.so.0.8 ships on.
 */
// Restricted FFM calls are this class's purpose; the JVM runs with --enable-native-access=ALL-UNNAMED.
@SuppressWarnings("restricted")
final class Libpcap {
    /** Debian and Ubuntu name the 1.x library by its old soname; other distributions use the new one. */
    static final List<String> LIBRARY_NAMES = List.of("libpcap.so.0.8", "libpcap.so", "libpcap.so.1");

    /** PCAP_ERRBUF_SIZE (pcap/pcap.h). */
    static final int ERRBUF_SIZE = 256;

    // Status codes of pcap_activate and pcap_next_ex (pcap/pcap.h).
    static final int ERROR = -1;
    static final int ERROR_BREAK = -2;
    static final int ERROR_NO_SUCH_DEVICE = -5;
    static final int ERROR_PERM_DENIED = -8;
    static final int ERROR_IFACE_NOT_UP = -9;
    static final int ERROR_PROMISC_PERM_DENIED = -11;
    static final int WARNING_PROMISC_NOTSUP = 2;

    static final int TSTAMP_PRECISION_NANO = 1;
    /** PCAP_NETMASK_UNKNOWN: pcap_compile then rejects only filters that test for IPv4 broadcast. */
    static final int NETMASK_UNKNOWN = 0xffffffff;

    // pcap_if_t flags (pcap/pcap.h).
    static final int IF_LOOPBACK = 0x1;
    static final int IF_UP = 0x2;
    static final int IF_RUNNING = 0x4;

    private static final Linker LINKER = Linker.nativeLinker();
    private static volatile Libpcap installed;

    /** All of the address space, to read what libpcap points to without making a segment per packet. */
    final MemorySegment memory;
    final String version;

    private final MethodHandle create;
    private final MethodHandle setSnaplen;
    private final MethodHandle setPromisc;
    private final MethodHandle setTimeout;
    private final MethodHandle setBufferSize;
    private final MethodHandle setImmediateMode;      // null before libpcap 1.5
    private final MethodHandle setTstampPrecision;    // null before libpcap 1.5
    private final MethodHandle getTstampPrecision;    // null before libpcap 1.5
    private final MethodHandle activate;
    private final MethodHandle datalink;
    private final MethodHandle lookupnet;
    private final MethodHandle compile;
    private final MethodHandle setfilter;
    private final MethodHandle freecode;
    private final MethodHandle setnonblock;
    private final MethodHandle getSelectableFd;
    private final MethodHandle nextEx;
    private final MethodHandle breakloop;
    private final MethodHandle stats;
    private final MethodHandle close;
    private final MethodHandle geterr;
    private final MethodHandle statustostr;
    private final MethodHandle findalldevs;
    private final MethodHandle freealldevs;

    private Libpcap(SymbolLookup lookup) throws LiveCaptureException {
        memory = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
        create = required(lookup, "pcap_create", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        setSnaplen = required(lookup, "pcap_set_snaplen", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setPromisc = required(lookup, "pcap_set_promisc", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setTimeout = required(lookup, "pcap_set_timeout", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setBufferSize = required(lookup, "pcap_set_buffer_size", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setImmediateMode = optional(lookup, "pcap_set_immediate_mode", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setTstampPrecision = optional(lookup, "pcap_set_tstamp_precision", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        getTstampPrecision = optional(lookup, "pcap_get_tstamp_precision", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        activate = required(lookup, "pcap_activate", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        datalink = required(lookup, "pcap_datalink", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        lookupnet = required(lookup, "pcap_lookupnet", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        compile = required(lookup, "pcap_compile", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
        setfilter = required(lookup, "pcap_setfilter", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        freecode = required(lookup, "pcap_freecode", FunctionDescriptor.ofVoid(ADDRESS));
        setnonblock = required(lookup, "pcap_setnonblock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        getSelectableFd = required(lookup, "pcap_get_selectable_fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nextEx = required(lookup, "pcap_next_ex", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        breakloop = required(lookup, "pcap_breakloop", FunctionDescriptor.ofVoid(ADDRESS));
        stats = required(lookup, "pcap_stats", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        close = required(lookup, "pcap_close", FunctionDescriptor.ofVoid(ADDRESS));
        geterr = required(lookup, "pcap_geterr", FunctionDescriptor.of(ADDRESS, ADDRESS));
        statustostr = required(lookup, "pcap_statustostr", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        findalldevs = required(lookup, "pcap_findalldevs", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        freealldevs = required(lookup, "pcap_freealldevs", FunctionDescriptor.ofVoid(ADDRESS));
        MethodHandle libVersion = required(lookup, "pcap_lib_version", FunctionDescriptor.of(ADDRESS));
        try {
            version = string((MemorySegment) libVersion.invokeExact());
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** The libpcap of this machine, loaded once by {@link #LIBRARY_NAMES}. */
    static Libpcap installed() throws LiveCaptureException {
        Libpcap loaded = installed;
        if (loaded == null) {
            synchronized (Libpcap.class) {
                loaded = installed;
                if (loaded == null) {
                    installed = loaded = load(LIBRARY_NAMES);
                }
            }
        }
        return loaded;
    }

    /** Loads the first library of {@code names} that exists; tests pass names that do not. */
    static Libpcap load(List<String> names) throws LiveCaptureException {
        try {
            for (String name : names) {
                SymbolLookup lookup;
                try {
                    // The global arena keeps the library loaded for the life of the process, like a linked one.
                    lookup = SymbolLookup.libraryLookup(name, Arena.global());
                } catch (IllegalArgumentException notFound) {
                    continue;
                }
                return new Libpcap(lookup);
            }
        } catch (IllegalCallerException denied) {
            throw LiveCaptureException.nativeAccessDenied();
        }
        throw LiveCaptureException.libraryMissing(names.getFirst());
    }

    MemorySegment create(MemorySegment source, MemorySegment errbuf) {
        try {
            return (MemorySegment) create.invokeExact(source, errbuf);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int setSnaplen(MemorySegment p, int snaplen) {
        return callInt(setSnaplen, p, snaplen);
    }

    int setPromisc(MemorySegment p, boolean promiscuous) {
        return callInt(setPromisc, p, promiscuous ? 1 : 0);
    }

    int setTimeout(MemorySegment p, int millis) {
        return callInt(setTimeout, p, millis);
    }

    int setBufferSize(MemorySegment p, int bytes) {
        return callInt(setBufferSize, p, bytes);
    }

    /** Sets immediate mode where libpcap has it; older libraries deliver in batches regardless. */
    void setImmediateMode(MemorySegment p, boolean immediate) {
        if (setImmediateMode != null) {
            callInt(setImmediateMode, p, immediate ? 1 : 0);
        }
    }

    /** Asks for nanosecond timestamps; libpcap keeps microseconds when the platform cannot. */
    void requestNanosecondTimestamps(MemorySegment p) {
        if (setTstampPrecision != null) {
            callInt(setTstampPrecision, p, TSTAMP_PRECISION_NANO);
        }
    }

    /** True when the activated handle's pcap_pkthdr carries nanoseconds in its tv_usec field. */
    boolean hasNanosecondTimestamps(MemorySegment p) {
        return getTstampPrecision != null && callInt(getTstampPrecision, p) == TSTAMP_PRECISION_NANO;
    }

    int activate(MemorySegment p) {
        return callInt(activate, p);
    }

    int datalink(MemorySegment p) {
        return callInt(datalink, p);
    }

    int lookupnet(MemorySegment device, MemorySegment net, MemorySegment mask, MemorySegment errbuf) {
        try {
            return (int) lookupnet.invokeExact(device, net, mask, errbuf);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int compile(MemorySegment p, MemorySegment program, MemorySegment filter, boolean optimize, int netmask) {
        try {
            return (int) compile.invokeExact(p, program, filter, optimize ? 1 : 0, netmask);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int setfilter(MemorySegment p, MemorySegment program) {
        try {
            return (int) setfilter.invokeExact(p, program);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    void freecode(MemorySegment program) {
        callVoid(freecode, program);
    }

    int setNonblocking(MemorySegment p, MemorySegment errbuf) {
        try {
            return (int) setnonblock.invokeExact(p, 1, errbuf);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int selectableFd(MemorySegment p) {
        return callInt(getSelectableFd, p);
    }

    /** pcap_next_ex: 1 with a packet, 0 when none is waiting, {@link #ERROR} or {@link #ERROR_BREAK}. */
    int nextEx(MemorySegment p, MemorySegment headerOut, MemorySegment dataOut) {
        try {
            return (int) nextEx.invokeExact(p, headerOut, dataOut);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    void breakloop(MemorySegment p) {
        callVoid(breakloop, p);
    }

    int stats(MemorySegment p, MemorySegment statOut) {
        try {
            return (int) stats.invokeExact(p, statOut);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    void close(MemorySegment p) {
        callVoid(close, p);
    }

    /** The handle's last error message. */
    String geterr(MemorySegment p) {
        try {
            return string((MemorySegment) geterr.invokeExact(p));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    String statustostr(int status) {
        try {
            return string((MemorySegment) statustostr.invokeExact(status));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    int findalldevs(MemorySegment listOut, MemorySegment errbuf) {
        try {
            return (int) findalldevs.invokeExact(listOut, errbuf);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    void freealldevs(MemorySegment list) {
        callVoid(freealldevs, list);
    }

    /** A NUL-terminated string libpcap returned, or "" for NULL. */
    String string(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : memory.getString(pointer.address());
    }

    private static int callInt(MethodHandle function, MemorySegment p) {
        try {
            return (int) function.invokeExact(p);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static int callInt(MethodHandle function, MemorySegment p, int value) {
        try {
            return (int) function.invokeExact(p, value);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static void callVoid(MethodHandle function, MemorySegment pointer) {
        try {
            function.invokeExact(pointer);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static MethodHandle required(SymbolLookup lookup, String name, FunctionDescriptor descriptor)
            throws LiveCaptureException {
        MethodHandle handle = optional(lookup, name, descriptor);
        if (handle == null) {
            throw new LiveCaptureException(LiveCaptureException.Reason.LIBRARY_MISSING,
                    "the installed libpcap has no " + name + "; install libpcap 1.5 or newer ("
                            + LiveCaptureException.INSTALL_HINT + ")");
        }
        return handle;
    }

    private static MethodHandle optional(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        return lookup.find(name).map(address -> LINKER.downcallHandle(address, descriptor)).orElse(null);
    }

    /** Downcalls throw nothing checked; anything else is a bug in a binding, not an input problem. */
    static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }
}
