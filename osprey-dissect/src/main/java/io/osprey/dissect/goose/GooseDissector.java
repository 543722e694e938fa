package io.osprey.dissect.goose;

import io.osprey.dissect.ActivityTable;
import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.mms.BerElement;
import io.osprey.packet.decode.Packet;

/**
 * IEC 61850-8-1 GOOSE (Generic Object Oriented Substation Event), EtherType 0x88B8, straight on Ethernet (usually
 * in a priority-tagged VLAN, which the decoder strips). Annex C of IEC 61850-8-1 gives the frame:
 *
 * <pre>
 * APPID (2) | Length (2, from APPID on) | Reserved 1 (2, bit 15 = simulation in Ed. 2) | Reserved 2 (2) | APDU
 * goosePdu [APPLICATION 1] IMPLICIT SEQUENCE {
 *   gocbRef [0] VisibleString, timeAllowedtoLive [1] INTEGER, datSet [2] VisibleString, goID [3] VisibleString OPT,
 *   t [4] UtcTime, stNum [5] INTEGER, sqNum [6] INTEGER, simulation [7] BOOLEAN (Ed. 1 "test"), confRev [8] INTEGER,
 *   ndsCom [9] BOOLEAN, numDatSetEntries [10] INTEGER, allData [11] SEQUENCE OF Data, ... }
 * </pre>
 *
 * A publisher repeats its message every few milliseconds after a change and then every second or so, with stNum and
 * sqNum counting: the publisher's identity (APPID, gocbRef, datSet, goID, confRev, simulation) is hashed and looked
 * up once per frame, and only a new identity is reported, attribute by attribute, about the source MAC.
 *
 * <p>Operations (source "goose", from the publisher to the destination multicast MAC): "publish" once per gocbRef,
 * its detail the gocbRef; "simulation" at each new state (stNum) of a publisher whose frames are marked simulated
 * or test, which a subscriber in normal operation must ignore (IEC 61850-7-2 Ed. 2 §15.2.2.2): test messages on a
 * live network are an intrusion or a forgotten test set. Frames whose header or goosePdu do not parse are
 * {@link ReportedOperations#MALFORMED}.
 */
public final class GooseDissector implements Dissector {
    public static final String NAME = "goose";
    /** IEC 61850-8-1 Annex C: the GOOSE EtherType (0x88B9 is GSE management, 0x88BA sampled values). */
    public static final int ETHER_TYPE = 0x88B8;

    static final int APPID_OFFSET = 0, LENGTH_OFFSET = 2, RESERVED1_OFFSET = 4, HEADER = 8;
    /** Ed. 2 §C.2.3.2: the simulation ("S") bit of Reserved 1. */
    static final int RESERVED1_SIMULATION = 0x8000;
    static final int GOOSE_PDU = 1;
    static final int GOCB_REF = 0, DAT_SET = 2, GO_ID = 3, ST_NUM = 5, SIMULATION = 7, CONF_REV = 8;
    /** Operations reported: a publisher's control block, and a new state published as simulated/test. */
    public static final String PUBLISH_OPERATION = "publish", SIMULATION_OPERATION = "simulation";
    /** Octets of a reference or identifier kept: ObjectReference is at most 129 octets (IEC 61850-7-2 §5.5.3.3). */
    public static final int MAX_TEXT_LENGTH = 129;
    /** confRev is an INT32U: at most 5 content octets (a leading zero octet keeps it positive). */
    static final int MAX_INTEGER_OCTETS = 5;
    /** Distinct publisher identities remembered before the table is cleared and re-learned. */
    public static final int MAX_IDENTITIES = 1 << 14;

