package io.osprey.dissect.s7;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.tpkt.Tpkt;
import io.osprey.packet.decode.Packet;

/**
 * Siemens S7 on ISO-on-TCP (TCP 102): TPKT (RFC 1006 §6) frames carrying COTP TPDUs (ISO 8073 / X.224 §13), whose
 * DT user data is an S7comm PDU (protocol id 0x32, S7-300/400 and S7-1200 in compatibility) or an S7comm-plus PDU
 * (0x72, S7-1200/1500). Each TCP segment is read as a sequence of whole TPKTs; a TPKT that goes on in the next
 * segment is skipped and counted ({@link #splitTpkts}), and so is a COTP DT whose EOT flag says it is continued.
 *
 * <ul>
 *   <li>COTP CR (§13.3): the calling and called TSAPs, about the client.</li>
 *   <li>S7comm job (ROSCTR 1): the function used (setup, read/write var, download, upload, PLC control with its PI
 *       service, PLC stop), about the client, whichever end sent the job.</li>
 *   <li>S7comm userdata (ROSCTR 7): request functions about the client; answers to "read SZL" (CPU functions,
 *       subfunction 1) for lists 0x0011 (module identification), 0x001C (component identification) and 0x0424
 *       (mode transition), about the PLC, even when the answer spans several userdata fragments.</li>
 *   <li>S7comm-plus: opcode and function names, and the order number and firmware version the PLC states in its
 *       CreateObject answer ("1;6ES7 211-1BE31-0XB0 ;V3.0").</li>
 *   <li>Any S7 PDU: the roles of both ends and the PLC's {@link Observation.Service}.</li>
 * </ul>
 *
 * The client is the end not on port 102 (the flow's client when both or neither are). Payload that is not S7 on
 * port 102 (IEC 61850 MMS uses the same TPKT/COTP) yields nothing but the TSAPs.
 */
public final class S7Dissector implements Dissector {
    public static final String NAME = "s7";
    /** RFC 1006 §3: ISO transport services on top of TCP listen on port 102. */
    public static final int PORT = 102;
    /**
     * Every packet of a connection is examined: the functions that matter for OT alerts (download, PLC stop) come
     * at any time in long-lived engineering and HMI sessions, and S7 traffic is light.
     */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;
    /** The operation reporting a COTP connection request: "type=pg rack=0 slot=2". */
    public static final String CONNECT_OPERATION = "connect";

    static final int TPKT_HEADER = Tpkt.HEADER;
    static final int COTP_CR = Tpkt.COTP_CR, COTP_DT = Tpkt.COTP_DT, COTP_EOT = Tpkt.COTP_EOT;
    /** X.224 §13.3.4: CR fixed part (type, DST-REF, SRC-REF, class) before the variable-part parameters. */
    static final int COTP_CR_FIXED = 6;
    static final int PARAM_CALLING_TSAP = 0xC1, PARAM_CALLED_TSAP = 0xC2;
    /** TPKTs read per segment. */
    public static final int MAX_TPKTS_PER_SEGMENT = 64;
    /** Octets of a TSAP kept (S7 TSAPs are 2 octets; S7-1200 names such as "SIMATIC-ROOT-HMI" are 16). */
    public static final int MAX_TSAP_LENGTH = 32;
    /** Octets of a PI service name kept (names are at most 9 octets, "P_PROGRAM"). */
    public static final int MAX_PI_SERVICE_LENGTH = 16;
    /** Octets of the S7comm-plus version string kept ("1;6ES7 211-1BE31-0XB0 ;V3.0" is 27). */
    public static final int MAX_PLUS_VERSION_LENGTH = 64;

