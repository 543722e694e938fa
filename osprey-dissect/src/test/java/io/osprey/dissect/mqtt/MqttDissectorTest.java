package io.osprey.dissect.mqtt;

import io.osprey.dissect.Observation;
import io.osprey.dissect.dns.Observed;
import io.osprey.packet.testing.SyntheticFrame;
import org.junit.jupiter.api.Test;

import static io.osprey.dissect.mqtt.MqttWire.BROKER;
import static io.osprey.dissect.mqtt.MqttWire.C;
import static io.osprey.dissect.mqtt.MqttWire.CLIENT;
import static io.osprey.dissect.mqtt.MqttWire.CONNACK;
import static io.osprey.dissect.mqtt.MqttWire.body;
import static io.osprey.dissect.mqtt.MqttWire.concat;
import static io.osprey.dissect.mqtt.MqttWire.connect;
import static io.osprey.dissect.mqtt.MqttWire.exchange;
import static io.osprey.dissect.mqtt.MqttWire.fromBroker;
import static io.osprey.dissect.mqtt.MqttWire.fromClient;
import static io.osprey.dissect.mqtt.MqttWire.publish;
import static io.osprey.dissect.mqtt.MqttWire.subscribe311;
import static io.osprey.packet.testing.SyntheticFrame.ACK;
import static io.osprey.packet.testing.SyntheticFrame.PSH;
import static org.assertj.core.api.Assertions.assertThat;

/** MQTT control packets by the rows of MQTT 3.1.1 (and 5.0) they exercise, hand-built and from real captures. */
class MqttDissectorTest {

    @Test
    void connect311StatesProtocolKeepAliveFlagsAndClientIdButNoCredentials() {
        // §3.1.2: "MQTT", level 4, flags user name + password + will (QoS 1) + clean session, keep alive 30
        Observed o = exchange(fromClient(connect("MQTT", 4, 0x80 | 0x40 | 0x0C | 0x02, 30, "tasmota_8E1A3C")));
        assertThat(o.facts()).containsExactly(
                C + "mqtt.clientId=tasmota_8E1A3C",
                C + "mqtt.hasPassword=true",
                C + "mqtt.hasUserName=true",
                C + "mqtt.hasWill=true",
                C + "mqtt.keepAlive=30",
                C + "mqtt.protocolLevel=4",
                C + "mqtt.protocolName=MQTT");
        assertThat(o.facts()).noneMatch(f -> f.contains("s3cr3t") || f.contains("DVES_USER"));
        assertThat(o.services()).as("a CONNECT proves no broker").isEmpty();
    }

    @Test
    void connect31UsesMqIsdpAndLevel3() {
        // MQTT 3.1 §3.1: protocol name "MQIsdp", version 3
        Observed o = exchange(fromClient(connect("MQIsdp", 3, 0x02, 20, "mosqsub/1234-host")));
        assertThat(o.values(MqttAttributes.PROTOCOL_NAME)).containsExactly("MQIsdp");
        assertThat(o.values(MqttAttributes.PROTOCOL_LEVEL)).containsExactly("3");
        assertThat(o.values(MqttAttributes.HAS_USER_NAME)).containsExactly("false");
        assertThat(o.values(MqttAttributes.CLIENT_ID)).containsExactly("mosqsub/1234-host");
    }

    @Test
    void connect5SkipsPropertiesBeforeTheClientId() {
        // 5.0 §3.1.2.11: Property Length 5 = Session Expiry Interval (0x11, four octets)
        byte[] c = body().string("MQTT").u8(5, 0x02).u16(60).varint(5).u8(0x11, 0, 0, 0x0e, 0x10)
                .string("shellyplus1-a8032ab12345").packet(0x10);
        Observed o = exchange(fromClient(c));
        assertThat(o.values(MqttAttributes.PROTOCOL_LEVEL)).containsExactly("5");
        assertThat(o.values(MqttAttributes.CLIENT_ID)).containsExactly("shellyplus1-a8032ab12345");
    }

    @Test
    void emptyClientIdIsNotReportedAndLongOnesAreCut() {
        // §3.1.3.1: a zero-length identifier asks the broker to assign one
        assertThat(exchange(fromClient(connect("MQTT", 4, 0x02, 60, ""))).values(MqttAttributes.CLIENT_ID)).isEmpty();
        String longId = "x".repeat(300);
        assertThat(exchange(fromClient(connect("MQTT", 4, 0x02, 60, longId))).values(MqttAttributes.CLIENT_ID))
                .containsExactly("x".repeat(MqttDissector.MAX_CLIENT_ID_LENGTH));
    }