    private final BerElement ber = new BerElement();
    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, true);
    private final ActivityTable identities = new ActivityTable(64, MAX_IDENTITIES);
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private long malformed;

    // the fields of the frame being read, as offsets into the payload (-1 when absent)
    private int gocbRef, gocbRefEnd, datSet, datSetEnd, goId, goIdEnd;
    private long confRev, stNum;
    private boolean simulation;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forEtherTypes(ETHER_TYPE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        int length = payload.u16(LENGTH_OFFSET);
        operations.between(packet, true);
        if (length < HEADER + 2) {
            malformed(sink);
            return;
        }
        int end = Math.min(length, payload.length());
        if (!ber.read(payload, HEADER, end) || !ber.is(BerElement.APPLICATION | BerElement.CONSTRUCTED, GOOSE_PDU)) {
            malformed(sink);
            return;
        }
        int appid = payload.u16(APPID_OFFSET);
        if (!fields(payload, ber.contentStart, ber.end)) {
            malformed(sink);
            return;
        }
        simulation |= (payload.u16(RESERVED1_OFFSET) & RESERVED1_SIMULATION) != 0;
        long mac = packet.srcMac();
        // a simulated publisher's identity includes its state number, so that each new state it sends is seen
        long identity = identityHash(payload);
        identities.add(mac, appid, simulation ? (identity ^ stNum) * 0x100000001b3L : identity);
        if (!identities.lastWasNew()) return;
        if (identities.full()) identities.clear();
        operations.once(sink, PUBLISH_OPERATION, text(payload, gocbRef, gocbRefEnd));
        if (simulation) operations.every(sink, SIMULATION_OPERATION, text(payload, gocbRef, gocbRefEnd).text());

        long nanos = packet.timestampNanos();
        report(sink, mac, GooseAttributes.ROLE, value.clear().append(GooseAttributes.ROLE_PUBLISHER), nanos);
        value.clear().append("0x").appendHex2(appid >>> 8).appendHex2(appid & 0xFF);
        report(sink, mac, GooseAttributes.APPID, value, nanos);
        report(sink, mac, GooseAttributes.GOCB_REF, text(payload, gocbRef, gocbRefEnd), nanos);
        report(sink, mac, GooseAttributes.DAT_SET, text(payload, datSet, datSetEnd), nanos);
        report(sink, mac, GooseAttributes.GO_ID, text(payload, goId, goIdEnd), nanos);
        if (confRev >= 0) report(sink, mac, GooseAttributes.CONF_REV, decimal(confRev), nanos);
        if (simulation) report(sink, mac, GooseAttributes.SIMULATION, value.clear().append("true"), nanos);
    }

    /** Reads the identity fields of the goosePdu; false when gocbRef is missing or an element does not parse. */
    private boolean fields(Payload p, int at, int end) {
        gocbRef = datSet = goId = -1;
        gocbRefEnd = datSetEnd = goIdEnd = -1;
        confRev = stNum = -1;
        simulation = false;
        int i = at;
        while (i < end) {
            if (!ber.read(p, i, end)) return false;
            if (ber.head == BerElement.CONTEXT) {
                switch (ber.number) {
                    case GOCB_REF -> { gocbRef = ber.contentStart; gocbRefEnd = ber.end; }
                    case DAT_SET -> { datSet = ber.contentStart; datSetEnd = ber.end; }
                    case GO_ID -> { goId = ber.contentStart; goIdEnd = ber.end; }
                    case SIMULATION -> simulation = ber.contentLength() == 1 && p.u8(ber.contentStart) != 0;
                    case CONF_REV -> confRev = unsigned(p, ber.contentStart, ber.end);
                    case ST_NUM -> stNum = unsigned(p, ber.contentStart, ber.end);
                    default -> { }
                }
            }
            if (ber.head == (BerElement.CONTEXT | BerElement.CONSTRUCTED)) break; // allData: nothing after it matters
            i = ber.end;
        }
        return gocbRef >= 0;
    }

    /** A non-negative INTEGER of up to {@link #MAX_INTEGER_OCTETS} octets, or -1. */
    private static long unsigned(Payload p, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_INTEGER_OCTETS || p.u8(from) >= 0x80) return -1;
        long v = 0;
        for (int i = from; i < to; i++) v = v << 8 | p.u8(i);
        return v;
    }

    /** FNV-1a over the identity fields, so that repeats of the same publisher cost one table probe. */
    private long identityHash(Payload p) {
        long h = 0xcbf29ce484222325L;
        h = hash(p, h, gocbRef, gocbRefEnd);
        h = hash(p, h, datSet, datSetEnd);
        h = hash(p, h, goId, goIdEnd);
        h = (h ^ confRev) * 0x100000001b3L;
        return (h ^ (simulation ? 1 : 0)) * 0x100000001b3L;
    }

    private static long hash(Payload p, long h, int from, int to) {
        for (int i = from; i >= 0 && i < to; i++) h = (h ^ p.u8(i)) * 0x100000001b3L;
        return (h ^ 0x1FF) * 0x100000001b3L; // a separator, so that fields cannot slide into each other
    }

    /** Visible text, control octets escaped, cut at {@link #MAX_TEXT_LENGTH}; empty when the field is absent. */
    private ValueBuffer text(Payload p, int from, int to) {
        value.clear();
        for (int i = from; i >= 0 && i < to && i < from + MAX_TEXT_LENGTH; i++) value.appendText(p.u8(i));
        return value;
    }

    private ValueBuffer decimal(long v) {
        value.clear();
        appendDigits(v);
        return value;
    }

    private void appendDigits(long v) {
        if (v >= 10) appendDigits(v / 10);
        value.append((int) ('0' + v % 10));
    }

    private void report(ObservationSink sink, long mac, String attribute, ValueBuffer v, long nanos) {
        reported.attribute(sink, mac, 0, 0, attribute, v, GooseAttributes.STATED, nanos);
    }

    private void malformed(ObservationSink sink) {
        malformed++;
        operations.every(sink, ReportedOperations.MALFORMED, null);
    }

    /** Frames whose header or goosePdu does not parse. */
    public long malformed() { return malformed; }
}
