package io.osprey.dissect.ssdp;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.dissect.http.HttpHead;
import io.osprey.packet.decode.Packet;

/**
 * SSDP (UPnP Device Architecture 2.0 §1): HTTPU/HTTPMU messages on UDP 1900. Reads NOTIFY advertisements
 * (§1.2), M-SEARCH requests (§1.3.2) and search responses (§1.3.3) with the HTTP/1.x head reader, and reports the
 * headers of {@link SsdpAttributes} about the sender. A NOTIFY or a response sent from port 1900 proves an SSDP
 * {@link Observation.Service} there.
 */
public final class SsdpDissector implements Dissector {
    public static final String NAME = "ssdp";
    /** UDA 2.0 §1.1.2: multicast 239.255.255.250 / FF0x::C, port 1900. */
    public static final int PORT = 1900;
    /** Octets of a header value kept. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** USN values per host: a device announces one per embedded device and service (UDA 2.0 §1.2.2). */
    public static final int MAX_USNS_PER_HOST = 64;
    /** NT or ST values per host, for the same reason. */
    public static final int MAX_TYPES_PER_HOST = 32;
    /** SERVER, LOCATION and USER-AGENT values per host: one or two in practice. */
    public static final int MAX_OTHER_VALUES_PER_HOST = 8;

    private final HttpHead head = new HttpHead();
    private final ValueBuffer value = new ValueBuffer();
    /** Keyed by MAC: SSDP is link-local multicast, the frame's source is the device itself. */
    private final ReportedFacts reported = new ReportedFacts(NAME, true);

    private long notSsdp;

    @Override
    public String name() {
        return NAME;
    }

    /** Every packet: devices multicast from 1900 to 239.255.255.250:1900, one flow that never idles. */
    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(Integer.MAX_VALUE);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || !head.wrap(payload)) {
            notSsdp++;
            return;
        }
        boolean search = head.methodIs("M-SEARCH");
        boolean notify = head.methodIs("NOTIFY");
        boolean response = head.isResponse();
        if (!search && !notify && !response) {
            notSsdp++;
            return;
        }
        long mac = packet.srcMac(), hi = packet.srcIpHi(), lo = packet.srcIpLo(), ts = packet.timestampNanos();
        if (!search && packet.srcPort() == PORT) {
            reported.service(sink, mac, hi, lo, PORT, Observation.Transport.UDP, NAME, ts);
        }
        while (head.nextHeader()) {
            String attribute;
            int max = MAX_OTHER_VALUES_PER_HOST;
            if (head.nameIs("server")) {
                attribute = SsdpAttributes.SERVER;
            } else if (head.nameIs("usn")) {
                attribute = search ? null : SsdpAttributes.USN;
                max = MAX_USNS_PER_HOST;
            } else if (head.nameIs("nt")) {
                attribute = notify ? SsdpAttributes.NT : null;
                max = MAX_TYPES_PER_HOST;
            } else if (head.nameIs("st")) {
                attribute = search ? SsdpAttributes.SEARCH_TARGET : SsdpAttributes.ST;
                max = MAX_TYPES_PER_HOST;
            } else if (head.nameIs("location")) {
                attribute = search ? null : SsdpAttributes.LOCATION;
            } else if (head.nameIs("user-agent")) {
                attribute = SsdpAttributes.USER_AGENT;
            } else {
                attribute = null;
            }
            if (attribute == null) continue;
            head.appendValue(value.clear(), MAX_VALUE_LENGTH);
            reported.attribute(sink, mac, hi, lo, attribute, value, max, SsdpAttributes.STATED, ts);
        }
    }

    /** Messages on the port that were not NOTIFY, M-SEARCH or a response. */
    public long notSsdp() { return notSsdp; }
}
