package io.osprey.dissect.snmp;

/**
 * The attribute names the SNMP dissector reports. The community string is a password (RFC 1157 §3.2.5) and is
 * never reported: only its strength class.
 */
public final class SnmpAttributes {
    /**
     * A community string is in use between this agent and manager (reported about both): its class only,
     * {@link #COMMUNITY_DEFAULT_PUBLIC}, {@link #COMMUNITY_DEFAULT_PRIVATE}, {@link #COMMUNITY_EMPTY} or
     * {@link #COMMUNITY_OTHER}.
     */
    public static final String COMMUNITY_IN_USE = "snmp.communityInUse";
    public static final String COMMUNITY_DEFAULT_PUBLIC = "default-public";
    public static final String COMMUNITY_DEFAULT_PRIVATE = "default-private";
    public static final String COMMUNITY_EMPTY = "empty";
    public static final String COMMUNITY_OTHER = "other";
    /** The SNMP version spoken (reported about agent and manager): "1", "2c" or "3". */
    public static final String VERSION = "snmp.version";
    /** sysDescr.0 (RFC 3418, 1.3.6.1.2.1.1.1.0) returned by the agent. */
    public static final String SYS_DESCR = "snmp.sysDescr";
    /** sysObjectID.0 (1.3.6.1.2.1.1.2.0) returned by the agent, as a dotted OID. */
    public static final String SYS_OBJECT_ID = "snmp.sysObjectID";
    /** sysName.0 (1.3.6.1.2.1.1.5.0). */
    public static final String SYS_NAME = "snmp.sysName";
    /** sysLocation.0 (1.3.6.1.2.1.1.6.0). */
    public static final String SYS_LOCATION = "snmp.sysLocation";
    /** SNMPv3 authoritative engine ID of the agent (RFC 3411 §5 SnmpEngineID), lower-case hex. */
    public static final String ENGINE_ID = "snmp.engineId";
    /** The IANA enterprise number in an RFC 3411 format engine ID (first bit set), decimal. */
    public static final String ENGINE_ENTERPRISE = "snmp.engineEnterprise";

    public static final double STATED = 1.0;

    private SnmpAttributes() {}
}