    @Test
    void connackFromTheBrokerProvesTheService() {
        // §3.2: CONNACK, Remaining Length 2, session present 0, return code 0
        Observed o = exchange(fromClient(connect("MQTT", 4, 2, 60, "a")), fromBroker(CONNACK));
        assertThat(o.services()).containsExactly("10.0.0.11 1883/tcp mqtt");
    }

    @Test
    void publishAndSubscribeTopicsGiveTheirFirstTwoLevelsAboutTheClient() {
        // §4.7.1: levels separated by '/'; a broker's PUBLISH forwards a topic the client subscribed to
        Observed o = exchange(
                fromClient(connect("MQTT", 4, 2, 60, "a")),
                fromClient(publish("homeassistant/sensor/kitchen_temp/config")),
                fromClient(publish("tele/tasmota_8E1A3C/STATE")),
                fromClient(subscribe311("shellies/shelly1-98CDAC/relay/0/command", "zigbee2mqtt/#", "status")),
                fromBroker(publish("cmnd/tasmotas/POWER")));
        assertThat(o.values(MqttAttributes.TOPIC_ROOT)).containsExactly("cmnd/tasmotas", "homeassistant/sensor",
                "shellies/shelly1-98CDAC", "status", "tele/tasmota_8E1A3C", "zigbee2mqtt/#");
        assertThat(o.attributes(MqttAttributes.TOPIC_ROOT))
                .allSatisfy(a -> assertThat(a.host().toString() + " ").isEqualTo(C));
    }

    @Test
    void subscribe5IsReadPastItsProperties() {
        // 5.0 §3.8.2.1: Property Length 2 = Subscription Identifier (0x0B, variable byte integer 7)
        byte[] s = body().u16(9).varint(2).u8(0x0b, 7).string("zigbee2mqtt/bridge/#").u8(1).packet(0x82);
        Observed o = exchange(fromClient(s));
        assertThat(o.values(MqttAttributes.TOPIC_ROOT)).containsExactly("zigbee2mqtt/bridge");
    }

    @Test
    void severalPacketsInOneSegmentAreAllRead() {
        Observed o = exchange(fromClient(concat(connect("MQTT", 4, 2, 60, "dev1"), subscribe311("a/b/c"),
                publish("x/y"))));
        assertThat(o.values(MqttAttributes.CLIENT_ID)).containsExactly("dev1");
        assertThat(o.values(MqttAttributes.TOPIC_ROOT)).containsExactly("a/b", "x/y");
    }

    @Test
    void topicRootsAreBoundedPerClient() {
        MqttDissector d = new MqttDissector();
        Observed o = new Observed(d);
        for (int i = 0; i < 40; i++) o.feed(CLIENT, fromClient(publish("root" + i + "/x")));
        assertThat(o.values(MqttAttributes.TOPIC_ROOT)).hasSize(MqttDissector.MAX_TOPIC_ROOTS_PER_HOST);
    }

    @Test
    void eachFactIsReportedOnce() {
        Observed o = new Observed(new MqttDissector());
        for (int i = 0; i < 5; i++) {
            o.feed(CLIENT, fromClient(connect("MQTT", 4, 2, 60, "same")));
            o.feed(CLIENT, fromClient(publish("a/b")));
            o.feed(BROKER, fromBroker(CONNACK));
        }
        assertThat(o.attributes()).hasSize(8);
        assertThat(o.all.stream().filter(Observation.Service.class::isInstance)).hasSize(1);
    }

