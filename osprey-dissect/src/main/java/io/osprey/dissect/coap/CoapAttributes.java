package io.osprey.dissect.coap;

/**
 * Attribute names of CoAP observations (RFC 7252) and of the CoRE Link Format resource lists servers return
 * (RFC 6690). Request facts are about the client, response facts about the server.
 */
public final class CoapAttributes {
    /** Method of a request the client sent (RFC 7252 §12.1.1, RFC 8132 §6): "GET", "POST", "FETCH". */
    public static final String METHOD = "coap.method";
    /**
     * Path of a request, its Uri-Path options joined by '/' (RFC 7252 §6.5): "/.well-known/core" (resource
     * discovery, RFC 6690 §4), "/storage/myresource".
     */
    public static final String REQUEST_PATH = "coap.requestPath";
    /** Uri-Host option of a request (RFC 7252 §5.10.1): the host name the client addresses, "sensor.local". */
    public static final String URI_HOST = "coap.uriHost";
    /** Response code of a server, "c.dd" (RFC 7252 §12.1.2): "2.05", "4.04". */
    public static final String RESPONSE_CODE = "coap.responseCode";
    /** A resource path a server lists in link format (RFC 6690 §2, the target in angle brackets): "/sensors/temp". */
    public static final String RESOURCE = "coap.resource";
    /** A resource type, one of the rt= values of a link (RFC 6690 §3.1): "temperature-c", "oic.r.switch.binary". */
    public static final String RESOURCE_TYPE = "coap.resourceType";
    /** An interface description, one of the if= values of a link (RFC 6690 §3.2): "sensor", "core.s". */
    public static final String INTERFACE = "coap.interface";

    /** Confidence of what a server states about itself. */
    public static final double STATED = 0.9;
    /** Confidence of what a client's requests show about it. */
    public static final double REQUESTED = 0.6;

    private CoapAttributes() {}
}
