package io.osprey.dissect.s7;

import io.osprey.dissect.Payload;

/**
 * The records of one SZL (system status list) answer, taken one at a time into a fixed buffer, so that a record
 * cut between two userdata fragments (a "data unit" the PLC sends in several PDUs, each but the last flagged "more
 * follows") is still read whole. Only one answer is followed at a time: S7 clients ask one list at a time.
 *
 * <p>A partial list answer (Siemens, System Software for S7-300/400, §34.1) is the list id, index, record length
 * (LENTHDR) and record count (N_DR), then N_DR records of LENTHDR octets.
 */
final class SzlRecords {
    /** Longest record read: module identification (0x0011) has 28 octets, component identification (0x001C) 34. */
    static final int MAX_RECORD_LENGTH = 64;
    /** Records read per answer (0x001C has 10 or 11, 0x0011 four or five). */
    static final int MAX_RECORDS = 32;

    /** Receives each complete record; {@code record} is reused and valid only during the call. */
    @FunctionalInterface
    interface RecordSink {
        void record(int szlId, byte[] record, int length);
    }

    private final byte[] record = new byte[MAX_RECORD_LENGTH];
    private int szlId;
    private int recordLength;
    private int recordsLeft;
    private int filled;
    /** The flow and data unit whose next fragment continues this answer; -1 when none is awaited. */
    private int awaitedFlow = -1;
    private int awaitedUnit;

    /** Begins an answer; false (and nothing is read) when the record length is out of range. */
    boolean start(int szlId, int recordLength, int count) {
        awaitedFlow = -1;
        filled = 0;
        if (recordLength < 2 || recordLength > MAX_RECORD_LENGTH || count <= 0) {
            recordsLeft = 0;
            return false;
        }
        this.szlId = szlId;
        this.recordLength = recordLength;
        this.recordsLeft = Math.min(count, MAX_RECORDS);
        return true;
    }

    /** True when a fragment of {@code unit} on {@code flow} continues the answer being read. */
    boolean continues(int flow, int unit) {
        return flow >= 0 && flow == awaitedFlow && unit == awaitedUnit && recordsLeft > 0;
    }

    /** The answer goes on in a later fragment of {@code unit} on {@code flow} (unknown flows are not followed). */
    void awaitMore(int flow, int unit) {
        awaitedFlow = recordsLeft > 0 ? flow : -1;
        awaitedUnit = unit;
    }

    void finish() {
        awaitedFlow = -1;
        recordsLeft = 0;
    }

    /** Reads the octets {@code [from, to)} of the payload into records, handing each complete one to the sink. */
    void feed(Payload payload, int from, int to, RecordSink sink) {
        int at = from;
        while (recordsLeft > 0 && at < to) {
            int n = payload.copy(at, record, filled, Math.min(recordLength - filled, to - at));
            if (n <= 0) return;
            filled += n;
            at += n;
            if (filled == recordLength) {
                filled = 0;
                recordsLeft--;
                sink.record(szlId, record, recordLength);
            }
        }
    }
}
