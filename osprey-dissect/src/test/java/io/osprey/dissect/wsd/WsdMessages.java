package io.osprey.dissect.wsd;

import io.osprey.dissect.dns.DirectRun;
import io.osprey.dissect.http.Web;
import io.osprey.packet.testing.SyntheticFrame;

/** WS-Discovery messages and endpoints shared by the tests. */
final class WsdMessages {
    static final SyntheticFrame CAMERA =
            SyntheticFrame.from("ac:cc:8e:1a:2b:3c", "192.168.0.90").to("02:00:00:00:00:09", "192.168.0.9");
    static final SyntheticFrame CLIENT =
            SyntheticFrame.from("02:00:00:00:00:09", "192.168.0.9").to("01:00:5e:7f:ff:fa", "239.255.255.250");
    static final SyntheticFrame WINDOWS =
            SyntheticFrame.from("18:db:f2:2f:a0:18", "192.168.61.66").to("01:00:5e:7f:ff:fa", "239.255.255.250");
    static final SyntheticFrame PRINTER =
            SyntheticFrame.from("00:12:79:80:69:60", "fe80::212:79ff:fe80:6960").to("33:33:00:00:00:0c", "ff02::c");

    static final String ENVELOPE_2005 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
            + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">";

    /** An ONVIF camera's answer to a Probe (WS-Discovery §5.3, ONVIF Core §7.3.2). */
    static final String ONVIF_PROBE_MATCHES = ENVELOPE_2005
            + "<SOAP-ENV:Header><wsa:MessageID>urn:uuid:a0b1c2d3-0000-4000-8000-accc8e1a2b3c</wsa:MessageID>"
            + "<wsa:RelatesTo>urn:uuid:5f3e2b1a-1111-4222-8333-444455556666</wsa:RelatesTo>"
            + "<wsa:To SOAP-ENV:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
            + "<wsa:Action SOAP-ENV:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>"
            + "<d:AppSequence SOAP-ENV:mustUnderstand=\"true\" MessageNumber=\"68\" InstanceId=\"1\"/></SOAP-ENV:Header>"
            + "<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference>"
            + "<wsa:Address>urn:uuid:2419d68a-2dd2-21b2-a205-accc8e1a2b3c</wsa:Address></wsa:EndpointReference>"
            + "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
            + "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming\n"
            + "  onvif://www.onvif.org/hardware/M3045 onvif://www.onvif.org/name/AXIS onvif://www.onvif.org/location/ </d:Scopes>"
            + "<d:XAddrs>http://192.168.0.90/onvif/device_service http://[fe80::aecc:8eff:fe1a:2b3c]/onvif/device_service</d:XAddrs>"
            + "<d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>";

    /** A Windows host announcing itself (WSDAPI, WS-Discovery §4.1 Hello, Devices Profile types). */
    static final String WINDOWS_HELLO = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope"
            + " xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:wsd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:wsdp=\"http://schemas.xmlsoap.org/ws/2006/02/devprof\""
            + " xmlns:pub=\"http://schemas.microsoft.com/windows/pub/2005/07\"><soap:Header>"
            + "<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>"
            + "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Hello</wsa:Action>"
            + "<wsa:MessageID>urn:uuid:0d4b6c1e-9a7f-4d38-a4c6-1f2e3d4c5b6a</wsa:MessageID>"
            + "<wsd:AppSequence InstanceId=\"12\" SequenceId=\"urn:uuid:7c3e\" MessageNumber=\"1\"></wsd:AppSequence>"
            + "</soap:Header><soap:Body><wsd:Hello><wsa:EndpointReference>"
            + "<wsa:Address>urn:uuid:e3248000-80ce-11db-8000-001ba99ec956</wsa:Address></wsa:EndpointReference>"
            + "<wsd:Types>wsdp:Device pub:Computer</wsd:Types>"
            + "<wsd:XAddrs>http://192.168.61.66:5357/e3248000-80ce-11db-8000-001ba99ec956/</wsd:XAddrs>"
            + "<wsd:MetadataVersion>2</wsd:MetadataVersion></wsd:Hello></soap:Body></soap:Envelope>";

    /** A printer's Hello in WS-Discovery 1.1 with the discovery namespace as default namespace (no prefix). */
    static final String PRINTER_HELLO_11 = "<?xml version=\"1.0\"?>\n<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://www.w3.org/2005/08/addressing\">\n<s:Header><a:Action>http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01/Hello</a:Action>"
            + "</s:Header>\n<s:Body>\n<Hello xmlns=\"http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01\""
            + " xmlns:print=\"http://schemas.microsoft.com/windows/2006/08/wdp/print\">\n"
            + "<a:EndpointReference><a:Address>urn:uuid:16a65700-007c-1000-bb49-001279806960</a:Address></a:EndpointReference>\n"
            + "<Types>wsdp:Device print:PrintDeviceType</Types>\n"
            + "<Scopes>http://schemas.xmlsoap.org/ws/2006/02/devprof/Printer?a=1&amp;b=2 onvif://www.onvif.org/name/HP%20LaserJet%204250</Scopes>\n"
            + "<XAddrs>http://[fe80::212:79ff:fe80:6960]:3911/</XAddrs>\n"
            + "<!-- <Types>comment:Ignored</Types> -->\n"
            + "</Hello></s:Body></s:Envelope>";

    /** A client looking for ONVIF cameras (§5.2): the ReplyTo address in the header is the client's, not a target's. */
    static final String ONVIF_PROBE = ENVELOPE_2005 + "<SOAP-ENV:Header>"
            + "<wsa:MessageID>urn:uuid:5f3e2b1a-1111-4222-8333-444455556666</wsa:MessageID>"
            + "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>"
            + "<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>"
            + "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</wsa:Action></SOAP-ENV:Header>"
            + "<SOAP-ENV:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes/></d:Probe></SOAP-ENV:Body>"
            + "</SOAP-ENV:Envelope>";

    private WsdMessages() {}

    static byte[] ascii(String s) {
        return Web.ascii(s);
    }

    static DirectRun direct() {
        return new DirectRun(new WsdDissector());
    }
}