    static final int S7COMM_ID = 0x32, S7COMM_PLUS_ID = 0x72;
    static final int ROSCTR_JOB = 1, ROSCTR_ACK = 2, ROSCTR_ACK_DATA = 3, ROSCTR_USERDATA = 7;
    /** S7comm header: 10 octets, 12 for ack and ack-data, which add an error class and code. */
    static final int S7_HEADER = 10, S7_ACK_HEADER = 12;
    /** Userdata parameter head (00 01 12), then length, method, type/group, subfunction, sequence number. */
    static final int USERDATA_PARAM_HEAD = 0x000112;
    static final int USERDATA_REQUEST = 4, USERDATA_RESPONSE = 8;
    /** Userdata data: return code, transport size, length; 0xFF is success. */
    static final int RETURN_SUCCESS = 0xFF, USERDATA_DATA_HEADER = 4;
    /** SZL answer header: SZL-ID, index, LENTHDR, N_DR. */
    static final int SZL_HEADER = 8;
    static final int SZL_MODULE_ID = 0x11, SZL_COMPONENT_ID = 0x1C, SZL_MODE = 0x24;
    /** Text octets of a component identification record (0x001C) after its index. */
    static final int COMPONENT_TEXT = 32;
    /** Module identification record (0x0011): index, MLFB (20 octets), BGTyp, Ausbg, Ausbe. */
    static final int MLFB_OFFSET = 2, MLFB_LENGTH = 20, AUSBG_OFFSET = 24, MODULE_RECORD = 28;
    /** S7comm-plus: id, version, length, then opcode, 2 reserved octets, function code. */
    static final int PLUS_HEADER = 4, PLUS_FUNCTION_OFFSET = 7;
    /** S7comm-plus data type of a WString value (a length, then UTF-8). */
    static final int PLUS_WSTRING = 0x15;

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final SzlRecords szl = new SzlRecords();
    private final SzlRecords.RecordSink onRecord = this::record;
    private long clientMac, clientHi, clientLo, serverMac, serverHi, serverLo, nanos;
    private int serverPort;
    private ObservationSink sink;
    private long splitTpkts, cotpFragments, malformed, notS7;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forTcpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }


    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isTcp() || payload.length() == 0) return;
        boolean fromClient = packet.dstPort() == PORT && packet.srcPort() != PORT
                || (packet.dstPort() == PORT) == (packet.srcPort() == PORT) && (!flow.exists() || flow.fromClient());
        locate(packet, fromClient);
        this.sink = sink;
        int flowId = flow.exists() ? flow.id() : -1;
        int at = 0;
        for (int n = 0; n < MAX_TPKTS_PER_SEGMENT && payload.has(at, TPKT_HEADER); n++) {
            if (!Tpkt.isTpkt(payload, at)) {
                reportMalformed();
                return;
            }
            int end = at + payload.u16(at + 2);
            if (end > payload.length()) {
                splitTpkts++;
                return;
            }
            cotp(payload, at + TPKT_HEADER, end, fromClient, flowId);
            at = end;
        }
    }

    private void locate(Packet packet, boolean fromClient) {
        clientMac = fromClient ? packet.srcMac() : packet.dstMac();
        clientHi = fromClient ? packet.srcIpHi() : packet.dstIpHi();
        clientLo = fromClient ? packet.srcIpLo() : packet.dstIpLo();
        serverMac = fromClient ? packet.dstMac() : packet.srcMac();
        serverHi = fromClient ? packet.dstIpHi() : packet.srcIpHi();
        serverLo = fromClient ? packet.dstIpLo() : packet.srcIpLo();
        serverPort = fromClient ? packet.dstPort() : packet.srcPort();
        nanos = packet.timestampNanos();
        operations.between(clientMac, clientHi, clientLo, serverMac, serverHi, serverLo, nanos);
    }

    /** One COTP TPDU in {@code [at, end)}; the length indicator was checked by {@link Tpkt#isTpkt}. */
    private void cotp(Payload payload, int at, int end, boolean fromClient, int flowId) {
        int li = payload.u8(at);
        int type = payload.u8(at + 1);
        if ((type & 0xF0) == COTP_CR && fromClient) {
            tsaps(payload, at + 1 + COTP_CR_FIXED, at + 1 + li);
        } else if (type == COTP_DT) {
            int data = at + 1 + li;
            if ((payload.u8(at + 2) & COTP_EOT) == 0) {
                if (data < end) cotpFragments++;
                return;
            }
            int id = payload.u8(data);
            if (id == S7COMM_ID) s7comm(payload, data, end, fromClient, flowId);
            else if (id == S7COMM_PLUS_ID) s7commPlus(payload, data, end, fromClient);
            else if (id >= 0) notS7++;
        }
    }

    /** X.224 §13.3.4: the CR variable part, parameters of code, length, value. */
    private void tsaps(Payload payload, int at, int end) {
        while (at + 2 <= end) {
            int code = payload.u8(at), length = payload.u8(at + 1);
            if (at + 2 + length > end) return;
            if (code == PARAM_CALLING_TSAP || code == PARAM_CALLED_TSAP) {
                tsap(payload, at + 2, length);
                reported.attribute(sink, clientMac, clientHi, clientLo,
                        code == PARAM_CALLING_TSAP ? S7Attributes.CALLING_TSAP : S7Attributes.CALLED_TSAP, value,
                        S7Attributes.CONFIGURED, nanos);
                if (code == PARAM_CALLED_TSAP && length == 2) calledTsap(payload.u8(at + 2), payload.u8(at + 3));
            }
            at += 2 + length;
        }
    }

    /**
     * An S7 called TSAP is two octets: the connection type (1 PG, a programming device; 2 OP, an operator panel;
     * 3 S7 basic) and the CPU's rack (high 3 bits) and slot (low 5 bits). Reported as a "connect" operation, which
     * gives the PLC's rack and slot and who connects to it as a programmer.
     */
    private void calledTsap(int type, int rackSlot) {
        String kind = switch (type) {
            case 1 -> "pg";
            case 2 -> "op";
            case 3 -> "basic";
            default -> "other";
        };
        value.clear().append("type=").append(kind).append(" rack=").appendDecimal(rackSlot >>> 5)
                .append(" slot=").appendDecimal(rackSlot & 0x1F);
        operations.once(sink, CONNECT_OPERATION, value);
    }

    /** A TSAP as text when every octet is printable ASCII (and there are more than two), else in hex. */
    private void tsap(Payload payload, int at, int length) {
        value.clear();
        int n = Math.min(length, MAX_TSAP_LENGTH);
        boolean text = n > 2;
        for (int i = 0; i < n && text; i++) text = printable(payload.u8(at + i));
        for (int i = 0; i < n; i++) {
            if (text) value.append(payload.u8(at + i));
            else value.appendHex2(payload.u8(at + i));
        }
    }

    private void s7comm(Payload payload, int at, int end, boolean fromClient, int flowId) {
        int rosctr = payload.u8(at + 1);
        int header = rosctr == ROSCTR_ACK || rosctr == ROSCTR_ACK_DATA ? S7_ACK_HEADER : S7_HEADER;
        int paramLength = payload.u16(at + 6), dataLength = payload.u16(at + 8);
        int param = at + header, data = param + paramLength;
        if (rosctr != ROSCTR_JOB && rosctr != ROSCTR_ACK && rosctr != ROSCTR_ACK_DATA && rosctr != ROSCTR_USERDATA
                || at + header > end || dataLength < 0 || data + dataLength > end) {
            reportMalformed();
            return;
        }
        roles(S7Attributes.PROTOCOL_S7COMM);
        if (rosctr == ROSCTR_JOB && paramLength > 0) job(payload, param, data);
        else if (rosctr == ROSCTR_USERDATA) userdata(payload, param, paramLength, data, data + dataLength, fromClient, flowId);
    }

    /** Roles, the protocol about both ends, and the server's service: any well-formed S7 PDU proves them. */
    private void roles(String protocol) {
        reported.attribute(sink, clientMac, clientHi, clientLo, S7Attributes.ROLE,
                value.clear().append(S7Attributes.ROLE_CLIENT), S7Attributes.STATED, nanos);
        reported.attribute(sink, serverMac, serverHi, serverLo, S7Attributes.ROLE,
                value.clear().append(S7Attributes.ROLE_SERVER), S7Attributes.STATED, nanos);
        value.clear().append(protocol);
        reported.attribute(sink, clientMac, clientHi, clientLo, S7Attributes.PROTOCOL, value, S7Attributes.STATED, nanos);
        reported.attribute(sink, serverMac, serverHi, serverLo, S7Attributes.PROTOCOL, value, S7Attributes.STATED, nanos);
        reported.service(sink, serverMac, serverHi, serverLo, serverPort, Observation.Transport.TCP, protocol, nanos);
    }

    /** A PDU that breaks the framing or the S7 header: counted, and reported for the malformed-packets alert. */
    private void reportMalformed() {
        malformed++;
        operations.every(sink, ReportedOperations.MALFORMED, null);
    }

    private void clientFact(String attribute, String name) {
        reported.attribute(sink, clientMac, clientHi, clientLo, attribute, value.clear().append(name),
                S7Attributes.STATED, nanos);
    }

    /** A job's function (first parameter octet); a PLC control job is reported with its PI service. */
    private void job(Payload payload, int param, int end) {
        int code = payload.u8(param);
        String name = S7Functions.job(code);
        if (name == null) return;
        clientFact(S7Attributes.FUNCTION, name);
        if (code == S7Functions.PLC_CONTROL) {
            if (!piService(payload, param, end)) operations.every(sink, name, "piService=?");
            else operations.every(sink, name, "piService=" + value.text());
        } else if (S7Functions.changesPlc(code)) {
            operations.every(sink, name, "function=0x" + Integer.toHexString(code));
        } else {
            operations.once(sink, name);
        }
    }

    /**
     * PLC control (0x28): 7 octets, a parameter block length and block, then the PI service name with a one-octet
     * length, read into {@link #value}; false when it is not there or not printable.
     */
    private boolean piService(Payload payload, int param, int end) {
        int block = payload.u16(param + 8);
        int nameAt = param + 10 + Math.max(block, 0);
        int nameLength = payload.u8(nameAt);
        if (block < 0 || nameLength <= 0 || nameAt + 1 + nameLength > end) return false;
        value.clear();
        for (int i = 0; i < Math.min(nameLength, MAX_PI_SERVICE_LENGTH); i++) {
            int c = payload.u8(nameAt + 1 + i);
            if (!printable(c)) return false;
            value.append(c);
        }
        reported.attribute(sink, clientMac, clientHi, clientLo, S7Attributes.PI_SERVICE, value, S7Attributes.STATED, nanos);
        if (nameLength == S7Functions.PI_PROGRAM.length() && payload.startsWith(nameAt + 1, S7Functions.PI_PROGRAM)) {
            clientFact(S7Attributes.FUNCTION, S7Functions.PLC_START);
            operations.every(sink, S7Functions.PLC_START, "piService=" + S7Functions.PI_PROGRAM);
            value.clear().append(S7Functions.PI_PROGRAM);
        }
        return true;
    }

    private void userdata(Payload payload, int param, int paramLength, int data, int end, boolean fromClient,
                          int flowId) {
        if (paramLength < 8 || (payload.u8(param) << 16 | payload.u16(param + 1)) != USERDATA_PARAM_HEAD) {
            reportMalformed();
            return;
        }
        int type = payload.u8(param + 5) >>> 4, group = payload.u8(param + 5) & 0xF;
        int subfunction = payload.u8(param + 6);
        if (type == USERDATA_REQUEST && fromClient) {
            String name = S7Functions.userdata(group, subfunction);
            if (name != null) {
                clientFact(S7Attributes.FUNCTION, name);
                operations.once(sink, name);
            }
            return;
        }
        if (type != USERDATA_RESPONSE || fromClient || group != S7Functions.GROUP_CPU
                || subfunction != S7Functions.CPU_READ_SZL || paramLength < 12 || payload.u16(param + 10) != 0) {
            return;
        }
        int unit = payload.u8(param + 8);
        boolean last = payload.u8(param + 9) == 0;
        if (payload.u8(data) != RETURN_SUCCESS) return;
        int content = data + USERDATA_DATA_HEADER;
        int contentEnd = Math.min(end, content + Math.max(payload.u16(data + 2), 0));
        if (szl.continues(flowId, unit)) {
            szl.feed(payload, content, contentEnd, onRecord);
        } else {
            int id = payload.u16(content);
            if (contentEnd < content + SZL_HEADER || !wanted(id)) {
                szl.finish();
                return;
            }
            if (!szl.start(id, payload.u16(content + 4), payload.u16(content + 6))) return;
            szl.feed(payload, content + SZL_HEADER, contentEnd, onRecord);
        }
        if (last) szl.finish();
        else szl.awaitMore(flowId, unit);
    }

    /** The partial lists read, by their number (low octet of the SZL-ID, whatever the extract). */
    private static boolean wanted(int szlId) {
        int list = szlId & 0xFF;
        return list == SZL_MODULE_ID || list == SZL_COMPONENT_ID || list == SZL_MODE;
    }

    /** One SZL record, about the PLC. */
    private void record(int szlId, byte[] record, int length) {
        int index = (record[0] & 0xFF) << 8 | record[1] & 0xFF;
        switch (szlId & 0xFF) {
            case SZL_MODULE_ID -> moduleIdentification(index, record, length);
            case SZL_COMPONENT_ID -> componentIdentification(index, record, length);
            case SZL_MODE -> {
                String mode = length >= 4 ? S7Functions.cpuMode(record[3] & 0xF) : null;
                if (mode != null) {
                    serverFact(S7Attributes.CPU_MODE, value.clear().append(mode));
                    operations.once(sink, ReportedOperations.MODE, value);
                }
            }
            default -> { }
        }
    }

    /**
     * Module identification (SZL 0x0011, §34.3): index 1 the module's order number, 6 the basic hardware, 7 the
     * basic firmware, whose Ausbg/Ausbe octets are 'V', major, minor, patch.
     */
    private void moduleIdentification(int index, byte[] record, int length) {
        if (length < MODULE_RECORD) return;
        switch (index) {
            case 1 -> serverFact(S7Attributes.ORDER_NUMBER, text(record, MLFB_OFFSET, MLFB_LENGTH));
            case 6 -> serverFact(S7Attributes.HARDWARE_VERSION, version(record));
            case 7 -> serverFact(S7Attributes.FIRMWARE_VERSION, version(record));
            default -> { }
        }
    }

    private ValueBuffer version(byte[] record) {
        value.clear();
        int a = record[AUSBG_OFFSET] & 0xFF;
        if (a == 'V') {
            value.append('V').appendDecimal(record[AUSBG_OFFSET + 1] & 0xFF).append('.')
                    .appendDecimal(record[AUSBG_OFFSET + 2] & 0xFF).append('.')
                    .appendDecimal(record[AUSBG_OFFSET + 3] & 0xFF);
        } else {
            value.appendDecimal(a << 8 | record[AUSBG_OFFSET + 1] & 0xFF);
        }
        return value;
    }

    /** Component identification (SZL 0x001C, §34.5): an index, then up to 32 octets of text ended by NUL. */
    private void componentIdentification(int index, byte[] record, int length) {
        String attribute = switch (index) {
            case 1 -> S7Attributes.SYSTEM_NAME;
            case 2 -> S7Attributes.MODULE_NAME;
            case 3 -> S7Attributes.PLANT_ID;
            case 4 -> S7Attributes.COPYRIGHT;
            case 5 -> S7Attributes.SERIAL_NUMBER;
            case 7 -> S7Attributes.MODULE_TYPE_NAME;
            case 8 -> S7Attributes.MEMORY_CARD_SERIAL;
            case 11 -> S7Attributes.LOCATION;
            default -> null;
        };
        if (attribute != null) serverFact(attribute, text(record, 2, Math.min(COMPONENT_TEXT, length - 2)));
    }

    /** Text from a record up to the first NUL, control characters escaped, trailing spaces trimmed. */
    private ValueBuffer text(byte[] record, int from, int n) {
        value.clear();
        for (int i = from; i < from + n && record[i] != 0; i++) value.appendText(record[i] & 0xFF);
        value.trimTrailing(' ');
        return value;
    }

    private void serverFact(String attribute, ValueBuffer v) {
        reported.attribute(sink, serverMac, serverHi, serverLo, attribute, v, S7Attributes.STATED, nanos);
    }

    /** S7comm-plus: id 0x72, version, data length, then the opcode and (but for notifications) a function code. */
    private void s7commPlus(Payload payload, int at, int end, boolean fromClient) {
        if (at + PLUS_HEADER + 1 > end) {
            reportMalformed();
            return;
        }
        int opcode = payload.u8(at + PLUS_HEADER);
        roles(S7Attributes.PROTOCOL_S7COMM_PLUS); // keep-alives and unknown opcodes still prove the protocol
        String opcodeName = S7Functions.plusOpcode(opcode);
        if (opcodeName == null) return;
        value.clear().append(opcodeName);
        if (fromClient) {
            reported.attribute(sink, clientMac, clientHi, clientLo, S7Attributes.PLUS_OPCODE, value, S7Attributes.STATED, nanos);
        } else {
            serverFact(S7Attributes.PLUS_OPCODE, value);
        }
        int function = at + PLUS_FUNCTION_OFFSET + 2 <= end ? payload.u16(at + PLUS_FUNCTION_OFFSET) : -1;
        if (opcode == S7Functions.PLUS_REQUEST && fromClient) {
            String name = S7Functions.plusFunction(function);
            if (name != null) {
                clientFact(S7Attributes.PLUS_FUNCTION, name);
                operations.once(sink, name);
            }
        } else if (opcode == S7Functions.PLUS_RESPONSE && !fromClient && function == S7Functions.PLUS_CREATE_OBJECT) {
            plusVersion(payload, at + PLUS_FUNCTION_OFFSET + 2, end);
        }
    }

    /**
     * The CreateObject answer of an S7-1200/1500 carries a WString attribute "{n};{order number};{version}"
     * ("1;6ES7 211-1BE31-0XB0 ;V3.0"): found as a WString (0x15) of one-octet length whose text is a digit, ';',
     * a printable order number, ';' and a version starting with 'V'.
     */
    private void plusVersion(Payload payload, int from, int end) {
        for (int i = from; i + 2 < end; i++) {
            if (payload.u8(i) != PLUS_WSTRING) continue;
            int length = payload.u8(i + 1), text = i + 2;
            if (length < 6 || length > MAX_PLUS_VERSION_LENGTH || text + length > end) continue;
            int digit = payload.u8(text);
            if (digit < '0' || digit > '9' || payload.u8(text + 1) != ';') continue;
            int second = -1;
            boolean ok = true;
            for (int k = text + 2; k < text + length && ok; k++) {
                int c = payload.u8(k);
                ok = printable(c);
                if (c == ';') {
                    if (second >= 0) ok = false;
                    second = k;
                }
            }
            if (!ok || second < 0 || payload.u8(second + 1) != 'V') continue;
            value.clear();
            for (int k = text + 2; k < second; k++) value.append(payload.u8(k));
            value.trimTrailing(' ');
            serverFact(S7Attributes.ORDER_NUMBER, value);
            value.clear();
            for (int k = second + 1; k < text + length; k++) value.append(payload.u8(k));
            value.trimTrailing(' ');
            serverFact(S7Attributes.FIRMWARE_VERSION, value);
            return;
        }
    }

    private static boolean printable(int c) {
        return c >= 0x20 && c < 0x7F;
    }

    /** TPKTs skipped because they went on in a later segment (no TCP reassembly). */
    public long splitTpkts() { return splitTpkts; }

    /** COTP DT TPDUs skipped because their user data goes on in the next TPDU (EOT clear). */
    public long cotpFragments() { return cotpFragments; }

    /** Segments or PDUs that did not read as TPKT, COTP or S7. */
    public long malformed() { return malformed; }

    /** COTP DT user data on port 102 that is neither S7comm nor S7comm-plus (e.g. IEC 61850 MMS). */
    public long notS7() { return notS7; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
