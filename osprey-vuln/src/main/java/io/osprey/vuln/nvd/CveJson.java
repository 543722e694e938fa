package io.osprey.vuln.nvd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.vuln.cpe.Cpe;
import io.osprey.vuln.cpe.CpeParseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one NVD CVE API 2.0 {@code cve} object (the value of {@code vulnerabilities[].cve}). */
public final class CveJson {
    /** Descriptions are kept short: the full text stays at NVD, the id links to it. */
    public static final int MAX_DESCRIPTION = 1000;
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CveJson() {
    }

    public static CveRecord read(JsonNode cve) {
        String id = cve.path("id").asText("");
        if (!CVE_ID.matcher(id).matches()) {
            throw new MalformedIntelException("CVE record without a valid id: '" + abbreviate(id) + "'");
        }
        LocalDateTime lastModified = dateTime(cve.path("lastModified").asText(null), id);
        if (lastModified == null) {
            throw new MalformedIntelException(id + " has no lastModified");
        }
        JsonNode configurations = cve.path("configurations");
        return new CveRecord(id, dateTime(cve.path("published").asText(null), id), lastModified,
                cve.path("vulnStatus").asText(null), englishDescription(cve.path("descriptions")),
                cvssV3(cve.path("metrics")), cvss(cve.path("metrics").path("cvssMetricV40")),
                cvssV2(cve.path("metrics")),
                cwes(cve.path("weaknesses")), references(cve.path("references")),
                configurations(configurations),
                configurations.isArray() && !configurations.isEmpty() ? configurations.toString() : null,
                date(cve.path("cisaExploitAdd").asText(null)));
    }

    /** The CVSS v3.1 assessment, else v3.0; NVD's own ("Primary") assessment first. */
    static CvssScore cvssV3(JsonNode metrics) {
        CvssScore v31 = cvss(metrics.path("cvssMetricV31"));
        return v31 != null ? v31 : cvss(metrics.path("cvssMetricV30"));
    }

    /** The CVSS v2 assessment, for records older than CVSS v3 (severity sits beside cvssData in v2). */
    public static CvssScore cvssV2(JsonNode metrics) {
        return cvss(metrics.path("cvssMetricV2"));
    }

    static CvssScore cvss(JsonNode metricList) {
        if (!metricList.isArray() || metricList.isEmpty()) {
            return null;
        }
        JsonNode chosen = metricList.get(0);
        for (JsonNode metric : metricList) {
            if ("Primary".equalsIgnoreCase(metric.path("type").asText())) {
                chosen = metric;
                break;
            }
        }
        JsonNode data = chosen.path("cvssData");
        if (!data.path("baseScore").isNumber()) {
            return null;
        }
        String severity = data.path("baseSeverity").asText(chosen.path("baseSeverity").asText(null));
        return new CvssScore(data.path("version").asText(null), data.path("baseScore").asDouble(),
                data.path("vectorString").asText(null), severity);
    }

    private static String englishDescription(JsonNode descriptions) {
        String fallback = null;
        for (JsonNode d : descriptions) {
            String text = d.path("value").asText("");
            if ("en".equalsIgnoreCase(d.path("lang").asText())) {
                return shorten(text);
            }
            if (fallback == null) {
                fallback = text;
            }
        }
        return fallback == null ? null : shorten(fallback);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 3) + "...";
    }

    private static List<String> cwes(JsonNode weaknesses) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode w : weaknesses) {
            for (JsonNode d : w.path("description")) {
                String value = d.path("value").asText("");
                if (!value.isEmpty()) {
                    out.add(value);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Reference> references(JsonNode references) {
        List<Reference> out = new ArrayList<>();
        for (JsonNode r : references) {
            String url = r.path("url").asText("");
            if (url.isEmpty()) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            r.path("tags").forEach(t -> tags.add(t.asText()));
            out.add(new Reference(url, tags));
        }
        return out;
    }

    /** The configurations array of a record, or as stored in the database. */
    public static List<Configuration> configurations(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return configurations(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new MalformedIntelException("stored configurations are not JSON", e);
        }
    }

    static List<Configuration> configurations(JsonNode configurations) {
        List<Configuration> out = new ArrayList<>();
        for (JsonNode c : configurations) {
            List<ConfigNode> nodes = new ArrayList<>();
            for (JsonNode n : c.path("nodes")) {
                List<CpeMatchCriterion> criteria = new ArrayList<>();
                for (JsonNode m : n.path("cpeMatch")) {
                    criteria.add(criterion(m));
                }
                nodes.add(new ConfigNode(Operator.of(n.path("operator").asText(null)),
                        n.path("negate").asBoolean(false), criteria));
            }
            if (!nodes.isEmpty()) {
                out.add(new Configuration(Operator.of(c.path("operator").asText(null)),
                        c.path("negate").asBoolean(false), nodes));
            }
        }
        return out;
    }

    private static CpeMatchCriterion criterion(JsonNode m) {
        String text = m.path("criteria").asText("");
        Cpe cpe;
        try {
            cpe = Cpe.parse(text);
        } catch (CpeParseException e) {
            cpe = null;
        }
        return new CpeMatchCriterion(m.path("vulnerable").asBoolean(false), text, cpe,
                m.path("versionStartIncluding").asText(null), m.path("versionStartExcluding").asText(null),
                m.path("versionEndIncluding").asText(null), m.path("versionEndExcluding").asText(null));
    }

    /** NVD writes "2016-03-01T12:34:56.123", sometimes with a zone suffix; the zone is UTC either way. */
    static LocalDateTime dateTime(String text, String id) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        int plus = t.indexOf('+', 10);
        if (plus > 0) {
            t = t.substring(0, plus);
        }
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new MalformedIntelException(id + ": unreadable date '" + abbreviate(text) + "'", e);
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
