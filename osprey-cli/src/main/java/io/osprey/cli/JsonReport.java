package io.osprey.cli;

import io.osprey.alert.Alert;
import io.osprey.alert.AlertEvidence;
import io.osprey.alert.OtProfile;
import io.osprey.alert.Posture;
import io.osprey.alert.PostureAssessor;
import io.osprey.alert.RecommendationFinding;
import io.osprey.vuln.match.MatchEvidence;
import io.osprey.vuln.match.VulnerabilityFinding;

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
import java.util.List;
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
            for (Device d : r.devices()) {
                device(g, d, r.ot().get(d.deviceId()), r.vulnerabilities().getOrDefault(d.deviceId(), List.of()),
                        r.posture() == null ? null : r.posture().devices().get(d.deviceId()));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("alerts");
            for (Alert a : r.alerts()) alert(g, a);
            g.writeEndArray();
            if (r.posture() != null) {
                g.writeNumberField("organisationExposure", r.posture().organisationExposure());
                g.writeArrayFieldStart("recommendations");
                for (PostureAssessor.RecommendationSummary s : r.posture().recommendations()) {
                    g.writeStartObject();
                    g.writeStringField("id", s.id());
                    g.writeStringField("title", s.title());
                    g.writeStringField("severity", s.severity());
                    g.writeStringField("remediation", s.remediation());
                    g.writeNumberField("unhealthyDevices", s.unhealthy());
                    g.writeNumberField("healthyDevices", s.healthy());
                    strings(g, "devices", s.devices());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
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

    private static void alert(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        g.writeStringField("alertId", a.alertId());
        g.writeStringField("title", a.title());
        g.writeStringField("engine", a.engine());
        g.writeStringField("severity", a.severity());
        g.writeStringField("category", a.category());
        g.writeArrayFieldStart("attackTechniques");
        for (String t : a.attackTechniques()) g.writeString(t);
        g.writeEndArray();
        g.writeStringField("sourceDeviceId", a.sourceDeviceId());
        g.writeStringField("destinationDeviceId", a.destinationDeviceId());
        g.writeStringField("firstSeen", Format.time(a.firstSeenNanos()));
        g.writeStringField("lastSeen", Format.time(a.lastSeenNanos()));
        g.writeNumberField("count", a.count());
        g.writeStringField("status", a.status());
        g.writeStringField("type", a.definitionId());
        g.writeArrayFieldStart("evidence");
        for (AlertEvidence e : a.evidence()) {
            g.writeStartObject();
            g.writeStringField("time", Format.time(e.timestampNanos()));
            g.writeStringField("protocol", e.protocol());
            g.writeStringField("operation", e.operation());
            g.writeStringField("detail", e.detail());
            g.writeStringField("from", e.from());
            g.writeStringField("to", e.to());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("remediation", a.remediation());
        g.writeStringField("baselineKey", a.baselineKey());
        g.writeEndObject();
    }

    private static void ot(JsonGenerator g, OtProfile p) throws IOException {
        g.writeObjectFieldStart("ot");
        if (p.purdueLevel() == null) g.writeNullField("purdueLevel");
        else g.writeNumberField("purdueLevel", p.purdueLevel());
        g.writeStringField("purdueLevelName", p.purdueLevelName());
        g.writeStringField("purdueEvidence", p.purdueEvidence());
        g.writeStringField("plcMode", p.plcMode());
        if (p.rack() != null) g.writeNumberField("rack", p.rack());
        if (p.slot() != null) g.writeNumberField("slot", p.slot());
        strings(g, "programmedBy", p.programmedBy());
        strings(g, "programs", p.programs());
        g.writeArrayFieldStart("peers");
        for (OtProfile.Peer peer : p.peers()) {
            g.writeStartObject();
            g.writeStringField("peer", peer.peer());
            g.writeStringField("role", peer.role());
            strings(g, "protocols", peer.protocols());
            strings(g, "operations", peer.operations());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, java.util.Collection<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void vulnerability(JsonGenerator g, VulnerabilityFinding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("cveId", f.cveId());
        g.writeStringField("confidence", f.confidence().label());
        number(g, "cvssScore", f.cvssScore());
        g.writeStringField("cvssVector", f.cvssVector());
        g.writeStringField("severity", f.severity());
        number(g, "cvssV4Score", f.cvssV4Score());
        g.writeStringField("cvssV4Vector", f.cvssV4Vector());
        number(g, "epss", f.epss());
        number(g, "epssPercentile", f.epssPercentile());
        g.writeBooleanField("kev", f.kev());
        g.writeBooleanField("knownRansomwareUse", f.knownRansomwareUse());
        g.writeBooleanField("exploitAvailable", f.exploitAvailable());
        g.writeStringField("published", f.published() == null ? null : f.published().toString());
        strings(g, "fixLinks", f.fixLinks());
        strings(g, "advisoryLinks", f.advisoryLinks());
        strings(g, "sources", f.sources());
        g.writeArrayFieldStart("evidence");
        for (MatchEvidence e : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("deviceCpe", e.deviceCpe());
            g.writeStringField("criterion", e.criterion());
            g.writeBooleanField("vulnerableCriterion", e.vulnerableCriterion());
            g.writeStringField("versionReason", e.versionReason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, Double v) throws IOException {
        if (v == null) g.writeNullField(field);
        else g.writeNumberField(field, v);
    }

    private static void posture(JsonGenerator g, Posture p) throws IOException {
        g.writeStringField("riskLevel", p.riskLevel());
        strings(g, "riskFactors", p.riskFactors());
        g.writeStringField("exposureLevel", p.exposureLevel());
        g.writeNumberField("exposureScore", p.exposureScore());
        strings(g, "exposureFactors", p.exposureFactors());
        g.writeStringField("assetValue", p.assetValue());
        g.writeArrayFieldStart("recommendations");
        for (RecommendationFinding r : p.recommendations()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("title", r.title());
            g.writeStringField("severity", r.severity());
            g.writeStringField("status", r.status());
            strings(g, "evidence", r.evidence());
            g.writeStringField("remediation", r.remediation());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void device(JsonGenerator g, Device d, OtProfile ot, List<VulnerabilityFinding> vulns, Posture posture)
            throws IOException {
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
        if (ot != null) ot(g, ot);
        g.writeArrayFieldStart("vulnerabilities");
        for (VulnerabilityFinding f : vulns) vulnerability(g, f);
        g.writeEndArray();
        if (posture != null) posture(g, posture);
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
