package io.osprey.vuln.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The alias data file {@code cpe-aliases.tsv}: vendor names, OS names, model rules and extra product names. */
public final class CpeAliases {
    /** A documented model normalisation for one CPE vendor. */
    public record ModelRule(String cpeVendor, Pattern pattern, String replacement, String why) {
    }

    /** An extra NVD product name: part ('a', 'o', 'h'), product, likelihood. */
    public record ProductName(char part, String product, double likelihood, String why) {
    }

    private final Map<String, List<String>> vendors = new HashMap<>();
    private final Map<String, String> operatingSystems = new LinkedHashMap<>();
    private final List<ModelRule> modelRules = new ArrayList<>();
    private final Map<String, List<ProductName>> products = new HashMap<>();
    private final List<Map.Entry<ModelRule, List<ProductName>>> families = new ArrayList<>();

    private CpeAliases() {
    }

    /** The data file shipped with Osprey. */
    public static CpeAliases bundled() {
        try (InputStream in = CpeAliases.class.getResourceAsStream("cpe-aliases.tsv")) {
            if (in == null) {
                throw new IllegalStateException("cpe-aliases.tsv is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CpeAliases read(InputStream in) throws IOException {
        CpeAliases aliases = new CpeAliases();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            switch (f[0]) {
                case "vendor" -> aliases.vendors.put(key(f[1]), List.of(f[2].split(";")));
                case "os" -> aliases.operatingSystems.put(key(f[1]), f[2]);
                case "model" -> aliases.modelRules.add(new ModelRule(f[1], Pattern.compile(f[2]), f[3],
                        f.length > 4 ? f[4] : ""));
                case "product" -> {
                    List<ProductName> names = new ArrayList<>();
                    for (String spec : f[3].split(";")) {
                        String[] p = spec.split(":");
                        names.add(new ProductName(p[0].charAt(0), p[1], p.length > 2 ? Double.parseDouble(p[2]) : 0.8,
                                f.length > 4 ? f[4] : ""));
                    }
                    aliases.products.computeIfAbsent(f[1] + "\t" + key(f[2]), k -> new ArrayList<>()).addAll(names);
                }
                case "family" -> {
                    List<ProductName> names = new ArrayList<>();
                    for (String spec : f[3].split(";")) {
                        String[] p = spec.split(":");
                        names.add(new ProductName(p[0].charAt(0), p[1], p.length > 2 ? Double.parseDouble(p[2]) : 0.6,
                                f.length > 4 ? f[4] : ""));
                    }
                    aliases.families.add(Map.entry(new ModelRule(f[1], Pattern.compile(f[2]), "", f.length > 4
                            ? f[4] : ""), names));
                }
                default -> throw new IllegalArgumentException("cpe-aliases.tsv line " + number + ": unknown kind " + f[0]);
            }
        }
        return aliases;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The CPE vendor names for an observed vendor name, most used first; empty when the name is unknown. */
    public List<String> cpeVendors(String observedVendor) {
        return observedVendor == null ? List.of() : vendors.getOrDefault(key(observedVendor), List.of());
    }

    /** Every observed name that maps to this CPE vendor (for matching CSAF vendor names). */
    public boolean isVendor(String observedVendor, String cpeVendor) {
        return cpeVendors(observedVendor).contains(cpeVendor);
    }

    public String operatingSystem(String observedOs) {
        return observedOs == null ? null : operatingSystems.get(key(observedOs));
    }

    public List<ModelRule> modelRules(String cpeVendor) {
        return modelRules.stream().filter(r -> r.cpeVendor().equals(cpeVendor)).toList();
    }

    public List<ProductName> products(String cpeVendor, String normalisedModel) {
        List<ProductName> out = new ArrayList<>(products.getOrDefault(cpeVendor + "\t" + key(normalisedModel),
                List.of()));
        String product = key(normalisedModel).replace(' ', '_');
        for (Map.Entry<ModelRule, List<ProductName>> family : families) {
            if (family.getKey().cpeVendor().equals(cpeVendor) && family.getKey().pattern().matcher(product).matches()) {
                out.addAll(family.getValue());
            }
        }
        return out;
    }
}
