package io.osprey.dissect.bacnet;

import io.osprey.dissect.Dissector;
import io.osprey.dissect.FlowView;
import io.osprey.dissect.Interest;
import io.osprey.dissect.Observation;
import io.osprey.dissect.ObservationSink;
import io.osprey.dissect.Payload;
import io.osprey.dissect.ReportedOperations;
import io.osprey.dissect.dns.ReportedFacts;
import io.osprey.dissect.dns.ValueBuffer;
import io.osprey.packet.decode.Packet;

/**
 * BACnet/IP (ASHRAE 135 Annex J) on UDP 47808: who a building controller is and who talks to it.
 *
 * <p>Layers, each read in place:
 * <pre>
 * BVLC (Annex J.2): type 0x81 | function | length u16 (whole BVLL)
 *   0x0a Original-Unicast-NPDU, 0x0b Original-Broadcast-NPDU, 0x09 Distribute-Broadcast-To-Network: NPDU at 4
 *   0x04 Forwarded-NPDU (J.2.9): original B/IP address (IPv4 4 octets, port 2), NPDU at 10
 * NPDU (Clause 6.2): version 0x01 | control (bit 7 network message, bit 5 DNET present, bit 3 SNET present)
 *   [DNET u16, DLEN u8, DADR] [SNET u16, SLEN u8, SADR] [hop count u8 when DNET] [message type when bit 7]
 * APDU (Clause 20.1): PDU type in the high nibble of the first octet
 * </pre>
 *
 * <ul>
 *   <li>I-Am (unconfirmed service 0, Clause 16.1): device identifier and vendor id of the sender.</li>
 *   <li>ReadProperty-ACK and ReadPropertyMultiple-ACK (Complex-ACK of services 12 and 14, Clauses 15.5, 15.7) about
 *       a Device object: object-identifier, vendor-identifier, vendor-name, model-name, firmware-revision,
 *       application-software-version, object-name, description and location, reported about the answering device
 *       (for a Forwarded-NPDU, the originating address).</li>
 *   <li>Confirmed requests and Who-Is / Who-Has make the sender a client ({@link BacnetAttributes#SERVICE} names the
 *       request); answers make it a server and prove the {@link Observation.Service}.</li>
 *   <li>A message relayed from another BACnet network (SNET present) or an I-Am-Router-To-Network makes the IP
 *       sender a router; the device behind it has no IP address of its own, so its identity is not reported.</li>
 * </ul>
 * Segmented Complex-ACKs are read from their first segment only.
 *
 * <p>Operations (source "bacnet", from the requesting device to the datagram's destination): each confirmed service
 * once per pair, named as {@link BacnetAttributes#SERVICE} names it (a number outside Clause 21's list as
 * "unknown-service" with detail "service=N"); the services that change a device — reinitializeDevice ("state=
 * coldstart"), deviceCommunicationControl ("enable=disable"), writeProperty and writePropertyMultiple ("object=
 * 8:1234 property=85" from the first object named), createObject, deleteObject, atomicWriteFile, addListElement,
 * removeListElement (Clauses 14-16) — at each occurrence. Messages that do not read as BACnet/IP are
 * {@link ReportedOperations#MALFORMED}.
 */
