package io.osprey.inventory.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed device taxonomy (../shared/TAXONOMY.md): each {@code deviceType} and the {@code deviceCategory} it
 * belongs to. Category follows type; a device without a type is {@link #UNKNOWN}.
 */
public final class Taxonomy {
    public static final String UNKNOWN = "Unknown";
    private static final String RESOURCE = "taxonomy.tsv";

    private final Map<String, String> categoryByType;

    private Taxonomy(Map<String, String> categoryByType) {
        this.categoryByType = Collections.unmodifiableMap(categoryByType);
    }

    public static Taxonomy bundled() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource missing: " + RESOURCE);
            Map<String, String> map = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 2) throw new IllegalStateException(RESOURCE + ": bad line: " + line);
                map.put(cols[0], cols[1]);
            }
            return new Taxonomy(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isType(String type) { return categoryByType.containsKey(type); }

    /** The category of {@code type}, or {@link #UNKNOWN} when there is no type. */
    public String categoryOf(String type) {
        return type == null ? UNKNOWN : categoryByType.getOrDefault(type, UNKNOWN);
    }

    public Map<String, String> categoryByType() { return categoryByType; }
}
