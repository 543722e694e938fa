package io.osprey.dissect.netbios;

/** The attribute names the NetBIOS name service and browser dissectors report. */
public final class NetbiosAttributes {
    /** A unique NetBIOS name the host holds, with its suffix: "DJP95S0J&lt;00&gt;", "DJP95S0J&lt;20&gt;". */
    public static final String NAME = "netbios.name";
    /** A group name the host belongs to, with its suffix: "ARBEITSGRUPPE&lt;00&gt;", "ARBEITSGRUPPE&lt;1e&gt;". */
    public static final String GROUP = "netbios.group";
    /** A name the host looked up: "ARBEITSGRUPPE&lt;1b&gt;". */
    public static final String QUERY = "netbios.query";
    /** The MAC a node status response gives as the responder's unit id (RFC 1002 §4.2.18), "aa:bb:cc:dd:ee:ff". */
    public static final String UNIT_ID = "netbios.unitId";

    /** The computer name of a browser host announcement (MS-BRWS §2.2.1): "NVR9". */
    public static final String SERVER_NAME = "netbios.browser.serverName";
    /** The OS version of a host announcement, "major.minor": "6.1" (Windows 7), "5.1" (Windows XP). */
    public static final String OS_VERSION = "netbios.browser.osVersion";
    /** The server type bits of a host announcement as names, comma-separated: "workstation,server,nt-workstation". */
    public static final String SERVER_TYPE = "netbios.browser.serverType";
    /** The free-text comment of a host announcement, when not empty (Samba puts its version there). */
    public static final String COMMENT = "netbios.browser.comment";
    /** The workgroup or domain the host announces itself in. */
    public static final String WORKGROUP = "netbios.workgroup";

    /** Confidence of what a host states about itself. */
    public static final double STATED = 1.0;
    /** Confidence of what a name server states about another host (a WINS answer may be stale). */
    public static final double STATED_BY_SERVER = 0.8;

    private NetbiosAttributes() {}
}