public final class BacnetDissector implements Dissector {
    public static final String NAME = "bacnet";
    /** Annex J.1: the UDP port 0xBAC0. */
    public static final int PORT = 47808;
    static final int BVLC_TYPE = 0x81;
    static final int FORWARDED_NPDU = 0x04, DISTRIBUTE_BROADCAST = 0x09, ORIGINAL_UNICAST = 0x0a,
            ORIGINAL_BROADCAST = 0x0b;
    static final int NPDU_VERSION = 0x01;
    /** Network layer message I-Am-Router-To-Network (Clause 6.4.2). */
    static final int I_AM_ROUTER_TO_NETWORK = 0x01;
    static final int CONFIRMED_REQUEST = 0, UNCONFIRMED_REQUEST = 1, SIMPLE_ACK = 2, COMPLEX_ACK = 3, ERROR = 5,
            REJECT = 6;
    static final int I_AM = 0, I_HAVE = 1, WHO_HAS = 7, WHO_IS = 8;
    static final int READ_PROPERTY = 12, READ_PROPERTY_MULTIPLE = 14;
    /** Confirmed services that change the device (Clause 21 BACnetConfirmedServiceChoice). */
    static final int ATOMIC_WRITE_FILE = 7, ADD_LIST_ELEMENT = 8, REMOVE_LIST_ELEMENT = 9, CREATE_OBJECT = 10,
            DELETE_OBJECT = 11, WRITE_PROPERTY = 15, WRITE_PROPERTY_MULTIPLE = 16, DEVICE_COMMUNICATION_CONTROL = 17,
            REINITIALIZE_DEVICE = 20;
    /** The operation for a confirmed service number outside the known list, with "service=N" as detail. */
    public static final String UNKNOWN_SERVICE = "unknown-service";
    /** Clause 16.4.1.1.1 reinitializedStateOfDevice, and Clause 16.1.1.1.2 enable-disable, by value. */
    private static final String[] REINITIALIZED_STATES = {"coldstart", "warmstart", "start-backup", "end-backup",
            "start-restore", "end-restore", "abort-restore", "activate-changes"};
    private static final String[] ENABLE_DISABLE = {"enable", "disable", "disable-initiation"};
    /** BACnetObjectType device (Clause 21); an object identifier is type (10 bits) and instance (22 bits). */
    static final int OBJECT_DEVICE = 8;
    /** Instance 4194303 addresses "this device" in requests (Clause 15.5.1.1.1): it names no device. */
    static final int WILDCARD_INSTANCE = 0x3fffff;
    /** BACnetPropertyIdentifier values of the Device object read here (Clause 21). */
    static final int APPLICATION_SOFTWARE_VERSION = 12, DESCRIPTION = 28, FIRMWARE_REVISION = 44, LOCATION = 58,
            MODEL_NAME = 70, OBJECT_IDENTIFIER = 75, OBJECT_NAME = 77, VENDOR_IDENTIFIER = 120, VENDOR_NAME = 121;
    /** Octets of a string value kept (UTF-8); Object_Name needs at least 1 character, devices send tens. */
    public static final int MAX_TEXT_LENGTH = 128;
    /** Read-access results and property results read per ReadPropertyMultiple-ACK. */
    public static final int MAX_RESULTS = 64;
    /** Tags walked to skip one constructed value (a list or a structure nobody reads here). */
    public static final int MAX_SKIPPED_TAGS = 256;
    /** Distinct request services reported per client. */
    public static final int MAX_VALUES_PER_HOST = 64;
    /** Datagrams of a flow examined: a supervisor polls a device over one long-lived 47808↔47808 flow. */
    public static final int PAYLOAD_PACKETS = 512;

    private static final String[] CONFIRMED_SERVICES = {
            "acknowledgeAlarm", "confirmedCOVNotification", "confirmedEventNotification", "getAlarmSummary",
            "getEnrollmentSummary", "subscribeCOV", "atomicReadFile", "atomicWriteFile", "addListElement",
            "removeListElement", "createObject", "deleteObject", "readProperty", "readPropertyConditional",
            "readPropertyMultiple", "writeProperty", "writePropertyMultiple", "deviceCommunicationControl",
            "confirmedPrivateTransfer", "confirmedTextMessage", "reinitializeDevice", "vtOpen", "vtClose", "vtData",
            "authenticate", "requestKey", "readRange", "lifeSafetyOperation", "subscribeCOVProperty",
            "getEventInformation", "subscribeCovPropertyMultiple", "confirmedCovNotificationMultiple",
            "confirmedAuditNotification", "auditLogQuery"};

