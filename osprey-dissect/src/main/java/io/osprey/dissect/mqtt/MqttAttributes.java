package io.osprey.dissect.mqtt;

/**
 * Attribute names of MQTT observations (MQTT 3.1, OASIS MQTT 3.1.1 and 5.0). Every fact is about the client: the
 * sender of a CONNECT, SUBSCRIBE or PUBLISH, or the receiver of a PUBLISH the broker forwards. Credentials are
 * never reported, only whether they were sent. Examples are from ndpi mqtt.pcap.
 */
public final class MqttAttributes {
    /** CONNECT client identifier (3.1.1 §3.1.3.1), as sent: "cbaabcbabacbbbbbaaaaab", "tasmota_8E1A3C". */
    public static final String CLIENT_ID = "mqtt.clientId";
    /** CONNECT protocol name (3.1.1 §3.1.2.1): "MQTT", or "MQIsdp" for MQTT 3.1. */
    public static final String PROTOCOL_NAME = "mqtt.protocolName";
    /** CONNECT protocol level (3.1.1 §3.1.2.2) in decimal: "3" (3.1), "4" (3.1.1), "5" (5.0). */
    public static final String PROTOCOL_LEVEL = "mqtt.protocolLevel";
    /** CONNECT keep alive in seconds (3.1.1 §3.1.2.10): "20". Firmware families keep their defaults. */
    public static final String KEEP_ALIVE = "mqtt.keepAlive";
    /** "true" or "false": the CONNECT User Name Flag (3.1.1 §3.1.2.8); the name itself is not reported. */
    public static final String HAS_USER_NAME = "mqtt.hasUserName";
    /** "true" or "false": the CONNECT Password Flag (3.1.1 §3.1.2.9); the password is never reported. */
    public static final String HAS_PASSWORD = "mqtt.hasPassword";
    /** "true" or "false": the CONNECT Will Flag (3.1.1 §3.1.2.5), a will topic and message follow. */
    public static final String HAS_WILL = "mqtt.hasWill";
    /**
     * The first two levels (3.1.1 §4.7.1) of a topic name the client publishes to or receives, or of a topic
     * filter it subscribes to: "homeassistant/sensor", "tele/tasmota_8E1A3C", "shellies/shelly1-98CDAC",
     * "zigbee2mqtt/#", "astr/s720".
     */
    public static final String TOPIC_ROOT = "mqtt.topicRoot";

    /** Confidence of what the client states in its CONNECT. */
    public static final double STATED = 0.9;
    /** Confidence of topic roots: the broker's topic tree, chosen by whoever set the device up. */
    public static final double TOPIC = 0.6;

    private MqttAttributes() {}
}
