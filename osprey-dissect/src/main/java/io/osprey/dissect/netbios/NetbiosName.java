package io.osprey.dissect.netbios;

import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.DnsName;
import io.osprey.dissect.dns.ValueBuffer;

/**
 * NetBIOS names (RFC 1001 §5.2, §14.1): 16 octets, the first 15 the name padded with spaces and the 16th the
 * suffix that says which service registered it (00 workstation, 20 file server, 1B domain master browser,
 * 1D local master browser, 1E browser election...). On the wire of the name and datagram services the 16 octets
 * travel first-level encoded — each octet as two letters 'A' + nibble — as the first label of a DNS-style name,
 * followed by the optional NetBIOS scope.
 *
 * <p>Text form, as Wireshark shows it: the name with its padding removed, then the suffix in angle brackets,
 * "DJP95S0J&lt;00&gt;"; octets outside printable ASCII are written "&lt;xx&gt;" too.
 */
public final class NetbiosName {
    /** RFC 1001 §14.1: a NetBIOS name is 16 octets. */
    public static final int LENGTH = 16;
    /** ... and 32 letters once first-level encoded. */
    public static final int ENCODED_LENGTH = 2 * LENGTH;
    /** Octet 16 is the suffix. */
    public static final int SUFFIX_INDEX = LENGTH - 1;

    private NetbiosName() {}

    /**
     * Decodes the first label of {@code name} into {@code out[0..16)}; false when that label is not a first-level
     * encoded NetBIOS name (32 letters 'A'–'P').
     */
    public static boolean decode(DnsName name, byte[] out) {
        if (name.labelCount() < 1 || name.labelLength(0) != ENCODED_LENGTH) return false;
        for (int i = 0; i < LENGTH; i++) {
            int hi = name.labelByte(0, 2 * i) - 'A';
            int lo = name.labelByte(0, 2 * i + 1) - 'A';
            if ((hi | lo) < 0 || hi > 15 || lo > 15) return false;
            out[i] = (byte) (hi << 4 | lo);
        }
        return true;
    }

    /**
     * Decodes the encoded name at {@code at} of {@code payload} (RFC 1002 §4.1: a 32-letter label, then scope
     * labels, then the root label; no compression) into {@code out}; returns the offset after the name, or -1.
     */
    public static int decode(Payload payload, int at, byte[] out) {
        if (payload.u8(at) != ENCODED_LENGTH || !payload.has(at + 1, ENCODED_LENGTH)) return -1;
        for (int i = 0; i < LENGTH; i++) {
            int hi = payload.u8(at + 1 + 2 * i) - 'A';
            int lo = payload.u8(at + 2 + 2 * i) - 'A';
            if ((hi | lo) < 0 || hi > 15 || lo > 15) return -1;
            out[i] = (byte) (hi << 4 | lo);
        }
        int pos = at + 1 + ENCODED_LENGTH;
        for (int octets = 1 + ENCODED_LENGTH; ; ) {
            int len = payload.u8(pos);
            if (len < 0 || len > DnsName.MAX_LABEL_LENGTH) return -1;
            if (len == 0) return pos + 1;
            octets += 1 + len;
            if (octets > DnsName.MAX_NAME_LENGTH) return -1;
            pos += 1 + len;
        }
    }

    /** Copies 16 raw (not encoded) name octets from {@code payload}, as a node status response lists them. */
    public static boolean copy(Payload payload, int at, byte[] out) {
        return payload.has(at, LENGTH) && payload.copy(at, out, 0, LENGTH) == LENGTH;
    }

    /** The suffix octet. */
    public static int suffix(byte[] name) {
        return name[SUFFIX_INDEX] & 0xff;
    }

    /** True for "*" padded with zeros, the wildcard a node status request asks with (RFC 1002 §4.2.17). */
    public static boolean isWildcard(byte[] name) {
        return name[0] == '*';
    }

    /** Appends the text form, "NAME&lt;xx&gt;". */
    public static ValueBuffer appendText(byte[] name, ValueBuffer out) {
        appendBaseName(name, out);
        return out.append('<').appendHex2(suffix(name)).append('>');
    }

    /** Appends the 15-octet name without its padding or suffix (a workgroup, a server name). */
    public static ValueBuffer appendBaseName(byte[] name, ValueBuffer out) {
        int end = SUFFIX_INDEX;
        while (end > 0 && (name[end - 1] == ' ' || name[end - 1] == 0)) end--;
        for (int i = 0; i < end; i++) {
            int c = name[i] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                out.append('<').appendHex2(c).append('>');
            } else {
                out.append(c);
            }
        }
        return out;
    }
}
