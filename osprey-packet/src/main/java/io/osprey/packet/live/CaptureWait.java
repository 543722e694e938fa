package io.osprey.packet.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Waits until the capture socket has frames, the read timeout passes, or another thread calls
 * {@link #wake()}: poll(2) over libpcap's selectable descriptor and an eventfd(2).
 *
 * <p>libpcap's own wait cannot serve: with TPACKET_V3 (Linux, not immediate mode) it polls without a
 * timeout and the kernel retires only non-empty blocks, so a blocking pcap_next_ex never returns on a
 * quiet interface. The capture handle is therefore non-blocking and the reader waits here.
 */
// Restricted FFM calls are this class's purpose; the JVM runs with --enable-native-access=ALL-UNNAMED.
@SuppressWarnings("restricted")
final class CaptureWait implements AutoCloseable {
    static final int TIMED_OUT = 0;
    static final int READY = 1;
    static final int WOKEN = 2;

    // poll.h and sys/eventfd.h on Linux.
    private static final short POLLIN = 0x1;
    private static final int EINTR = 4;
    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;

    // struct pollfd { int fd; short events; short revents; } (poll(2)), two of them: capture, wake-up.
    private static final long POLLFD_SIZE = 8;
    private static final long FD_OFFSET = 0;
    private static final long EVENTS_OFFSET = FD_OFFSET + 4;
    private static final long REVENTS_OFFSET = EVENTS_OFFSET + 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle POLL = LINKER.downcallHandle(LIBC.findOrThrow("poll"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), Linker.Option.captureCallState("errno"));
    private static final MethodHandle EVENTFD = LINKER.downcallHandle(LIBC.findOrThrow("eventfd"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle WRITE = LINKER.downcallHandle(LIBC.findOrThrow("write"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LIBC.findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final String interfaceName;
    private final int wakeFd;
    private final MemorySegment pollFds;
    private final MemorySegment callState;
    /** The 8-byte counter eventfd(2) adds on write; written once, here, so wake() allocates nothing. */
    private final MemorySegment one;

    /** Opens the eventfd; the segments live in {@code arena}, which must outlive this object. */
    CaptureWait(String interfaceName, int captureFd, Arena arena) throws LiveCaptureException {
        this.interfaceName = interfaceName;
        try {
            wakeFd = (int) EVENTFD.invokeExact(0, EFD_NONBLOCK | EFD_CLOEXEC);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
        if (wakeFd < 0) {
            throw LiveCaptureException.captureFailed(interfaceName, "cannot create an eventfd to stop the capture");
        }
        pollFds = arena.allocate(2 * POLLFD_SIZE, 4);
        pollFds.set(JAVA_INT, FD_OFFSET, captureFd);
        pollFds.set(JAVA_SHORT, EVENTS_OFFSET, POLLIN);
        pollFds.set(JAVA_INT, POLLFD_SIZE + FD_OFFSET, wakeFd);
        pollFds.set(JAVA_SHORT, POLLFD_SIZE + EVENTS_OFFSET, POLLIN);
        callState = arena.allocate(CALL_STATE);
        one = arena.allocate(JAVA_LONG);
        one.set(JAVA_LONG, 0, 1L);
    }

    /**
     * Waits at most {@code timeoutMillis}. Returns {@link #READY} when the capture socket is readable or
     * in error (pcap_next_ex then reports which), {@link #WOKEN} after {@link #wake()}, or
     * {@link #TIMED_OUT}. A signal interrupting the wait counts as READY: the caller reads, finds
     * nothing and waits again for the rest of its time.
     */
    int await(int timeoutMillis) throws LiveCaptureException {
        int ready;
        try {
            ready = (int) POLL.invokeExact(callState, pollFds, 2L, timeoutMillis);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
        if (ready == 0) {
            return TIMED_OUT;
        }
        if (ready < 0) {
            int errno = callState.get(JAVA_INT, ERRNO_OFFSET);
            if (errno == EINTR) {
                return READY;
            }
            throw LiveCaptureException.captureFailed(interfaceName, "poll failed with errno " + errno);
        }
        return pollFds.get(JAVA_SHORT, POLLFD_SIZE + REVENTS_OFFSET) != 0 ? WOKEN : READY;
    }

    /** Makes a current or next {@link #await} return {@link #WOKEN}. Safe from any thread until {@link #close()}. */
    void wake() {
        try {
            long ignored = (long) WRITE.invokeExact(wakeFd, one, 8L);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }

    @Override
    public void close() {
        try {
            int ignored = (int) CLOSE.invokeExact(wakeFd);
        } catch (Throwable t) {
            throw Libpcap.unexpected(t);
        }
    }
}
