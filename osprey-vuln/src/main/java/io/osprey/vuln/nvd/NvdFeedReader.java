package io.osprey.vuln.nvd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams CVE records out of the three NVD CVE API 2.0 layouts without holding the file in memory:
 * a single record ({@code {"cve": {...}}} or the bare {@code cve} object), an API response page or the per-year
 * feed ({@code {"vulnerabilities": [{"cve": {...}}, ...]}}), and the one-file-per-year mirror layout
 * ({@code {"cve_items": [{...}, ...]}}); a top-level array of either kind of element is accepted too.
 * Only one record is materialised at a time, so a 100 MB year file needs a few MB of heap.
 */
public final class NvdFeedReader {
    /** One CVE record is far below this; it bounds what a hostile file can make the parser buffer. */
    public static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
            .build());

    private NvdFeedReader() {
    }

    /** Calls {@code sink} once per record, in file order; returns the number of records. */
    public static int read(InputStream in, Consumer<CveRecord> sink) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            int count;
            if (first == JsonToken.START_ARRAY) {
                count = readArray(parser, sink);
            } else if (first == JsonToken.START_OBJECT) {
                count = readObject(parser, sink);
            } else {
                throw new MalformedIntelException("not an NVD JSON document");
            }
            if (parser.nextToken() != null) {
                throw new MalformedIntelException("trailing content after the JSON document");
            }
            return count;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new MalformedIntelException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static int readObject(JsonParser parser, Consumer<CveRecord> sink) throws IOException {
        int count = 0;
        ObjectNode rest = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ((name.equals("vulnerabilities") || name.equals("cve_items")) && value == JsonToken.START_ARRAY) {
                count += readArray(parser, sink);
            } else if (name.equals("cve") && value == JsonToken.START_OBJECT) {
                sink.accept(CveJson.read(parser.readValueAsTree()));
                count++;
            } else {
                // Small top-level fields (timestamp, format) or, for a bare record, the record's own fields.
                rest.set(name, parser.readValueAsTree());
            }
        }
        if (count == 0 && rest.has("id")) {
            sink.accept(CveJson.read(rest));
            count++;
        } else if (count == 0 && !rest.has("totalResults") && !rest.has("resultsPerPage")) {
            throw new MalformedIntelException("no CVE records: expected 'vulnerabilities', 'cve_items' or 'cve'");
        }
        return count;
    }

    private static int readArray(JsonParser parser, Consumer<CveRecord> sink) throws IOException {
        int count = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode element = parser.readValueAsTree();
            JsonNode cve = element.has("cve") ? element.get("cve") : element;
            sink.accept(CveJson.read(cve));
            count++;
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new MalformedIntelException("a CVE list holds something other than objects");
        }
        return count;
    }
}