    private final ValueBuffer value = new ValueBuffer();
    private final ReportedFacts reported = new ReportedFacts(NAME, false);
    private final BacnetVendors vendors = BacnetVendors.table();
    private final BacnetTag tag = new BacnetTag();
    private final ReportedOperations operations = new ReportedOperations(NAME);
    private final ValueBuffer detail = new ValueBuffer();
    private ObservationSink sink;
    private long dstMac, dstHi, dstLo;
    private long malformed;

    // the device the current message is about: the sender, or the original source of a Forwarded-NPDU
    private long mac, ipHi, ipLo, ts;
    private int port;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interest interest() {
        return Interest.forUdpPorts(PORT).withPayloadPackets(PAYLOAD_PACKETS);
    }

    @Override
    public void dissect(Packet packet, Payload payload, FlowView flow, ObservationSink sink) {
        if (!packet.isUdp() || payload.u8(0) != BVLC_TYPE) return;
        this.sink = sink;
        mac = packet.srcMac();
        ipHi = packet.srcIpHi();
        ipLo = packet.srcIpLo();
        port = packet.srcPort();
        ts = packet.timestampNanos();
        dstMac = packet.dstMac();
        dstHi = packet.dstIpHi();
        dstLo = packet.dstIpLo();
        int function = payload.u8(1);
        int length = payload.u16(2);
        if (length < 4) {
            reportMalformed();
            return;
        }
        int end = Math.min(length, payload.length());
        int npdu;
        switch (function) {
            case ORIGINAL_UNICAST, ORIGINAL_BROADCAST, DISTRIBUTE_BROADCAST -> npdu = 4;
            case FORWARDED_NPDU -> {
                if (!payload.has(4, 6)) {
                    reportMalformed();
                    return;
                }
                long originalLo = 0xffff_0000_0000L | payload.u32(4);
                if (ipHi != 0 || ipLo != originalLo) mac = Packet.NO_MAC; // the frame's MAC is the BBMD's
                ipHi = 0;
                ipLo = originalLo;
                port = payload.u16(8);
                npdu = 10;
            }
            default -> { return; } // BVLC control messages (Result, BDT and FDT upkeep) carry no NPDU
        }
        npdu(payload, npdu, end, sink);
    }

    /** Clause 6.2.2: version, control, optional destination and source, hop count, then the APDU or a message. */
    private void npdu(Payload p, int at, int end, ObservationSink sink) {
        int control = p.u8(at + 1);
        if (p.u8(at) != NPDU_VERSION || control < 0) {
            reportMalformed();
            return;
        }
        int q = at + 2;
        boolean destination = (control & 0x20) != 0, source = (control & 0x08) != 0;
        if (destination) q += 3 + Math.max(0, p.u8(q + 2));
        if (source) q += 3 + Math.max(0, p.u8(q + 2));
        if (destination) q++;
        if (q >= end) {
            reportMalformed();
            return;
        }
        if ((control & 0x80) != 0) {
            if (p.u8(q) == I_AM_ROUTER_TO_NETWORK) role(BacnetAttributes.ROLE_ROUTER, sink);
            return;
        }
        if (source) { // relayed from another BACnet network by this sender (Clause 6.2.2): it is a router
            role(BacnetAttributes.ROLE_ROUTER, sink);
            return;
        }
        apdu(p, q, end, sink);
    }

