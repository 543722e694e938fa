package io.osprey.dissect.tpkt;

import io.osprey.dissect.Payload;

/**
 * ISO transport on TCP port 102, shared by S7comm and IEC 61850 MMS: TPKT (RFC 1006 §6) frames carrying COTP TPDUs
 * (ISO 8073 / X.224 §13).
 */
public final class Tpkt {
    /** RFC 1006 §6: version 3, a reserved octet, a 16-bit length counting the 4-octet header. */
    public static final int VERSION = 3, HEADER = 4;
    /** X.224 §13.2.1: the length indicator counts the header after itself; a DT header is 2 octets, LI 2. */
    public static final int COTP_MIN_LENGTH = 2;
    /** X.224 §13.3 and §13.7: the CR and DT TPDU codes, and the EOT bit of a DT's TPDU-NR octet. */
    public static final int COTP_CR = 0xE0, COTP_DT = 0xF0, COTP_EOT = 0x80;

    private Tpkt() {}

    /** RFC 1006 §6 and X.224 §13.2: a TPKT header at {@code at} holding a COTP header that fits in it. */
    public static boolean isTpkt(Payload payload, int at) {
        int length = payload.u16(at + 2);
        int li = payload.u8(at + HEADER);
        return payload.u8(at) == VERSION && payload.u8(at + 1) == 0
                && length >= HEADER + 1 + COTP_MIN_LENGTH && li >= COTP_MIN_LENGTH && 1 + li <= length - HEADER;
    }
}
