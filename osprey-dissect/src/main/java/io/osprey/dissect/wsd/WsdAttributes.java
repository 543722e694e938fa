package io.osprey.dissect.wsd;

/**
 * Attribute names of WS-Discovery observations (WS-Discovery 1.1, OASIS 2009, and the 2005/04 draft that Windows
 * and ONVIF devices still send). Hello, Bye, ProbeMatches and ResolveMatches describe their sender, a target
 * service; Probe and Resolve only show that their sender is a client. Values are the element text as sent, one
 * value per white-space separated item (Types, Scopes and XAddrs are lists, §4.1).
 */
public final class WsdAttributes {
    /** A type the target service implements (§4.1 Types), a QName as sent: "dn:NetworkVideoTransmitter", "wsdp:Device". */
    public static final String TYPES = "wsd.types";
    /** A scope of the target service (§4.1 Scopes), a URI: "onvif://www.onvif.org/hardware/M3045". */
    public static final String SCOPE = "wsd.scope";
    /** The hardware of an ONVIF device (ONVIF Core §7.3.2.2 scope "onvif://www.onvif.org/hardware/"), percent-decoded: "M3045". */
    public static final String ONVIF_HARDWARE = "wsd.onvifHardware";
    /** The name of an ONVIF device (scope ".../name/"), percent-decoded: "AXIS". */
    public static final String ONVIF_NAME = "wsd.onvifName";
    /** The device type of an ONVIF device (scope ".../type/"): "video_encoder", "NetworkVideoTransmitter". */
    public static final String ONVIF_TYPE = "wsd.onvifType";
    /** An ONVIF profile the device claims (scope ".../Profile/"): "Streaming", "G", "T". */
    public static final String ONVIF_PROFILE = "wsd.onvifProfile";
    /** A transport address of the target service (§4.1 XAddrs): "http://192.168.0.90/onvif/device_service". */
    public static final String XADDR = "wsd.xaddr";
    /** The endpoint reference address of the target service (§2.6), usually a UUID URN: "urn:uuid:e3248000-80ce-11db-8000-001ba99ec956". */
    public static final String ENDPOINT = "wsd.endpoint";
    /** A type a client probes for (§5.2 Probe Types): "dn:NetworkVideoTransmitter", "wsdp:Device". */
    public static final String PROBE_TYPES = "wsd.probeTypes";
    /** A WS-Discovery message the host sent: "Hello", "Bye", "Probe", "ProbeMatches", "Resolve", "ResolveMatches". */
    public static final String MESSAGE = "wsd.message";

    /** Confidence of what a target service states about itself. */
    public static final double STATED = 0.9;
    /** Confidence of what a host's requests show (it is a client, it looks for a type). */
    public static final double SEEN = 0.8;

    private WsdAttributes() {}
}