    @Test
    void malformedPacketsAreCountedNotReported() {
        MqttDissector d = new MqttDissector();
        Observed o = new Observed(d);
        byte[] reservedFlag = connect("MQTT", 4, 0x03, 60, "a");   // §3.1.2.3: reserved bit must be 0
        byte[] badName = connect("MQTX", 9, 0x02, 60, "a");         // unknown level
        byte[] longLength = {0x30, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01}; // §2.2.3: 4 octets max
        byte[] badFlags = {(byte) 0x81, 0};                         // SUBSCRIBE flags must be 0010
        for (byte[] b : new byte[][] {reservedFlag, badName, longLength, badFlags}) o.feed(CLIENT, fromClient(b));
        assertThat(o.attributes()).isEmpty();
        assertThat(d.malformed()).isEqualTo(4);
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void connectOnAnotherPortIsFoundByHeuristicAndOtherPayloadIsNot() {
        SyntheticFrame c = SyntheticFrame.from("02:00:00:00:00:0a", "10.0.0.10").to("02:00:00:00:00:0b", "10.0.0.11");
        Observed o = new Observed(new MqttDissector());
        o.feed(c, c.tcp(40001, 17501, PSH | ACK, connect("MQTT", 4, 2, 60, "Bus41")));
        o.feed(c, c.reply().tcp(17501, 40001, PSH | ACK, CONNACK));
        o.feed(c, c.tcp(40002, 8080, PSH | ACK, publish("not/mqtt")));
        assertThat(o.values(MqttAttributes.CLIENT_ID)).containsExactly("Bus41");
        assertThat(o.values(MqttAttributes.TOPIC_ROOT)).isEmpty();
        assertThat(o.services()).containsExactly("10.0.0.11 17501/tcp mqtt");
    }

    @Test
    void ndpiCaptureMatchesTshark() {
        // tshark -r F -T fields -e ip.src -e mqtt.msgtype -e mqtt.protoname -e mqtt.ver -e mqtt.kalive
        //   -e mqtt.conflag.uname -e mqtt.conflag.passwd -e mqtt.conflag.willflag -e mqtt.clientid -e mqtt.topic
        Observed o = new Observed(new MqttDissector()).capture(MqttWire.fixture("ndpi-mqtt-connect-subscribe-publish.pcap"));
        String c1 = "00:0c:00:4d:2c:b0/192.168.0.1 ";
        String c2 = "00:02:00:00:00:08/100.67.35.238 ";
        // the capture is anonymised: every frame has source 00:0c:00:4d:2c:b0 and destination 00:00:00:00:00:00, so
        // the topic the broker forwards (frame 7) is about the client as the frame addresses it
        assertThat(o.facts()).containsExactly(
                "00:00:00:00:00:00/192.168.0.1 mqtt.topicRoot=astr/s720",
                c2 + "mqtt.clientId=P47775ID170W2120",
                c2 + "mqtt.hasPassword=true",
                c2 + "mqtt.hasUserName=true",
                c2 + "mqtt.hasWill=false",
                c2 + "mqtt.keepAlive=600",
                c2 + "mqtt.protocolLevel=4",
                c2 + "mqtt.protocolName=MQTT",
                c1 + "mqtt.clientId=cbaabcbabacbbbbbaaaaab",
                c1 + "mqtt.hasPassword=true",
                c1 + "mqtt.hasUserName=true",
                c1 + "mqtt.hasWill=false",
                c1 + "mqtt.keepAlive=20",
                c1 + "mqtt.protocolLevel=3",
                c1 + "mqtt.protocolName=MQIsdp",
                c1 + "mqtt.topicRoot=astr/admin",
                c1 + "mqtt.topicRoot=astr/s720");
        assertThat(o.facts()).noneMatch(f -> f.contains("02D5050223D3=")); // the user name, also the password
        assertThat(o.services()).containsExactly("10.10.10.1 1883/tcp mqtt");
        assertThat(o.pipeline.dissectorFailures()).isEmpty();
    }

    @Test
    void mosquittoOnPort17501IsFoundByItsConnect() {
        // tshark -d tcp.port==17501,mqtt: CONNECT "MQTT" 4, keep alive 60, no flags, client "Bus41";
        // topics Bus17Info (PUBLISH) and Bus17Cmd (SUBSCRIBE, then forwarded by the broker)
        Observed o = new Observed(new MqttDissector()).capture(MqttWire.fixture("mosquitto-port-17501-connect.pcap"));
        String c = "08:00:27:00:44:72/192.168.56.1 ";
        assertThat(o.facts()).containsExactly(
                c + "mqtt.clientId=Bus41",
                c + "mqtt.hasPassword=false",
                c + "mqtt.hasUserName=false",
                c + "mqtt.hasWill=false",
                c + "mqtt.keepAlive=60",
                c + "mqtt.protocolLevel=4",
                c + "mqtt.protocolName=MQTT",
                c + "mqtt.topicRoot=Bus17Cmd",
                c + "mqtt.topicRoot=Bus17Info");
        assertThat(o.services()).containsExactly("192.168.56.101 17501/tcp mqtt");
    }
}