    /** Clause 20.1: the PDU types and where their service choice sits. */
    private void apdu(Payload p, int at, int end, ObservationSink sink) {
        int first = p.u8(at);
        switch (first >>> 4) {
            case CONFIRMED_REQUEST -> {
                // 20.1.2: flags, max segments/APDU, invoke id, [sequence number, window size], service choice
                int serviceAt = at + ((first & 0x08) != 0 ? 5 : 3);
                int service = p.u8(serviceAt);
                if (service < 0 || at + 4 > end) {
                    reportMalformed();
                    return;
                }
                role(BacnetAttributes.ROLE_CLIENT, sink);
                if (service < CONFIRMED_SERVICES.length) value.clear().append(CONFIRMED_SERVICES[service]);
                else value.clear().appendDecimal(service);
                reported.attribute(sink, mac, ipHi, ipLo, BacnetAttributes.SERVICE, value, MAX_VALUES_PER_HOST,
                        BacnetAttributes.SEEN, ts);
                confirmedOperation(p, service, serviceAt + 1, end);
            }
            case UNCONFIRMED_REQUEST -> {
                int service = p.u8(at + 1);
                if (service == I_AM) {
                    server(sink);
                    iAm(p, at + 2, end, sink);
                } else if (service == I_HAVE) {
                    server(sink);
                } else if (service == WHO_IS || service == WHO_HAS) {
                    role(BacnetAttributes.ROLE_CLIENT, sink);
                }
            }
            case SIMPLE_ACK, ERROR, REJECT -> { if (at + 3 <= end) server(sink); }
            case COMPLEX_ACK -> {
                // 20.1.5: flags, invoke id, [sequence number, window size], service ACK choice
                boolean segmented = (first & 0x08) != 0;
                int service = p.u8(at + (segmented ? 4 : 2));
                if (service < 0) {
                    reportMalformed();
                    return;
                }
                server(sink);
                if (segmented && p.u8(at + 2) != 0) return; // a later segment continues a value mid-way
                int body = at + (segmented ? 5 : 3);
                if (service == READ_PROPERTY) readPropertyAck(p, body, end, sink);
                else if (service == READ_PROPERTY_MULTIPLE) readPropertyMultipleAck(p, body, end, sink);
            }
            default -> { }
        }
    }

    /** Reports a confirmed request: at each occurrence when it changes the device, else once per pair. */
    private void confirmedOperation(Payload p, int service, int body, int end) {
        operations.between(mac, ipHi, ipLo, dstMac, dstHi, dstLo, ts);
        if (service >= CONFIRMED_SERVICES.length) {
            operations.once(sink, UNKNOWN_SERVICE, detail.clear().append("service=").appendDecimal(service));
            return;
        }
        String name = CONFIRMED_SERVICES[service];
        switch (service) {
            case REINITIALIZE_DEVICE -> operations.every(sink, name, enumerated(p, body, end, 0, "state=",
                    REINITIALIZED_STATES));
            case DEVICE_COMMUNICATION_CONTROL -> {
                int q = body;
                if (tag.read(p, q, end) && tag.isContext(0)) q = tag.next(); // timeDuration
                operations.every(sink, name, enumerated(p, q, end, 1, "enable=", ENABLE_DISABLE));
            }
            case WRITE_PROPERTY, WRITE_PROPERTY_MULTIPLE -> operations.every(sink, name, propertyReference(p, body, end,
                    service == WRITE_PROPERTY ? 1 : -1));
            case ATOMIC_WRITE_FILE, ADD_LIST_ELEMENT, REMOVE_LIST_ELEMENT, CREATE_OBJECT, DELETE_OBJECT ->
                    operations.every(sink, name, null);
            default -> operations.once(sink, name);
        }
    }

    /** "prefix" and the name of the context-tagged ENUMERATED {@code number} at {@code at}, or null. */
    private String enumerated(Payload p, int at, int end, int number, String prefix, String[] names) {
        if (!tag.read(p, at, end) || !tag.isContext(number) || tag.length() < 1 || tag.length() > 4) return null;
        long v = tag.unsigned(p);
        detail.clear().append(prefix);
        if (v >= 0 && v < names.length) detail.append(names[(int) v]);
        else detail.appendDecimal((int) v);
        return detail.text();
    }

    /**
     * "object=type:instance" from a context [0] object identifier at {@code at}, and " property=N" when the
     * property identifier follows as context {@code propertyTag} (WriteProperty-Request, Clause 15.9.1); null when
     * the request does not start with an object identifier.
     */
    private String propertyReference(Payload p, int at, int end, int propertyTag) {
        if (!tag.read(p, at, end) || !tag.isContext(0) || tag.length() != 4) return null;
        long object = p.u32(tag.contentAt());
        detail.clear().append("object=").appendDecimal((int) (object >>> 22)).append(':')
                .appendDecimal((int) (object & WILDCARD_INSTANCE));
        if (propertyTag >= 0 && tag.read(p, tag.next(), end) && tag.isContext(propertyTag)) {
            detail.append(" property=").appendDecimal((int) tag.unsigned(p));
        }
        return detail.text();
    }

