package io.osprey.packet.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a pcapng file (draft-ietf-opsawg-pcapng): several sections, each in its own byte order; several
 * interfaces with their own link type, snap length and timestamp resolution; Enhanced, Simple and (obsolete)
 * Packet Blocks; Name Resolution Blocks, whose IPv4 and IPv6 records go to {@link CaptureStats#names()}.
 * Every other block type is skipped by its length.
 *
 * <pre>
 * Every block (§3.1):  0 block type   4 block total length   8 body ...   total-4  block total length again
 * Section Header (§4.1, type 0x0A0D0D0A):  8 byte-order magic 0x1A2B3C4D   12 major (1)   14 minor
 *                                         16 section length (64 bits, -1 = unknown)   24 options
 * Interface Description (§4.2, type 1):   8 link type (16 bits)   10 reserved   12 snap length   16 options
 * Enhanced Packet (§4.3, type 6):         8 interface id   12 timestamp high   16 timestamp low
 *                                        20 captured length   24 original length   28 data, padded to 32 bits
 * Simple Packet (§4.4, type 3):           8 original length   12 data (interface 0, no timestamp)
 * Name Resolution (§4.5, type 4):         8 records: type (16) | length (16) | value padded to 32 bits
 * Packet, obsolete (Appendix, type 2):    8 interface id (16)   10 drops count (16)   12.. as Enhanced Packet
 * Options (§3.5):                         code (16) | length (16) | value padded to 32 bits; code 0 ends them
 * </pre>
 *
 * <p>{@link Frame#interfaceId()} numbers interfaces over the whole file (the first interface of the second
 * section follows the last one of the first), so it identifies an interface even when sections repeat ids.
 * A Simple Packet Block carries no timestamp: its frame gets the timestamp of the frame before it (0 for the
 * first frame of a file). FCS options (if_fcslen, epb_flags) are not applied: frames are delivered as captured.
 */
public final class PcapNgReader extends CaptureFileReader {
    static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    static final int PACKET_BLOCK = 2;
    static final int SIMPLE_PACKET_BLOCK = 3;
    static final int NAME_RESOLUTION_BLOCK = 4;
    static final int ENHANCED_PACKET_BLOCK = 6;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    static final int BLOCK_TYPE_OFFSET = 0;
    static final int BLOCK_LENGTH_OFFSET = BLOCK_TYPE_OFFSET + 4;
    static final int BLOCK_BODY_OFFSET = BLOCK_LENGTH_OFFSET + 4;
    /** Type, leading and trailing length. */
    static final int BLOCK_OVERHEAD = BLOCK_BODY_OFFSET + 4;

    static final int SHB_BYTE_ORDER_OFFSET = BLOCK_BODY_OFFSET;
    static final int SHB_MAJOR_OFFSET = SHB_BYTE_ORDER_OFFSET + 4;
    static final int SHB_MINOR_OFFSET = SHB_MAJOR_OFFSET + 2;
    static final int SHB_SECTION_LENGTH_OFFSET = SHB_MINOR_OFFSET + 2;
    static final int SHB_MIN_LENGTH = SHB_SECTION_LENGTH_OFFSET + 8 + 4;

    static final int IDB_LINK_TYPE_OFFSET = BLOCK_BODY_OFFSET;
    static final int IDB_SNAP_LENGTH_OFFSET = IDB_LINK_TYPE_OFFSET + 4;
    static final int IDB_OPTIONS_OFFSET = IDB_SNAP_LENGTH_OFFSET + 4;
    static final int IDB_MIN_LENGTH = IDB_OPTIONS_OFFSET + 4;
    static final int OPTION_END = 0;
    static final int OPTION_IF_TSRESOL = 9;
    static final int OPTION_IF_TSOFFSET = 14;

    static final int EPB_INTERFACE_OFFSET = BLOCK_BODY_OFFSET;
    static final int EPB_TIMESTAMP_HIGH_OFFSET = EPB_INTERFACE_OFFSET + 4;
    static final int EPB_TIMESTAMP_LOW_OFFSET = EPB_TIMESTAMP_HIGH_OFFSET + 4;
    static final int EPB_CAPTURED_LENGTH_OFFSET = EPB_TIMESTAMP_LOW_OFFSET + 4;
    static final int EPB_ORIGINAL_LENGTH_OFFSET = EPB_CAPTURED_LENGTH_OFFSET + 4;
    static final int EPB_DATA_OFFSET = EPB_ORIGINAL_LENGTH_OFFSET + 4;
    static final int EPB_MIN_LENGTH = EPB_DATA_OFFSET + 4;

    static final int OPB_INTERFACE_OFFSET = BLOCK_BODY_OFFSET;
    static final int OPB_DROPS_OFFSET = OPB_INTERFACE_OFFSET + 2;
    static final int OPB_TIMESTAMP_HIGH_OFFSET = OPB_DROPS_OFFSET + 2;
    static final int OPB_DATA_OFFSET = EPB_DATA_OFFSET;
    static final int OPB_MIN_LENGTH = EPB_MIN_LENGTH;

    static final int SPB_ORIGINAL_LENGTH_OFFSET = BLOCK_BODY_OFFSET;
    static final int SPB_DATA_OFFSET = SPB_ORIGINAL_LENGTH_OFFSET + 4;
    static final int SPB_MIN_LENGTH = SPB_DATA_OFFSET + 4;

    static final int NRB_RECORDS_OFFSET = BLOCK_BODY_OFFSET;
    static final int NRB_MIN_LENGTH = BLOCK_OVERHEAD;
    static final int NRB_RECORD_END = 0;
    static final int NRB_RECORD_IPV4 = 1;
    static final int NRB_RECORD_IPV6 = 2;

    /** What reading one block did. */
    private static final int STOP = -1;
    private static final int NO_FRAME = 0;
    private static final int ONE_FRAME = 1;

    private ValueLayout.OfInt intLayout = INT_LE;
    private ValueLayout.OfShort shortLayout = SHORT_LE;
    private ValueLayout.OfLong longLayout = LONG_LE;
    private boolean inSection;
    /** Interfaces of all sections; those of the current section start at {@link #sectionBase}. */
    private final List<PcapNgInterface> interfaces = new ArrayList<>();
    private int sectionBase;
    private long lastNanos;
    private boolean optionsWarned;
    private boolean namesWarned;

    PcapNgReader(CaptureInput input, String path) {
        super(input, path);
    }

    @Override
    int readRecords(FrameHandler handler, int maxFrames) throws IOException {
        int delivered = 0;
        try {
            while (delivered < maxFrames && !closed) {
                int result = readBlock(handler);
                if (result == STOP) break;
                delivered += result;
            }
        } catch (InternalError e) {
            // A mapped file that shrinks under the reader faults on access (SIGBUS, reported as InternalError).
            damaged(input.position(), "the file shrank while it was being read");
        }
        return delivered;
    }

    private int readBlock(FrameHandler handler) throws IOException {
        CaptureInput in = input;
        long offset = in.position();
        int got = in.request(BLOCK_BODY_OFFSET);
        if (got < BLOCK_BODY_OFFSET) {
            if (got == 0) {
                ended(offset);
            } else {
                damaged(offset, "the last block header is truncated (" + got + " of " + BLOCK_BODY_OFFSET + " bytes)");
            }
            return STOP;
        }
        // The section header's type reads the same in both byte orders; its byte-order magic sets the order.
        if (in.segment().get(INT_LE, in.index() + BLOCK_TYPE_OFFSET) == SECTION_HEADER_BLOCK) {
            return readSectionHeader(offset);
        }
        if (!inSection) {
            damaged(offset, "the file does not start with a section header block");
            return STOP;
        }
        int type = in.segment().get(intLayout, in.index() + BLOCK_TYPE_OFFSET);
        long length = Integer.toUnsignedLong(in.segment().get(intLayout, in.index() + BLOCK_LENGTH_OFFSET));
        if (length < BLOCK_OVERHEAD || (length & 3) != 0) {
            damaged(offset, "block length " + length + " is invalid (not a multiple of 4 of at least " + BLOCK_OVERHEAD + ")");
            return STOP;
        }
        return switch (type) {
            case ENHANCED_PACKET_BLOCK -> load(offset, type, length, EPB_MIN_LENGTH) ? enhancedPacket(handler, offset, (int) length) : STOP;
            case SIMPLE_PACKET_BLOCK -> load(offset, type, length, SPB_MIN_LENGTH) ? simplePacket(handler, offset, (int) length) : STOP;
            case PACKET_BLOCK -> load(offset, type, length, OPB_MIN_LENGTH) ? obsoletePacket(handler, offset, (int) length) : STOP;
            case INTERFACE_DESCRIPTION_BLOCK -> load(offset, type, length, IDB_MIN_LENGTH) ? interfaceDescription(offset, (int) length) : STOP;
            case NAME_RESOLUTION_BLOCK -> load(offset, type, length, NRB_MIN_LENGTH) ? nameResolution(offset, (int) length) : STOP;
            default -> skipBlock(offset, length);
        };
    }

    /**
     * Makes a whole block of a known type readable and checks its trailing length (§3.1: a block ends with a
     * copy of its length). False, with the damage reported, when it cannot be read.
     */
    private boolean load(long offset, int type, long length, int minLength) throws IOException {
        if (length < minLength) {
            damaged(offset, blockName(type) + " length " + length + " is shorter than its fixed fields (" + minLength + " bytes)");
            return false;
        }
        if (length > CaptureLimits.MAX_BLOCK_LENGTH) {
            damaged(offset, blockName(type) + " length " + length + " exceeds the " + CaptureLimits.MAX_BLOCK_LENGTH + "-byte limit");
            return false;
        }
        int got = input.request((int) length);
        if (got < length) {
            damaged(offset, "the last block is truncated (" + got + " of " + length + " bytes)");
            return false;
        }
        int trailing = input.segment().get(intLayout, input.index() + length - 4);
        if (trailing != (int) length) {
            damaged(offset, trailingProblem(trailing, length));
            return false;
        }
        return true;
    }

    private int skipBlock(long offset, long length) throws IOException {
        CaptureInput in = input;
        in.advance(BLOCK_BODY_OFFSET);
        long body = length - BLOCK_OVERHEAD;
        long skipped = in.skip(body);
        int got = skipped == body ? in.request(4) : 0;
        if (got < 4) {
            damaged(offset, "the last block is truncated (" + (BLOCK_BODY_OFFSET + skipped + got) + " of " + length + " bytes)");
            return STOP;
        }
        int trailing = in.segment().get(intLayout, in.index());
        if (trailing != (int) length) {
            damaged(offset, trailingProblem(trailing, length));
            return STOP;
        }
        in.advance(4);
        return NO_FRAME;
    }

    private int readSectionHeader(long offset) throws IOException {
        CaptureInput in = input;
        int got = in.request(SHB_MAJOR_OFFSET);
        if (got < SHB_MAJOR_OFFSET) {
            damaged(offset, "the last block is truncated (" + got + " of at least " + SHB_MIN_LENGTH + " bytes)");
            return STOP;
        }
        int magic = in.segment().get(INT_LE, in.index() + SHB_BYTE_ORDER_OFFSET);
        if (magic == BYTE_ORDER_MAGIC) {
            intLayout = INT_LE;
            shortLayout = SHORT_LE;
            longLayout = LONG_LE;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            intLayout = INT_BE;
            shortLayout = SHORT_BE;
            longLayout = LONG_BE;
        } else {
            damaged(offset, "section header byte-order magic is " + HexFormat.ofDelimiter(" ").formatHex(in.segment().asSlice(in.index() + SHB_BYTE_ORDER_OFFSET, 4).toArray(ValueLayout.JAVA_BYTE))
                    + ", neither 1a 2b 3c 4d nor 4d 3c 2b 1a");
            return STOP;
        }
        long length = Integer.toUnsignedLong(in.segment().get(intLayout, in.index() + BLOCK_LENGTH_OFFSET));
        if (length < BLOCK_OVERHEAD || (length & 3) != 0) {
            damaged(offset, "block length " + length + " is invalid (not a multiple of 4 of at least " + BLOCK_OVERHEAD + ")");
            return STOP;
        }
        if (!load(offset, SECTION_HEADER_BLOCK, length, SHB_MIN_LENGTH)) {
            return STOP;
        }
        int major = Short.toUnsignedInt(in.segment().get(shortLayout, in.index() + SHB_MAJOR_OFFSET));
        int minor = Short.toUnsignedInt(in.segment().get(shortLayout, in.index() + SHB_MINOR_OFFSET));
        if (major != 1) {
            damaged(offset, "pcapng version " + major + "." + minor + " is not supported (only 1.x)");
            return STOP;
        }
        // A new section: interface ids start again at 0 (§4.1). The section length is not needed to read on.
        inSection = true;
        sectionBase = interfaces.size();
        in.advance((int) length);
        return NO_FRAME;
    }

    private int interfaceDescription(long offset, int length) {
        CaptureInput in = input;
        MemorySegment s = in.segment();
        long i = in.index();
        if (interfaces.size() >= CaptureLimits.MAX_INTERFACES) {
            damaged(offset, "more than " + CaptureLimits.MAX_INTERFACES + " interfaces are described");
            return STOP;
        }
        int linkType = Short.toUnsignedInt(s.get(shortLayout, i + IDB_LINK_TYPE_OFFSET));
        int snapLength = s.get(intLayout, i + IDB_SNAP_LENGTH_OFFSET);
        int resolution = PcapNgInterface.DEFAULT_RESOLUTION;
        long offsetSeconds = 0;
        long p = i + IDB_OPTIONS_OFFSET;
        long end = i + length - 4;
        while (p + 4 <= end) {
            int code = Short.toUnsignedInt(s.get(shortLayout, p));
            int optionLength = Short.toUnsignedInt(s.get(shortLayout, p + 2));
            if (code == OPTION_END) break;
            if (p + 4 + optionLength > end) {
                optionsProblem(offset);
                break;
            }
            if (code == OPTION_IF_TSRESOL && optionLength >= 1) {
                resolution = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, p + 4));
            } else if (code == OPTION_IF_TSOFFSET && optionLength >= 8) {
                offsetSeconds = s.get(longLayout, p + 4);
            }
            p += 4 + ((optionLength + 3) & ~3);
        }
        if (!PcapNgInterface.isSupported(resolution)) {
            stats.warn(offset, "interface " + (interfaces.size() - sectionBase) + ": timestamp resolution 0x" + Integer.toHexString(resolution)
                    + " is too fine to convert; microseconds assumed");
            resolution = PcapNgInterface.DEFAULT_RESOLUTION;
        }
        interfaces.add(new PcapNgInterface(linkType, snapLength, resolution, offsetSeconds));
        in.advance(length);
        return NO_FRAME;
    }

    private void optionsProblem(long offset) {
        if (!optionsWarned) {
            optionsWarned = true;
            stats.warn(offset, "an option or name record runs past the end of its block; the rest of that block's options and records are ignored");
        }
    }

    /** The interface of the current section with this id, or null (damage reported) when there is none. */
    private PcapNgInterface interfaceOf(long offset, int id) {
        int described = interfaces.size() - sectionBase;
        if (id < 0 || id >= described) {
            damaged(offset, "a packet refers to interface " + Integer.toUnsignedString(id) + ", but its section describes " + described);
            return null;
        }
        return interfaces.get(sectionBase + id);
    }

    private int enhancedPacket(FrameHandler handler, long offset, int length) {
        MemorySegment s = input.segment();
        long i = input.index();
        int id = s.get(intLayout, i + EPB_INTERFACE_OFFSET);
        PcapNgInterface ifc = interfaceOf(offset, id);
        if (ifc == null) return STOP;
        long units = (Integer.toUnsignedLong(s.get(intLayout, i + EPB_TIMESTAMP_HIGH_OFFSET)) << 32)
                | Integer.toUnsignedLong(s.get(intLayout, i + EPB_TIMESTAMP_LOW_OFFSET));
        int captured = s.get(intLayout, i + EPB_CAPTURED_LENGTH_OFFSET);
        int original = s.get(intLayout, i + EPB_ORIGINAL_LENGTH_OFFSET);
        if (!capturedLengthFits(offset, captured, length - EPB_MIN_LENGTH, ifc, id)) return STOP;
        return deliver(handler, offset, length, ifc, sectionBase + id, ifc.nanos(units), EPB_DATA_OFFSET, captured, original);
    }

    private int obsoletePacket(FrameHandler handler, long offset, int length) {
        MemorySegment s = input.segment();
        long i = input.index();
        int id = Short.toUnsignedInt(s.get(shortLayout, i + OPB_INTERFACE_OFFSET));
        PcapNgInterface ifc = interfaceOf(offset, id);
        if (ifc == null) return STOP;
        long units = (Integer.toUnsignedLong(s.get(intLayout, i + OPB_TIMESTAMP_HIGH_OFFSET)) << 32)
                | Integer.toUnsignedLong(s.get(intLayout, i + OPB_TIMESTAMP_HIGH_OFFSET + 4));
        int captured = s.get(intLayout, i + EPB_CAPTURED_LENGTH_OFFSET);
        int original = s.get(intLayout, i + EPB_ORIGINAL_LENGTH_OFFSET);
        if (!capturedLengthFits(offset, captured, length - OPB_MIN_LENGTH, ifc, id)) return STOP;
        return deliver(handler, offset, length, ifc, sectionBase + id, ifc.nanos(units), OPB_DATA_OFFSET, captured, original);
    }

    private int simplePacket(FrameHandler handler, long offset, int length) {
        PcapNgInterface ifc = interfaceOf(offset, 0);
        if (ifc == null) return STOP;
        int original = input.segment().get(intLayout, input.index() + SPB_ORIGINAL_LENGTH_OFFSET);
        // §4.4: the captured length is not stored; it is the smallest of the original length, the
        // interface's snap length and the room in the block.
        int captured = Math.min(ifc.captureLimit, length - SPB_MIN_LENGTH);
        if (original >= 0 && original < captured) captured = original;
        return deliver(handler, offset, length, ifc, sectionBase, lastNanos, SPB_DATA_OFFSET, captured, original);
    }

    private boolean capturedLengthFits(long offset, int captured, int room, PcapNgInterface ifc, int id) {
        if (captured < 0 || captured > room) {
            damaged(offset, "packet captured length " + Integer.toUnsignedString(captured) + " is larger than its block (" + room + " bytes of data)");
            return false;
        }
        if (captured > ifc.captureLimit) {
            damaged(offset, "packet captured length " + captured + " exceeds "
                    + (ifc.captureLimit == ifc.snapLength ? "the snap length " + ifc.snapLength + " of interface " + id : "the " + CaptureLimits.MAX_FRAME_LENGTH + "-byte limit"));
            return false;
        }
        return true;
    }

    private int deliver(FrameHandler handler, long offset, int length, PcapNgInterface ifc, int interfaceId, long nanos,
                        int dataOffset, int captured, int original) {
        CaptureInput in = input;
        if (ifc.supported) {
            MemorySegment.copy(in.segment(), ValueLayout.JAVA_BYTE, in.index() + dataOffset, frame.buffer(captured), 0, captured);
        }
        in.advance(length);
        int wireLength = Math.max(original < 0 ? Integer.MAX_VALUE : original, captured);
        lastNanos = nanos;
        stats.count(nanos, wireLength);
        if (!ifc.supported) {
            stats.skipLinkType(ifc.linkType, offset);
            return NO_FRAME;
        }
        if (!ifc.linkTypeAdded) {
            ifc.linkTypeAdded = true;
            stats.addLinkType(ifc.linkType);
        }
        handler.onFrame(frame.set(nanos, ifc.linkType, interfaceId, captured, wireLength));
        return ONE_FRAME;
    }

    private int nameResolution(long offset, int length) {
        CaptureInput in = input;
        MemorySegment s = in.segment();
        long i = in.index();
        long p = i + NRB_RECORDS_OFFSET;
        long end = i + length - 4;
        while (p + 4 <= end) {
            int type = Short.toUnsignedInt(s.get(shortLayout, p));
            int recordLength = Short.toUnsignedInt(s.get(shortLayout, p + 2));
            if (type == NRB_RECORD_END) break;
            if (p + 4 + recordLength > end) {
                optionsProblem(offset);
                break;
            }
            int addressLength = type == NRB_RECORD_IPV4 ? 4 : type == NRB_RECORD_IPV6 ? 16 : -1;
            if (addressLength > 0 && recordLength > addressLength) {
                addName(offset, s, p + 4, addressLength, recordLength);
            }
            p += 4 + ((recordLength + 3) & ~3);
        }
        in.advance(length);
        return NO_FRAME;
    }

    private void addName(long offset, MemorySegment s, long value, int addressLength, int recordLength) {
        if (stats.names().size() >= CaptureLimits.MAX_NAME_RECORDS) {
            if (!namesWarned) {
                namesWarned = true;
                stats.warn(offset, "more than " + CaptureLimits.MAX_NAME_RECORDS + " name resolution records; the rest are ignored");
            }
            return;
        }
        byte[] bytes = s.asSlice(value, recordLength).toArray(ValueLayout.JAVA_BYTE);
        List<String> names = new ArrayList<>();
        // One or more zero-terminated UTF-8 names follow the address (§4.5).
        int start = addressLength;
        for (int j = addressLength; j <= bytes.length; j++) {
            if (j == bytes.length || bytes[j] == 0) {
                if (j > start) names.add(new String(bytes, start, j - start, StandardCharsets.UTF_8));
                start = j + 1;
            }
        }
        try {
            byte[] address = Arrays.copyOf(bytes, addressLength);
            if (!names.isEmpty()) stats.addName(new NameRecord(InetAddress.getByAddress(address), names));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + addressLength + " bytes", e); // 4 and 16 are always valid
        }
    }

    private static String trailingProblem(int trailing, long length) {
        return "the trailing block length " + Integer.toUnsignedString(trailing) + " disagrees with the leading length " + length;
    }

    private static String blockName(int type) {
        return switch (type) {
            case SECTION_HEADER_BLOCK -> "section header block";
            case INTERFACE_DESCRIPTION_BLOCK -> "interface description block";
            case PACKET_BLOCK -> "packet block";
            case SIMPLE_PACKET_BLOCK -> "simple packet block";
            case NAME_RESOLUTION_BLOCK -> "name resolution block";
            case ENHANCED_PACKET_BLOCK -> "enhanced packet block";
            default -> "block type 0x" + Integer.toHexString(type);
        };
    }

    @Override
    public String format() {
        return "pcapng";
    }

    /** Interfaces described so far, over all sections. */
    public int interfaceCount() {
        return interfaces.size();
    }
}
