package io.osprey.packet.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads a classic libpcap file (draft-ietf-opsawg-pcap, pcap-savefile(5)), in either byte order, with
 * microsecond or nanosecond timestamps.
 *
 * <pre>
 * File header (§4), 24 bytes, in the byte order of the writing host:
 *   0  magic          0xa1b2c3d4 (µs) or 0xa1b23c4d (ns); byte-swapped when the writer's order differs
 *   4  major version  2          6  minor version  4
 *   8  reserved1      (thiszone on old writers; ignored)
 *  12  reserved2      (sigfigs on old writers; ignored)
 *  16  snap length
 *  20  |FCS len:4|R:1|P:1|reserved:10|link type:16|
 * Packet record (§5): 16-byte header, then the captured bytes:
 *   0  timestamp seconds (unsigned)   4  timestamp µs or ns
 *   8  captured length                12  original length
 * </pre>
 *
 * <p>A captured length above the snap length (or above {@link CaptureLimits#MAX_FRAME_LENGTH} when the snap
 * length is 0 or larger) cannot be right: it is reported as damage and ends the file. Frames are delivered
 * as captured, with an FCS when the file says the link carries one.
 */
public final class PcapReader extends CaptureFileReader {
    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;

    static final int MAGIC_OFFSET = 0;
    static final int MAJOR_VERSION_OFFSET = MAGIC_OFFSET + 4;
    static final int MINOR_VERSION_OFFSET = MAJOR_VERSION_OFFSET + 2;
    static final int RESERVED1_OFFSET = MINOR_VERSION_OFFSET + 2;
    static final int RESERVED2_OFFSET = RESERVED1_OFFSET + 4;
    static final int SNAP_LENGTH_OFFSET = RESERVED2_OFFSET + 4;
    static final int LINK_TYPE_OFFSET = SNAP_LENGTH_OFFSET + 4;
    static final int FILE_HEADER_LENGTH = LINK_TYPE_OFFSET + 4;
    /** §4: only the low 16 bits are the link type; the FCS length and the P bit sit in the top bits. */
    static final int LINK_TYPE_MASK = 0xffff;

    static final int SECONDS_OFFSET = 0;
    static final int FRACTION_OFFSET = SECONDS_OFFSET + 4;
    static final int CAPTURED_LENGTH_OFFSET = FRACTION_OFFSET + 4;
    static final int ORIGINAL_LENGTH_OFFSET = CAPTURED_LENGTH_OFFSET + 4;
    static final int RECORD_HEADER_LENGTH = ORIGINAL_LENGTH_OFFSET + 4;

    private ValueLayout.OfInt intLayout = INT_LE;
    private long nanosPerFraction = 1000;
    private int linkType;
    private boolean supported;
    private int snapLength;
    private int captureLimit = CaptureLimits.MAX_FRAME_LENGTH;
    private boolean linkTypeAdded;

    PcapReader(CaptureInput input, String path) throws IOException {
        super(input, path);
        int got = input.request(FILE_HEADER_LENGTH);
        if (got < FILE_HEADER_LENGTH) {
            damaged(0, "the file header is truncated (" + got + " of " + FILE_HEADER_LENGTH + " bytes)");
            return;
        }
        MemorySegment s = input.segment();
        long i = input.index();
        int magic = s.get(INT_LE, i + MAGIC_OFFSET);
        if (!isMagic(magic)) {
            intLayout = INT_BE;
            magic = s.get(INT_BE, i + MAGIC_OFFSET);
        }
        nanosPerFraction = magic == MAGIC_NANOSECONDS ? 1 : 1000;
        snapLength = s.get(intLayout, i + SNAP_LENGTH_OFFSET);
        if (snapLength > 0 && snapLength < CaptureLimits.MAX_FRAME_LENGTH) {
            captureLimit = snapLength;
        }
        linkType = s.get(intLayout, i + LINK_TYPE_OFFSET) & LINK_TYPE_MASK;
        supported = LinkType.isSupported(linkType);
        input.advance(FILE_HEADER_LENGTH);
    }

    static boolean isMagic(int magic) {
        return magic == MAGIC_MICROSECONDS || magic == MAGIC_NANOSECONDS;
    }

    @Override
    int readRecords(FrameHandler handler, int maxFrames) throws IOException {
        CaptureInput in = input;
        ValueLayout.OfInt layout = intLayout;
        int delivered = 0;
        try {
            while (delivered < maxFrames && !closed) {
                long offset = in.position();
                int got = in.request(RECORD_HEADER_LENGTH);
                if (got < RECORD_HEADER_LENGTH) {
                    if (got == 0) {
                        ended(offset);
                    } else {
                        damaged(offset, "the last record header is truncated (" + got + " of " + RECORD_HEADER_LENGTH + " bytes)");
                    }
                    break;
                }
                int capturedLength = in.segment().get(layout, in.index() + CAPTURED_LENGTH_OFFSET);
                if (capturedLength < 0 || capturedLength > captureLimit) {
                    damaged(offset, lengthProblem(capturedLength));
                    break;
                }
                int recordLength = RECORD_HEADER_LENGTH + capturedLength;
                got = in.request(recordLength);
                if (got < recordLength) {
                    damaged(offset, "the last record is truncated (" + got + " of " + recordLength + " bytes)");
                    break;
                }
                MemorySegment s = in.segment();
                long i = in.index();
                long nanos = Integer.toUnsignedLong(s.get(layout, i + SECONDS_OFFSET)) * NANOS_PER_SECOND
                        + Integer.toUnsignedLong(s.get(layout, i + FRACTION_OFFSET)) * nanosPerFraction;
                int originalLength = s.get(layout, i + ORIGINAL_LENGTH_OFFSET);
                int wireLength = Math.max(originalLength < 0 ? Integer.MAX_VALUE : originalLength, capturedLength);
                if (supported) {
                    MemorySegment.copy(s, ValueLayout.JAVA_BYTE, i + RECORD_HEADER_LENGTH, frame.buffer(capturedLength), 0, capturedLength);
                }
                in.advance(recordLength);
                stats.count(nanos, wireLength);
                if (!supported) {
                    stats.skipLinkType(linkType, offset);
                    continue;
                }
                if (!linkTypeAdded) {
                    linkTypeAdded = true;
                    stats.addLinkType(linkType);
                }
                handler.onFrame(frame.set(nanos, linkType, 0, capturedLength, wireLength));
                delivered++;
            }
        } catch (InternalError e) {
            // A mapped file that shrinks under the reader faults on access (SIGBUS, reported as InternalError).
            damaged(in.position(), "the file shrank while it was being read");
        }
        return delivered;
    }

    private String lengthProblem(int capturedLength) {
        String length = Integer.toUnsignedString(capturedLength);
        return captureLimit == snapLength
                ? "record captured length " + length + " exceeds the snap length " + snapLength
                : "record captured length " + length + " exceeds the " + CaptureLimits.MAX_FRAME_LENGTH + "-byte limit";
    }

    @Override
    public String format() {
        return "pcap";
    }

    /** The link type from the file header, without the FCS bits. */
    public int linkType() {
        return linkType;
    }

    /** The snap length from the file header, as written. */
    public int snapLength() {
        return snapLength;
    }

    public boolean nanosecondTimestamps() {
        return nanosPerFraction == 1;
    }

    public ByteOrder byteOrder() {
        return intLayout.order();
    }
}