    private void reportMalformed() {
        malformed++;
        operations.between(mac, ipHi, ipLo, dstMac, dstHi, dstLo, ts).every(sink, ReportedOperations.MALFORMED, null);
    }

    private void role(String role, ObservationSink sink) {
        reported.attribute(sink, mac, ipHi, ipLo, BacnetAttributes.ROLE, value.clear().append(role),
                BacnetAttributes.SEEN, ts);
    }

    private void server(ObservationSink sink) {
        role(BacnetAttributes.ROLE_SERVER, sink);
        if (port > 0) reported.service(sink, mac, ipHi, ipLo, port, Observation.Transport.UDP, NAME, ts);
    }

    /** Clause 21 I-Am-Request: object identifier, max APDU (Unsigned), segmentation (Enumerated), vendor id. */
    private void iAm(Payload p, int at, int end, ObservationSink sink) {
        if (!tag.read(p, at, end) || !tag.isApplication(BacnetTag.OBJECT_IDENTIFIER) || tag.length() != 4) {
            reportMalformed();
            return;
        }
        long id = p.u32(tag.contentAt());
        if (id >>> 22 == OBJECT_DEVICE) deviceInstance(id, sink);
        int q = tag.next();
        for (int i = 0; i < 2; i++) { // max APDU length accepted, segmentation supported
            if (!tag.read(p, q, end)) return;
            q = tag.next();
        }
        if (tag.read(p, q, end) && tag.isApplication(BacnetTag.UNSIGNED)) vendorId(tag.unsigned(p), sink);
    }

    /**
     * Clause 21 ReadProperty-ACK: objectIdentifier [0], propertyIdentifier [1], propertyArrayIndex [2] OPTIONAL,
     * propertyValue [3] (opening tag, the value, closing tag).
     */
    private void readPropertyAck(Payload p, int at, int end, ObservationSink sink) {
        if (!tag.read(p, at, end) || !tag.isContext(0) || tag.length() != 4) {
            reportMalformed();
            return;
        }
        long object = p.u32(tag.contentAt());
        if (object >>> 22 != OBJECT_DEVICE) return;
        deviceInstance(object, sink);
        if (!tag.read(p, tag.next(), end) || !tag.isContext(1)) return;
        long property = tag.unsigned(p);
        if (!tag.read(p, tag.next(), end)) return;
        if (tag.isContext(2)) return; // one element of an array property: none of those read here
        if (tag.isOpening(3)) propertyValue(p, property, tag.next(), end, sink);
    }

    /**
     * Clause 21 ReadPropertyMultiple-ACK: a sequence of ReadAccessResult, each objectIdentifier [0] and
     * listOfResults [1] (opening, closing), a result being propertyIdentifier [2], propertyArrayIndex [3] OPTIONAL
     * and propertyValue [4] or propertyAccessError [5], both constructed.
     */
    private void readPropertyMultipleAck(Payload p, int at, int end, ObservationSink sink) {
        int q = at;
        boolean device = false;
        long property = -1;
        boolean element = false;
        for (int n = 0; n < MAX_RESULTS * 4 && tag.read(p, q, end); n++) {
            if (tag.isContext(0) && tag.length() == 4) {
                long object = p.u32(tag.contentAt());
                device = object >>> 22 == OBJECT_DEVICE;
                if (device) deviceInstance(object, sink);
                q = tag.next();
            } else if (tag.isContext(2)) {
                property = tag.unsigned(p);
                element = false;
                q = tag.next();
            } else if (tag.isContext(3)) {
                element = true;
                q = tag.next();
            } else if (tag.isOpening(4) || tag.isOpening(5)) {
                int number = tag.number();
                int valueAt = tag.next();
                if (number == 4 && device && !element) propertyValue(p, property, valueAt, end, sink);
                q = skipConstructed(p, valueAt, end, number);
                if (q < 0) return;
            } else if (tag.isOpening(1) || tag.isClosing(1)) {
                q = tag.next();
            } else {
                reportMalformed();
                return;
            }
        }
    }

