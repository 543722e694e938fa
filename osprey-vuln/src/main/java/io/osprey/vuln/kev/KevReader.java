package io.osprey.vuln.kev;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.vuln.nvd.MalformedIntelException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Streams the CISA KEV JSON catalog ({@code {"catalogVersion": ..., "vulnerabilities": [{"cveID": ...}]}}). */
public final class KevReader {
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KevReader() {
    }

    public static int read(InputStream in, Consumer<KevEntry> sink) throws IOException {
        int count = 0;
        boolean sawList = false;
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedIntelException("the KEV catalog is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                    sawList = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        sink.accept(entry(parser.readValueAsTree()));
                        count++;
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        throw new MalformedIntelException("KEV 'vulnerabilities' holds something other than objects");
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedIntelException("trailing content after the KEV catalog");
            }
        } catch (JacksonException e) {
            throw new MalformedIntelException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (!sawList) {
            throw new MalformedIntelException("no 'vulnerabilities' list in the KEV catalog");
        }
        return count;
    }

    static KevEntry entry(JsonNode v) {
        String id = v.path("cveID").asText("");
        if (!CVE_ID.matcher(id).matches()) {
            throw new MalformedIntelException("KEV entry without a valid cveID");
        }
        return new KevEntry(id, text(v, "vendorProject"), text(v, "product"), text(v, "vulnerabilityName"),
                date(v, "dateAdded", id), date(v, "dueDate", id), text(v, "knownRansomwareCampaignUse"),
                text(v, "requiredAction"));
    }

    private static String text(JsonNode v, String field) {
        return v.path(field).isTextual() ? v.path(field).asText() : null;
    }

    private static LocalDate date(JsonNode v, String field, String id) {
        String text = text(v, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new MalformedIntelException(id + ": unreadable " + field + " '" + text + "'", e);
        }
    }
}
