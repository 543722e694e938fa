package io.osprey.dissect.ssdp;

/**
 * Attribute names of SSDP observations (UPnP Device Architecture 2.0 §1). Every fact is about the sender: the
 * device for NOTIFY and search responses, the control point for M-SEARCH. Values are the header values as sent,
 * white space runs folded to one space.
 */
public final class SsdpAttributes {
    /** SERVER of a NOTIFY or search response (UDA 2.0 §1.2.2, §1.3.3): "OS/version UPnP/2.0 product/version". */
    public static final String SERVER = "ssdp.server";
    /** USN: unique service name, "uuid:device-UUID[::type]" (UDA 2.0 §1.1.4). */
    public static final String USN = "ssdp.usn";
    /** NT of a NOTIFY: the device or service type announced (UDA 2.0 §1.2.2). */
    public static final String NT = "ssdp.nt";
    /** ST of a search response: the device or service type that answered (UDA 2.0 §1.3.3). */
    public static final String ST = "ssdp.st";
    /** ST of an M-SEARCH: what the control point looks for (UDA 2.0 §1.3.2). */
    public static final String SEARCH_TARGET = "ssdp.searchTarget";
    /** LOCATION: URL of the device description (UDA 2.0 §1.2.2). */
    public static final String LOCATION = "ssdp.location";
    /** USER-AGENT, chiefly of an M-SEARCH (UDA 2.0 §1.3.2): it describes the control point. */
    public static final String USER_AGENT = "ssdp.userAgent";

    /** Confidence of what a host states about itself in its own messages. */
    public static final double STATED = 1.0;

    private SsdpAttributes() {}
}
