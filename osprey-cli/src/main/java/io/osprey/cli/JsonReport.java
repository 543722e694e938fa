package io.osprey.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.osprey.inventory.Device;
import io.osprey.inventory.Evidence;
import io.osprey.inventory.ServiceEntry;
import io.osprey.packet.capture.CaptureStats;
import io.osprey.packet.capture.CaptureWarning;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The JSON document of `osprey scan --format json`: the contract in ../shared/contracts/scan-output.schema.json.
 * Field names never change; a value that is not known is written as null, never invented.
 */
final class JsonReport {
    private JsonReport() {}

    static void write(ScanResult r, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("captures");
            for (CaptureStats c : r.captures()) capture(g, c);
            g.writeEndArray();
            g.writeArrayFieldStart("devices");
            for (Device d : r.devices()) device(g, d);
            g.writeEndArray();
            g.writeObjectFieldStart("stats");
            for (Map.Entry<String, Object> e : r.stats().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeBooleanField("interrupted", r.interrupted());
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Double d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            default -> g.writeString(v.toString());
        }
    }

    private static void capture(JsonGenerator g, CaptureStats c) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", c.path());
        g.writeNumberField("packets", c.packets());
        g.writeNumberField("bytes", c.bytes());
        g.writeArrayFieldStart("linkTypes");
        for (String l : c.linkTypes()) g.writeString(l);
        g.writeEndArray();
        g.writeStringField("first", Format.time(c.firstNanos()));
        g.writeStringField("last", Format.time(c.lastNanos()));
        g.writeArrayFieldStart("warnings");
        for (CaptureWarning w : c.warnings()) g.writeString("at byte " + w.offset() + ": " + w.reason());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void device(JsonGenerator g, Device d) throws IOException {
        g.writeStartObject();
        g.writeStringField("deviceId", d.deviceId());
        g.writeStringField("macAddress", d.macAddress());
        g.writeArrayFieldStart("ipAddresses");
        for (String ip : d.ipAddresses()) g.writeString(ip);
        g.writeEndArray();
        g.writeStringField("vendor", d.vendor());
        g.writeStringField("deviceName", d.deviceName());
        g.writeStringField("deviceCategory", d.deviceCategory());
        g.writeStringField("deviceType", d.deviceType());
        g.writeStringField("deviceSubtype", d.deviceSubtype());
        g.writeStringField("model", d.model());
        g.writeStringField("osPlatform", d.osPlatform());
        g.writeStringField("osVersion", d.osVersion());
        g.writeStringField("firmwareVersion", d.firmwareVersion());
        g.writeStringField("serialNumber", d.serialNumber());
        g.writeArrayFieldStart("protocols");
        for (String p : d.protocols()) g.writeString(p);
        g.writeEndArray();
        g.writeArrayFieldStart("services");
        for (ServiceEntry s : d.services()) {
            g.writeStartObject();
            g.writeNumberField("port", s.port());
            g.writeStringField("transport", s.transport());
            g.writeStringField("protocol", s.protocol());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("firstSeen", Format.time(d.firstSeenNanos()));
        g.writeStringField("lastSeen", Format.time(d.lastSeenNanos()));
        if (d.randomizedMac() == null) g.writeNullField("randomizedMac");
        else g.writeBooleanField("randomizedMac", d.randomizedMac());
        g.writeStringField("networkLocation", d.networkLocation() == null ? null : d.networkLocation().label());
        g.writeNumberField("packets", d.packets());
        g.writeNumberField("bytes", d.bytes());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : d.evidence()) {
            g.writeStartObject();
            g.writeStringField("attribute", e.attribute());
            g.writeStringField("value", e.value());
            g.writeStringField("source", e.source());
            g.writeNumberField("confidence", e.confidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
