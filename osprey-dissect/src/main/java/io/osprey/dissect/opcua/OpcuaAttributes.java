package io.osprey.dissect.opcua;

/**
 * Attribute names of OPC UA binary observations (OPC 10000-6, UA TCP and UA Secure Conversation over TCP 4840).
 * Behaviour facts (services called) are about the client; what a server states in its ApplicationDescription is about
 * the server; a client's own ApplicationDescription (CreateSession request) is about the client. Examples are from
 * the nDPI capture opc-ua.pcap (an open62541 client and server on one host).
 */
public final class OpcuaAttributes {
    /** "client" (sent Hello or a service request) or "server" (sent Acknowledge or a service response). */
    public static final String ROLE = "opcua.role";
    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_SERVER = "server";

    /**
     * What the client did: "hello", "open-secure-channel", "close-secure-channel", and the services it requested
     * (OPC 10000-4 §5): "get-endpoints", "find-servers", "create-session", "activate-session", "close-session",
     * "browse", "browse-next", "translate-browse-paths", "read", "write", "history-read", "history-update", "call",
     * "add-nodes", "delete-nodes", "create-subscription", "create-monitored-items", "publish", ... Example capture:
     * "hello", "open-secure-channel", "get-endpoints", "create-session", "activate-session", "read",
     * "close-session", "close-secure-channel".
     */
    public static final String FUNCTION = "opcua.function";

    /**
     * An endpoint URL of the server: the one a client asked for in its Hello, or one the server lists in its
     * GetEndpoints/CreateSession answer: "opc.tcp://localhost:4840".
     */
    public static final String ENDPOINT_URL = "opcua.endpointUrl";

    /**
     * A security policy URI the host used in OpenSecureChannel, or that a server offers for an endpoint:
     * "http://opcfoundation.org/UA/SecurityPolicy#None".
     */
    public static final String SECURITY_POLICY = "opcua.securityPolicy";
    /** A message security mode a server offers for an endpoint (OPC 10000-4 §7.20): "none", "sign", "sign-and-encrypt". */
    public static final String SECURITY_MODE = "opcua.securityMode";

    /** ApplicationDescription.applicationName text: "open62541-based OPC UA Application". */
    public static final String APPLICATION_NAME = "opcua.applicationName";
    /** ApplicationDescription.applicationUri: "urn:open62541.server.application"; a client's "urn:unconfigured:application". */
    public static final String APPLICATION_URI = "opcua.applicationUri";
    /** ApplicationDescription.productUri, the product's vendor-chosen id: "http://open62541.org". */
    public static final String PRODUCT_URI = "opcua.productUri";
    /** ApplicationDescription.applicationType: "server", "client", "client-and-server", "discovery-server". */
    public static final String APPLICATION_TYPE = "opcua.applicationType";

    /** Confidence of what an application states about itself, and of what is seen on the wire (services, roles). */
    public static final double STATED = 0.9;
    /** Confidence of the server's endpoint URL as a client asked for it in its Hello. */
    public static final double ASKED = 0.6;

    private OpcuaAttributes() {}
}
