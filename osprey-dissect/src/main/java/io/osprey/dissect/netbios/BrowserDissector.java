package io.osprey.dissect.netbios;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * Browser announcements (MS-BRWS) carried in NetBIOS datagrams (RFC 1002 §4.4) on UDP port 138, as SMB
 * transactions to the mailslot "\MAILSLOT\BROWSE" (MS-CIFS §2.2.4.33, MS-MAIL). Layers, offsets from the start
 * of each:
 * <pre>
 * datagram (RFC 1002 §4.4.1)  MSG_TYPE(1) FLAGS(1) DGM_ID(2) SOURCE_IP(4) SOURCE_PORT(2) DGM_LENGTH(2)
 *                             PACKET_OFFSET(2) SOURCE_NAME DESTINATION_NAME USER_DATA
 * SMB header (MS-CIFS §2.2.3.1) 0xFF 'S' 'M' 'B', COMMAND(1) = 0x25 transaction, ... 32 octets
 * transaction request         WordCount(1) ... DataCount(2)@23 DataOffset(2)@25 SetupCount(1)@27 ... Setup[] ByteCount(2)
 *                             Name ("\MAILSLOT\BROWSE", zero-terminated); the data at DataOffset from the SMB header
 * announcement (MS-BRWS §2.2.1) Opcode(1) UpdateCount(1) Periodicity(4) ServerName(16) OSVersionMajor(1)
 *                             OSVersionMinor(1) ServerType(4, little-endian) BrowserVersion(2) Signature(2) Comment
 * </pre>
 * Host (opcode 1) and local master (15) announcements give {@value NetbiosAttributes#SERVER_NAME},
 * {@value NetbiosAttributes#OS_VERSION}, {@value NetbiosAttributes#SERVER_TYPE}, {@value NetbiosAttributes#COMMENT}
 * and the workgroup they are sent to (the destination name with suffix 1D or 1E); domain announcements (12) the
 * workgroup in their ServerName field, whose version and type fields describe the workgroup, not the host. Every
 * first datagram also gives the sender's own name (the source name) as {@value NetbiosAttributes#NAME}.
 * Facts are about SOURCE_IP (the originator, when a datagram distributor relays), with the frame's MAC when the
 * packet comes from that address.
 */
public final class BrowserDissector implements Dissector {
    public static final int PORT = 138;

    /** RFC 1002 §4.4.1: the datagram types that carry names and user data. */
    static final int DIRECT_UNIQUE = 0x10, DIRECT_GROUP = 0x11, BROADCAST = 0x12;
    /** FLAGS: F, the first fragment; later fragments carry no SMB header. */
    static final int FLAG_FIRST = 0x02;
    static final int MSG_TYPE_OFFSET = 0, FLAGS_OFFSET = 1, SOURCE_IP_OFFSET = 4, PACKET_OFFSET_OFFSET = 12,
            SOURCE_NAME_OFFSET = 14;

    /** MS-CIFS §2.2.3.1: SMB header. */
    static final int SMB_HEADER_LENGTH = 32, SMB_COMMAND_OFFSET = 4, SMB_COM_TRANSACTION = 0x25;
    /** MS-CIFS §2.2.4.33.1: transaction request fields, from the SMB header. */
    static final int WORD_COUNT_OFFSET = SMB_HEADER_LENGTH, DATA_COUNT_OFFSET = WORD_COUNT_OFFSET + 23,
            DATA_OFFSET_OFFSET = DATA_COUNT_OFFSET + 2, SETUP_COUNT_OFFSET = DATA_OFFSET_OFFSET + 2,
            SETUP_OFFSET = SETUP_COUNT_OFFSET + 2;
    static final String BROWSE_MAILSLOT = "\\MAILSLOT\\BROWSE";

    /** MS-BRWS §2.2: opcodes of the announcements read. */
    static final int HOST_ANNOUNCEMENT = 0x01, DOMAIN_ANNOUNCEMENT = 0x0c, LOCAL_MASTER_ANNOUNCEMENT = 0x0f;
    /** MS-BRWS §2.2.1 offsets. */
    static final int SERVER_NAME_OFFSET = 6, OS_MAJOR_OFFSET = SERVER_NAME_OFFSET + NetbiosName.LENGTH,
            OS_MINOR_OFFSET = OS_MAJOR_OFFSET + 1, SERVER_TYPE_OFFSET = OS_MINOR_OFFSET + 1,
            COMMENT_OFFSET = SERVER_TYPE_OFFSET + 4 + 2 + 2;
    /** MS-BRWS §2.2.1: the comment is at most 43 octets with its terminating zero. */
    public static final int MAX_COMMENT_LENGTH = 43;
    /** Destination name suffixes of announcements: local master browser (1D), browser election (1E). */
    static final int SUFFIX_MASTER_BROWSER = 0x1d, SUFFIX_BROWSER_ELECTION = 0x1e;

    private final byte[] sourceName = new byte[NetbiosName.LENGTH];
    private final byte[] destinationName = new byte[NetbiosName.LENGTH];
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts("browser", true);

    @Override
    public String name() {
        return "browser";
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload p, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || packet.ipVersion() != 4) return;
        int type = p.u8(MSG_TYPE_OFFSET);
        if (type != DIRECT_UNIQUE && type != DIRECT_GROUP && type != BROADCAST) return;
        if ((p.u8(FLAGS_OFFSET) & FLAG_FIRST) == 0 || p.u16(PACKET_OFFSET_OFFSET) != 0) return;
        long sourceIp = p.u32(SOURCE_IP_OFFSET);
        if (sourceIp <= 0) return;
        long lo = Packet.IPV4_MAPPED_PREFIX | sourceIp;
        long mac = lo == packet.srcIpLo() ? packet.srcMac() : Packet.NO_MAC;
        long ts = packet.timestampNanos();
        int at = NetbiosName.decode(p, SOURCE_NAME_OFFSET, sourceName);
        if (at < 0) return;
        NetbiosName.appendText(sourceName, value.clear());
        reported.attribute(sink, mac, 0, lo, NetbiosAttributes.NAME, value, NetbiosAttributes.STATED, ts);
        int smb = NetbiosName.decode(p, at, destinationName);
        int data = browseData(p, smb);
        if (data < 0) return;
        int opcode = p.u8(data);
        if (opcode == HOST_ANNOUNCEMENT || opcode == LOCAL_MASTER_ANNOUNCEMENT) {
            hostAnnouncement(p, data, mac, lo, ts, sink);
        } else if (opcode == DOMAIN_ANNOUNCEMENT && p.has(data + SERVER_NAME_OFFSET, NetbiosName.LENGTH)) {
            value.clear();
            appendZeroTerminated(p, data + SERVER_NAME_OFFSET, NetbiosName.LENGTH - 1);
            reported.attribute(sink, mac, 0, lo, NetbiosAttributes.WORKGROUP, value, NetbiosAttributes.STATED, ts);
        }
    }

    /**
     * Detection: the offset in the payload of the browser message of an SMB transaction to the browse mailslot
     * that starts at {@code smb}, or -1.
     */
    static int browseData(Payload p, int smb) {
        if (smb < 0 || p.u8(smb) != 0xff || !p.startsWith(smb + 1, "SMB")
                || p.u8(smb + SMB_COMMAND_OFFSET) != SMB_COM_TRANSACTION) {
            return -1;
        }
        int setupCount = p.u8(smb + SETUP_COUNT_OFFSET);
        int dataCount = p.u16le(smb + DATA_COUNT_OFFSET);
        int dataOffset = p.u16le(smb + DATA_OFFSET_OFFSET);
        if (setupCount < 0 || dataCount <= 0 || dataOffset < 0) return -1;
        int mailslot = smb + SETUP_OFFSET + 2 * setupCount + 2;
        if (!p.startsWith(mailslot, BROWSE_MAILSLOT) || p.u8(mailslot + BROWSE_MAILSLOT.length()) != 0) return -1;
        int data = smb + dataOffset;
        return p.has(data, 1) ? data : -1;
    }

    private void hostAnnouncement(Payload p, int data, long mac, long lo, long ts, ObservationSink sink) {
        if (!p.has(data, COMMENT_OFFSET)) return;
        value.clear();
        appendZeroTerminated(p, data + SERVER_NAME_OFFSET, NetbiosName.LENGTH - 1);
        reported.attribute(sink, mac, 0, lo, NetbiosAttributes.SERVER_NAME, value, NetbiosAttributes.STATED, ts);
        value.clear().appendDecimal(p.u8(data + OS_MAJOR_OFFSET)).append('.').appendDecimal(p.u8(data + OS_MINOR_OFFSET));
        reported.attribute(sink, mac, 0, lo, NetbiosAttributes.OS_VERSION, value, NetbiosAttributes.STATED, ts);
        long type = (long) p.u16le(data + SERVER_TYPE_OFFSET + 2) << 16 | p.u16le(data + SERVER_TYPE_OFFSET);
        ServerType.appendNames(type, value.clear());
        reported.attribute(sink, mac, 0, lo, NetbiosAttributes.SERVER_TYPE, value, NetbiosAttributes.STATED, ts);
        value.clear();
        appendZeroTerminated(p, data + COMMENT_OFFSET, MAX_COMMENT_LENGTH - 1);
        reported.attribute(sink, mac, 0, lo, NetbiosAttributes.COMMENT, value.trimTrailing(' '),
                NetbiosAttributes.STATED, ts);
        int suffix = NetbiosName.suffix(destinationName);
        if (suffix == SUFFIX_MASTER_BROWSER || suffix == SUFFIX_BROWSER_ELECTION) {
            NetbiosName.appendBaseName(destinationName, value.clear());
            reported.attribute(sink, mac, 0, lo, NetbiosAttributes.WORKGROUP, value, NetbiosAttributes.STATED, ts);
        }
    }

    /** Appends ASCII text up to a zero octet, the end of the payload or {@code max} octets. */
    private void appendZeroTerminated(Payload p, int at, int max) {
        for (int i = 0; i < max; i++) {
            int c = p.u8(at + i);
            if (c <= 0) return;
            value.appendText(c);
        }
    }
}