    /** The offset after the closing tag {@code number} that ends a value starting at {@code at}, or -1. */
    private int skipConstructed(Payload p, int at, int end, int number) {
        int depth = 0;
        int q = at;
        for (int n = 0; n < MAX_SKIPPED_TAGS && tag.read(p, q, end); n++) {
            q = tag.next();
            if (tag.isOpening()) {
                depth++;
            } else if (tag.isClosing()) {
                if (depth == 0) return tag.number() == number ? q : -1;
                depth--;
            }
        }
        return -1;
    }

    /** The first application-tagged value of a Device object property. */
    private void propertyValue(Payload p, long property, int at, int end, ObservationSink sink) {
        if (!tag.read(p, at, end)) return;
        if (property == OBJECT_IDENTIFIER) {
            if (tag.isApplication(BacnetTag.OBJECT_IDENTIFIER) && tag.length() == 4) {
                long id = p.u32(tag.contentAt());
                if (id >>> 22 == OBJECT_DEVICE) deviceInstance(id, sink);
            }
            return;
        }
        if (property == VENDOR_IDENTIFIER) {
            if (tag.isApplication(BacnetTag.UNSIGNED)) vendorId(tag.unsigned(p), sink);
            return;
        }
        String attribute = switch ((int) property) {
            case VENDOR_NAME -> BacnetAttributes.VENDOR_NAME;
            case MODEL_NAME -> BacnetAttributes.MODEL_NAME;
            case FIRMWARE_REVISION -> BacnetAttributes.FIRMWARE_REVISION;
            case APPLICATION_SOFTWARE_VERSION -> BacnetAttributes.APPLICATION_SOFTWARE_VERSION;
            case OBJECT_NAME -> BacnetAttributes.OBJECT_NAME;
            case DESCRIPTION -> BacnetAttributes.DESCRIPTION;
            case LOCATION -> BacnetAttributes.LOCATION;
            default -> null;
        };
        if (attribute == null || !tag.isApplication(BacnetTag.CHARACTER_STRING) || tag.length() < 1) return;
        if (BacnetText.decode(p, tag.contentAt(), tag.length(), value.clear(), MAX_TEXT_LENGTH)) {
            reported.attribute(sink, mac, ipHi, ipLo, attribute, value, BacnetAttributes.STATED, ts);
        }
    }

    private void deviceInstance(long objectId, ObservationSink sink) {
        int instance = (int) (objectId & WILDCARD_INSTANCE);
        if (instance == WILDCARD_INSTANCE) return;
        reported.attribute(sink, mac, ipHi, ipLo, BacnetAttributes.DEVICE_INSTANCE, value.clear().appendDecimal(instance),
                BacnetAttributes.STATED, ts);
    }

    private void vendorId(long id, ObservationSink sink) {
        if (id < 0 || id > BacnetVendors.MAX_ID) return;
        reported.attribute(sink, mac, ipHi, ipLo, BacnetAttributes.VENDOR_ID, value.clear().appendDecimal((int) id),
                BacnetAttributes.STATED, ts);
        String name = vendors.name(id);
        if (name != null) {
            reported.attribute(sink, mac, ipHi, ipLo, BacnetAttributes.VENDOR,
                    BacnetText.appendUtf8(value.clear(), name, MAX_TEXT_LENGTH),
                    BacnetAttributes.STATED, ts);
        }
    }

    /** Messages that did not read as BACnet/IP. */
    public long malformed() { return malformed; }

    /** At the end of the input, how often each routine request was repeated: the polling a baseline learns. */
    @Override
    public void flush(long nowNanos, ObservationSink sink) {
        if (nowNanos == Long.MAX_VALUE) operations.flushPolling(sink);
    }
}
