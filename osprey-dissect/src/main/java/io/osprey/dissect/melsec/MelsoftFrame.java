package io.osprey.dissect.melsec;

/**
 * The layout of the MELSOFT messages GX Works exchanges with a MELSEC iQ-F CPU on UDP 5560, as read from the ITI
 * capture melsoft_UDP_clean_2.pcap (no public specification): 184 requests and their 184 answers, every one matching
 * these offsets. Octets are in wire order; lengths are little-endian.
 * <pre>
 *  0  type: 0x57 request, 0xD7 response (bit 7 = response)    1  0x01
 * 19  u16le length of everything from offset 21 on            21 0x1C request, 0x9C response (bit 7 again)
 * 45  request: the two command octets, then a serial octet    (the lines before are addressing, constant here)
 * 45  response: two status octets (00 00 = success), 47 the command octets echoed, 49 the serial, 53 data
 * </pre>
 * Command 01 21 is answered with the CPU model in the layout of SLMP Read Type Name (SH-080956ENG §5-8): 16
 * octets of ASCII padded with NUL, then the model code u16le ("FX5U-32MT/ES", 0x4A29). The 0x5A/0xDA messages
 * of 4 and 14-28 octets before each session are discovery and are not read.
 */
final class MelsoftFrame {
    static final int REQUEST = 0x57, RESPONSE = 0xD7, VERSION = 0x01;
    static final int LENGTH_OFFSET = 19, LENGTH_BASE = 21;
    static final int INNER_REQUEST = 0x1C, INNER_RESPONSE = 0x9C, INNER_OFFSET = 21;
    static final int REQUEST_COMMAND = 45;
    static final int RESPONSE_STATUS = 45, RESPONSE_COMMAND = 47, RESPONSE_DATA = 53;
    static final int READ_CPU_MODEL = 0x0121;
    static final int MODEL_NAME_LENGTH = 16, MODEL_CODE_LENGTH = 2;

    private MelsoftFrame() {}
}
