package io.osprey.dissect.mms;

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
 * IEC 61850-8-1 MMS (ISO 9506) on ISO-on-TCP (TCP 102), through the OSI upper layers of the IEC 61850 "A-profile":
 * TPKT (RFC 1006 §6), COTP DT (X.224 §13.7), ISO session (X.225 / ISO 8327-1), presentation (X.226 / ISO 8823-1),
 * and for association set-up ACSE (X.227 / ISO 8650-1).
 *
 * <ul>
 *   <li>Session CONNECT (CN) and ACCEPT (AC) SPDUs carry the presentation CP/CPA PPDU in their Session User Data
 *       parameter; inside it ACSE AARQ/AARE holds the MMS initiate-request/response in its user-information.</li>
 *   <li>Session GIVE TOKENS + DATA TRANSFER SPDUs (X.225 §7.11, basic concatenation) carry a presentation
 *       fully-encoded-data PDV whose single-ASN1-type is the MMS PDU: confirmed requests and responses, reports.</li>
 * </ul>
 *
 * Facts: each end's role and the PDU kinds it sent; per client the confirmed services it requested
 * ({@link MmsAttributes#FUNCTION}) and the domains (logical devices) it named, which are about the server; from an
 * identify response the server's vendorName, modelName and revision; the server's {@link Observation.Service}.
 *
 * <p>Port 102 is shared with S7 (S7comm rides COTP DT directly, protocol id 0x32 or 0x72): such payload fails the
 * session check on its first user-data octet and is left alone. A TPKT that continues in the next segment and COTP
 * DTs without the EOT flag (segmented TSDUs) are skipped and counted: identify answers and requests are short.
 *
 * <p>Operations ({@link Observation.Operation}, source "mms"): each confirmed service a client requests, named as
 * {@link MmsAttributes#FUNCTION} names it. Those that change the server — write, the domain download and delete
 * services, program invocation control (start, stop, resume, reset, kill, create, delete) and the file services
 * that create, rename, delete or open files — are reported at each occurrence with the first name the request
 * carries ("name=LD0/LLN0$CO$Mod$Oper", "name=P1"); the rest once per pair. TPKT or session headers that break
 * the framing are reported as {@link ReportedOperations#MALFORMED}.
 */
public final class MmsDissector implements Dissector {
    public static final String NAME = "mms";
    /** RFC 1006 §3: ISO transport services on top of TCP listen on port 102. */
    public static final int PORT = 102;
    /**
     * Every packet of an association is examined: clients call services (write, file transfer) at any time in
     * long-lived SCADA associations, and MMS traffic is light.
     */
    public static final int PAYLOAD_PACKETS = Integer.MAX_VALUE;

    static final int TPKT_VERSION = Tpkt.VERSION, TPKT_HEADER = Tpkt.HEADER;
    static final int COTP_DT = Tpkt.COTP_DT, COTP_EOT = Tpkt.COTP_EOT;
    /** TPKTs read per segment. */
    public static final int MAX_TPKTS_PER_SEGMENT = 64;

    /** X.225 §8.3: SPDU identifiers; GIVE TOKENS and DATA TRANSFER share the code 1. */
    static final int SPDU_GIVE_TOKENS = 0x01, SPDU_DATA_TRANSFER = 0x01, SPDU_CONNECT = 0x0D, SPDU_ACCEPT = 0x0E;
    /** X.225 §8.2.5: a length octet of 0xFF is followed by a two-octet length. */
    static final int SPDU_LONG_LENGTH = 0xFF;
    /** X.225 §8.3.1.19 and §8.3.1.20: Session User Data (PI 193) and Extended User Data (PI 194). */
    static final int PI_USER_DATA = 0xC1, PI_EXTENDED_USER_DATA = 0xC2;
    /** Session parameters walked per CN/AC SPDU (the connect parameters are a handful). */
    static final int MAX_SESSION_PARAMETERS = 32;

    /** Octets of an identify string or domain name kept (MMS Identifiers are at most 32; identify strings short). */
    public static final int MAX_TEXT_LENGTH = 128;
    /** Distinct domains reported per server: IEDs hold a few logical devices. */
    public static final int MAX_DOMAINS_PER_SERVER = 32;
    /** Nested elements descended to find the first name of a request (write: spec, list, variable, name, domain). */
    static final int MAX_NAME_DEPTH = 8;

    // X.690 universal tags used by the presentation and ACSE layers
    static final int SEQUENCE = 16, SET = 17, EXTERNAL = 8, VISIBLE_STRING = 0x1A;
    /** ISO 8823 CP-type/CPA-PPDU normal-mode-parameters [2]; fully-encoded-data [APPLICATION 1]. */
    static final int NORMAL_MODE = 2, FULLY_ENCODED = 1, SINGLE_ASN1 = 0;
    /** ISO 8650 AARQ [APPLICATION 0], AARE [APPLICATION 1], user-information [30]. */
    static final int AARQ = 0, AARE = 1, USER_INFORMATION = 30;
    /** ISO 9506-2 ObjectName domain-specific [1] IMPLICIT SEQUENCE { domainId Identifier, itemId Identifier }. */
    static final int OBJECT_NAME_DOMAIN = 0xA1;

    private static final int C = BerElement.CONTEXT, CC = BerElement.CONTEXT | BerElement.CONSTRUCTED;
    private static final int AC = BerElement.APPLICATION | BerElement.CONSTRUCTED, UC = BerElement.CONSTRUCTED;

    private final BerElement ber = new BerElement();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private long clientMac, clientHi, clientLo, serverMac, serverHi, serverLo, nanos;
    private int serverPort;
    private boolean fromClient;
    private ObservationSink sink;
    private long splitTpkts, cotpFragments, malformed, notMms;

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
        if (!packet.isTcp() || payload.u8(0) != TPKT_VERSION) return;
        fromClient = packet.dstPort() == PORT && packet.srcPort() != PORT
                || (packet.dstPort() == PORT) == (packet.srcPort() == PORT) && (!flow.exists() || flow.fromClient());
        this.sink = sink;
        locate(packet);
        int at = 0;
        for (int n = 0; n < MAX_TPKTS_PER_SEGMENT && payload.has(at, TPKT_HEADER); n++) {
            int length = payload.u16(at + 2), li = payload.u8(at + TPKT_HEADER);
            if (!Tpkt.isTpkt(payload, at)) {
                reportMalformed();
                return;
            }
            int end = at + length;
            if (end > payload.length()) {
                splitTpkts++;
                return;
            }
            int cotp = at + TPKT_HEADER;
            if (payload.u8(cotp + 1) == COTP_DT) {
                if ((payload.u8(cotp + 2) & COTP_EOT) == 0) cotpFragments++;
                else session(payload, cotp + 1 + li, end);
            }
            at = end;
        }
    }

    private void locate(Packet packet) {
        clientMac = fromClient ? packet.srcMac() : packet.dstMac();
        clientHi = fromClient ? packet.srcIpHi() : packet.dstIpHi();
        clientLo = fromClient ? packet.srcIpLo() : packet.dstIpLo();
        serverMac = fromClient ? packet.dstMac() : packet.srcMac();
        serverHi = fromClient ? packet.dstIpHi() : packet.srcIpHi();
        serverLo = fromClient ? packet.dstIpLo() : packet.srcIpLo();
        serverPort = fromClient ? packet.dstPort() : packet.srcPort();
        nanos = packet.timestampNanos();
        operations.between(packet, fromClient);
    }

    private void reportMalformed() {
        malformed++;
        operations.every(sink, ReportedOperations.MALFORMED, null);
    }

    /** Offset of the SPDU's parameters after its SI and LI (X.225 §8.2.5), or -1; its LI goes to {@link #spduLength}. */
    private int spduLength;

    private int spduHeader(Payload p, int at, int end) {
        int li = p.u8(at + 1);
        if (li == SPDU_LONG_LENGTH) {
            spduLength = p.u16(at + 2);
            return spduLength < 0 || at + 4 + spduLength > end ? -1 : at + 4;
        }
        spduLength = li;
        return li < 0 || at + 2 + li > end ? -1 : at + 2;
    }

    private void session(Payload p, int at, int end) {
        int type = p.u8(at);
        if (type == SPDU_GIVE_TOKENS) {
            int gt = spduHeader(p, at, end);
            if (gt < 0) {
                reportMalformed();
                return;
            }
            int dt = gt + spduLength;
            int params = p.u8(dt) == SPDU_DATA_TRANSFER ? spduHeader(p, dt, end) : -1;
            if (params < 0) {
                notMms++;
                return;
            }
            userData(p, params + spduLength, end);
        } else if (type == SPDU_CONNECT || type == SPDU_ACCEPT) {
            int params = spduHeader(p, at, end);
            if (params < 0) {
                reportMalformed();
                return;
            }
            int limit = params + spduLength;
            int i = params;
            for (int n = 0; n < MAX_SESSION_PARAMETERS && i + 2 <= limit; n++) {
                int pi = p.u8(i);
                int content = spduHeader(p, i, limit);
                if (content < 0) break;
                if (pi == PI_USER_DATA || pi == PI_EXTENDED_USER_DATA) {
                    connectUserData(p, content, content + spduLength);
                    return;
                }
                i = content + spduLength;
            }
        } else {
            notMms++;
        }
    }

    /** ISO 8823 §8.2: fully-encoded-data, its first PDV-list, and that list's single-ASN1-type value: the MMS PDU. */
    private void userData(Payload p, int at, int end) {
        if (ber.read(p, at, end) && ber.is(AC, FULLY_ENCODED) && ber.descend(p, UC, SEQUENCE)
                && ber.descend(p, CC, SINGLE_ASN1)) {
            mms(p, ber.contentStart, ber.end);
        } else {
            notMms++;
        }
    }

    /**
     * CP-type / CPA-PPDU (ISO 8823 §8.1-8.2): normal-mode-parameters, user-data, then the ACSE AARQ or AARE whose
     * user-information EXTERNAL holds the MMS initiate PDU as single-ASN1-type (ISO 8650-1 §9, ISO 9506-2 §7.1).
     */
    private void connectUserData(Payload p, int at, int end) {
        if (!(ber.read(p, at, end) && ber.is(UC, SET) && ber.descend(p, CC, NORMAL_MODE)
                && ber.descend(p, AC, FULLY_ENCODED) && ber.descend(p, UC, SEQUENCE) && ber.descend(p, CC, SINGLE_ASN1)
                && ber.read(p, ber.contentStart, ber.end) && (ber.is(AC, AARQ) || ber.is(AC, AARE))
                && ber.descend(p, CC, USER_INFORMATION) && ber.descend(p, UC, EXTERNAL)
                && ber.descend(p, CC, SINGLE_ASN1))) {
            notMms++;
            return;
        }
        mms(p, ber.contentStart, ber.end);
    }

    /** ISO 9506-2 §7.1: one MMSpdu in {@code [at, end)}. */
    private void mms(Payload p, int at, int end) {
        if (!ber.read(p, at, end) || (ber.head & 0xC0) != C) {
            notMms++;
            return;
        }
        String pdu = MmsServices.pdu(ber.number);
        if (pdu == null) {
            notMms++;
            return;
        }
        int kind = ber.number;
        int contentStart = ber.contentStart, contentEnd = ber.end;
        roles();
        senderFact(MmsAttributes.PDU, pdu);
        if ((ber.head & BerElement.CONSTRUCTED) == 0) return;
        switch (kind) {
            case MmsServices.CONFIRMED_REQUEST -> request(p, contentStart, contentEnd);
            case MmsServices.CONFIRMED_RESPONSE -> response(p, contentStart, contentEnd);
            case MmsServices.UNCONFIRMED -> {
                if (ber.read(p, contentStart, contentEnd) && (ber.head & 0xC0) == C) {
                    String name = MmsServices.unconfirmed(ber.number);
                    if (name != null) senderFact(MmsAttributes.UNCONFIRMED, name);
                }
            }
            default -> { }
        }
    }

    /** Roles, and the server's service: any MMS PDU proves them. */
    private void roles() {
        reported.attribute(sink, clientMac, clientHi, clientLo, MmsAttributes.ROLE,
                value.clear().append(MmsAttributes.ROLE_CLIENT), MmsAttributes.STATED, nanos);
        reported.attribute(sink, serverMac, serverHi, serverLo, MmsAttributes.ROLE,
                value.clear().append(MmsAttributes.ROLE_SERVER), MmsAttributes.STATED, nanos);
        reported.service(sink, serverMac, serverHi, serverLo, serverPort, Observation.Transport.TCP, NAME, nanos);
    }

    private void senderFact(String attribute, String text) {
        value.clear().append(text);
        if (fromClient) reported.attribute(sink, clientMac, clientHi, clientLo, attribute, value, MmsAttributes.STATED, nanos);
        else reported.attribute(sink, serverMac, serverHi, serverLo, attribute, value, MmsAttributes.STATED, nanos);
    }

    private void serverFact(String attribute) {
        reported.attribute(sink, serverMac, serverHi, serverLo, attribute, value, MmsAttributes.STATED, nanos);
    }

    /**
     * Confirmed-RequestPDU (ISO 9506-2 §7.2): invokeID, optional listOfModifier, then the ConfirmedServiceRequest
     * CHOICE, whose tag names the service. The requester is taken to be the client (IEC 61850 servers do not call).
     */
    private void request(Payload p, int at, int end) {
        int i = at;
        while (i < end && ber.read(p, i, end) && (ber.head & 0xC0) != C) i = ber.end;
        if (i >= end || (ber.head & 0xC0) != C) return;
        String name = MmsServices.confirmed(ber.number);
        if (name == null) return;
        reported.attribute(sink, clientMac, clientHi, clientLo, MmsAttributes.FUNCTION, value.clear().append(name),
                MmsAttributes.STATED, nanos);
        int service = ber.number, contentStart = ber.contentStart, contentEnd = ber.end;
        boolean constructed = (ber.head & BerElement.CONSTRUCTED) != 0;
        if (MmsServices.changesServer(service)) {
            firstName(p, contentStart, contentEnd, constructed);
            operations.every(sink, name, value.isEmpty() ? null : value.text());
        } else {
            operations.once(sink, name);
        }
        domains(p, contentStart, contentEnd);
    }

    /**
     * The first name a request carries, into {@link #value} as "name=..." (empty when none): the contents of a
     * primitive service element (DeleteDomain-Request is an Identifier), else the first primitive element inside
     * it, followed by "/" and its next sibling when both are Identifiers (an ObjectName domain-specific: domainId,
     * itemId, ISO 9506-2 §7.6). File names are GraphicStrings; anything not printable is escaped.
     */
    private void firstName(Payload p, int from, int to, boolean constructed) {
        value.clear();
        if (!constructed) {
            if (to > from) name(p, from, to);
            return;
        }
        int at = from, limit = to;
        for (int depth = 0; depth < MAX_NAME_DEPTH && at < limit && ber.read(p, at, limit); depth++) {
            if ((ber.head & BerElement.CONSTRUCTED) != 0) {
                at = ber.contentStart;
                limit = ber.end;
                continue;
            }
            if (ber.end <= ber.contentStart) return;
            int next = ber.end;
            name(p, ber.contentStart, ber.end);
            if (ber.read(p, next, limit) && ber.head == 0 && ber.number == VISIBLE_STRING
                    && ber.end > ber.contentStart) {
                value.append('/');
                for (int i = ber.contentStart; i < ber.end && i < ber.contentStart + MAX_TEXT_LENGTH; i++) {
                    value.appendText(p.u8(i));
                }
            }
            return;
        }
    }

    private void name(Payload p, int from, int to) {
        value.append("name=");
        for (int i = from; i < to && i < from + MAX_TEXT_LENGTH; i++) value.appendText(p.u8(i));
    }

    /** Confirmed-ResponsePDU (§7.2): invokeID, then the ConfirmedServiceResponse; only identify is read. */
    private void response(Payload p, int at, int end) {
        if (fromClient || !ber.read(p, at, end) || !ber.is(0, 2) // UNIVERSAL INTEGER invokeID
                || !ber.read(p, ber.end, end) || !ber.is(CC, MmsServices.IDENTIFY)) {
            return;
        }
        identify(p, ber.contentStart, ber.end);
    }

    /**
     * Identify-Response (ISO 9506-2 §10.2.2): vendorName [0], modelName [1], revision [2], each an IMPLICIT
     * VisibleString, then listOfAbstractSyntaxes [3] (not read).
     */
    private void identify(Payload p, int at, int end) {
        int i = at;
        while (i < end && ber.read(p, i, end)) {
            if (ber.head == C && ber.number <= 2) {
                text(p, ber.contentStart, ber.end);
                serverFact(ber.number == 0 ? MmsAttributes.VENDOR
                        : ber.number == 1 ? MmsAttributes.MODEL : MmsAttributes.REVISION);
            }
            i = ber.end;
        }
    }

    /** VisibleString text, blanks trimmed at both ends, control octets escaped, cut at {@link #MAX_TEXT_LENGTH}. */
    private void text(Payload p, int from, int to) {
        value.clear();
        int i = from;
        while (i < to && p.u8(i) == ' ') i++;
        for (int n = 0; i < to && n < MAX_TEXT_LENGTH; i++, n++) value.appendText(p.u8(i));
        value.trimTrailing(' ');
    }

    /**
     * Domains named in a request: every ObjectName domain-specific element (a1 L 1a d domainId 1a i itemId) in the
     * service's contents, read where it lies rather than through each service's own structure. An Identifier has
     * letters, digits, '_' and '$' only (ISO 9506-2 §7.6), which rules out chance matches in data values.
     */
    private void domains(Payload p, int from, int to) {
        for (int i = from; i + 4 < to; i++) {
            if (p.u8(i) != OBJECT_NAME_DOMAIN || p.u8(i + 2) != VISIBLE_STRING) continue;
            int length = p.u8(i + 1), d = p.u8(i + 3);
            int item = i + 4 + d;
            if (length < 0x80 && d > 0 && d <= MAX_TEXT_LENGTH && item + 2 <= Math.min(to, i + 2 + length)
                    && p.u8(item) == VISIBLE_STRING && identifier(p, i + 4, item)) {
                value.clear();
                for (int k = i + 4; k < item; k++) value.append(p.u8(k));
                reported.attribute(sink, serverMac, serverHi, serverLo, MmsAttributes.DOMAIN, value,
                        MAX_DOMAINS_PER_SERVER, MmsAttributes.STATED, nanos);
                i = item;
            }
        }
    }

    private static boolean identifier(Payload p, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = p.u8(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$';
            if (!ok) return false;
        }
        return true;
    }

    /** TPKTs that went on in the next segment, skipped. */
    public long splitTpkts() { return splitTpkts; }
    /** COTP DTs without EOT (a TSDU in several TPDUs), skipped. */
    public long cotpFragments() { return cotpFragments; }
    /** TPKT or session headers that do not parse. */
    public long malformed() { return malformed; }
    /** COTP user data that is not an MMS PDU in the session/presentation framing (S7, other OSI traffic). */
    public long notMms() { return notMms; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
