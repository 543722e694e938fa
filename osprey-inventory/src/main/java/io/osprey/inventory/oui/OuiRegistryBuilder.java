package io.osprey.inventory.oui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the registry resource from IEEE CSV listings: reads them, cleans organization names into vendor names
 * ({@link VendorNameCleaner}), and writes {@value OuiRegistry#RESOURCE} ({@link OuiResourceFormat}).
 * {@code tools/refresh-oui.sh} at the repository root runs it.
 *
 * <pre>
 * OuiRegistryBuilder [--output FILE] [--source-label TEXT] [--mapping FILE] [SOURCE...]
 *   SOURCE          an IEEE CSV listing (oui.csv, mam.csv, oui36.csv, iab.csv, or a copy such as ieee-oui.csv)
 *                   or a folder, of which every *.csv file with the IEEE header is read;
 *                   default /usr/share/ieee-data (Debian package ieee-data)
 *   --output        where to write the resource; default
 *                   src/main/resources/io/osprey/inventory/oui/oui-registry.bin.gz under the working directory
 *   --source-label  the provenance stored in the resource (shown by OuiRegistry#source); default names the
 *                   files read and their dates
 *   --mapping       also write a TSV "organization, vendor, assignments" of every name, for reviewing the cleaner
 * </pre>
 *
 * What is left out, and why: assignments named "Private" or held by the IEEE RA itself (no vendor to tell);
 * the legacy MA-L blocks whose first octet has the U/L or I/G bit set (02-60-8C 3Com, AA-00-00 DEC...), since
 * {@link OuiRegistry#vendor} answers null for such addresses anyway. When one prefix is listed for several
 * organizations (08-00-30 for CERN, Royal Melbourne Institute of Technology and Network Research), the vendor
 * is all their names joined by " / ": the registry itself cannot tell them apart.
 */
public final class OuiRegistryBuilder {
    static final Path DEFAULT_SOURCE = Path.of("/usr/share/ieee-data");
    static final Path DEFAULT_OUTPUT = Path.of("src/main/resources/io/osprey/inventory/oui", OuiRegistry.RESOURCE);
    private static final long NO_VENDOR_BITS = 0x03L << 40;

    /** What a build read, kept and left out: printed by {@link #main} and checked by tests. */
    record Report(Map<Registry, Integer> rowsRead, Map<Registry, Integer> entries, int notVendors,
                         int notUniversal, int sharedPrefixes, int rawNames, int vendorNames) {

        void print(PrintStream out) {
            for (Registry registry : Registry.values()) {
                out.printf(Locale.ROOT, "%-5s %6d rows read, %6d assignments kept%n", registry.label(),
                        rowsRead.getOrDefault(registry, 0), entries.getOrDefault(registry, 0));
            }
            out.printf(Locale.ROOT, "left out: %d private or IEEE RA rows, %d local/group MA-L blocks;"
                    + " %d prefixes listed for several organizations%n", notVendors, notUniversal, sharedPrefixes);
            out.printf(Locale.ROOT, "organization names: %d distinct as registered, %d distinct vendors after cleaning%n",
                    rawNames, vendorNames);
        }
    }

    /** A registry and the report of how it was built. */
    record Result(OuiRegistry registry, Report report) {}

    private final VendorNameCleaner cleaner;

    OuiRegistryBuilder(VendorNameCleaner cleaner) {
        this.cleaner = cleaner;
    }

    public static void main(String... args) throws IOException {
        Path output = DEFAULT_OUTPUT;
        Path mapping = null;
        String label = null;
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(value(args, ++i));
                case "--mapping" -> mapping = Path.of(value(args, ++i));
                case "--source-label" -> label = value(args, ++i);
                case "-h", "--help" -> {
                    System.out.println("usage: OuiRegistryBuilder [--output FILE] [--source-label TEXT]"
                            + " [--mapping FILE] [SOURCE...]   (SOURCE: IEEE CSV file or folder; default "
                            + DEFAULT_SOURCE + ")");
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
                    sources.add(Path.of(args[i]));
                }
            }
        }
        if (sources.isEmpty()) sources.add(DEFAULT_SOURCE);
        List<Path> listings = listings(sources);
        List<IeeeRegistryRow> rows = new ArrayList<>();
        for (Path listing : listings) rows.addAll(IeeeRegistryCsv.read(listing));
        var builder = new OuiRegistryBuilder(VendorNameCleaner.bundled());
        Result result = builder.build(rows, label != null ? label : defaultLabel(listings));

        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(output)) {
            OuiResourceFormat.write(result.registry(), out);
        }
        if (mapping != null) builder.writeMapping(rows, mapping);
        System.out.println("read " + listings);
        result.report().print(System.out);
        System.out.printf(Locale.ROOT, "wrote %s (%,d bytes): %s%n", output, Files.size(output),
                result.registry().source());
    }

    /** Cleans, merges and indexes the rows of one or more listings. */
    Result build(List<IeeeRegistryRow> rows, String sourceLabel) {
        Map<Registry, Integer> rowsRead = new EnumMap<>(Registry.class);
        Set<String> rawNames = new TreeSet<>();
        Map<Registry, Map<Long, Set<String>>> vendorsByPrefix = new EnumMap<>(Registry.class);
        Map<String, Integer> assignmentsByVendor = new HashMap<>();
        int notVendors = 0;
        int notUniversal = 0;
        Set<IeeeRegistryRow> seen = new HashSet<>();
        Map<String, String> cleaned = new HashMap<>();
        for (IeeeRegistryRow row : rows) {
            if (!seen.add(new IeeeRegistryRow(row.registry(), row.prefix(), row.organization(), 0))) continue;
            rowsRead.merge(row.registry(), 1, Integer::sum);
            long firstAddress = row.prefix() << (MacAddress.BITS - row.registry().prefixBits());
            String vendor = cleaned.computeIfAbsent(row.organization(), cleaner::clean);
            if (vendor == null) {
                notVendors++;
                continue;
            }
            if ((firstAddress & NO_VENDOR_BITS) != 0) {
                notUniversal++;
                continue;
            }
            rawNames.add(row.organization());
            vendorsByPrefix.computeIfAbsent(row.registry(), r -> new TreeMap<>())
                    .computeIfAbsent(row.prefix(), p -> new LinkedHashSet<>()).add(vendor);
            assignmentsByVendor.merge(vendor, 1, Integer::sum);
        }
        Map<String, String> spelling = unifySpellings(assignmentsByVendor);

        int sharedPrefixes = 0;
        Map<Registry, Map<Long, String>> vendorOfPrefix = new EnumMap<>(Registry.class);
        for (var registry : vendorsByPrefix.entrySet()) {
            Map<Long, String> vendors = new TreeMap<>();
            for (var entry : registry.getValue().entrySet()) {
                Set<String> names = new TreeSet<>();
                for (String vendor : entry.getValue()) names.add(spelling.get(vendor));
                if (names.size() > 1) sharedPrefixes++;
                vendors.put(entry.getKey(), String.join(" / ", names));
            }
            vendorOfPrefix.put(registry.getKey(), vendors);
        }

        String[] vendorNames = vendorOfPrefix.values().stream().flatMap(m -> m.values().stream())
                .distinct().sorted().toArray(String[]::new);
        Map<String, Integer> vendorIndex = new HashMap<>();
        for (int i = 0; i < vendorNames.length; i++) vendorIndex.put(vendorNames[i], i);
        List<PrefixTable> tables = new ArrayList<>();
        Map<Registry, Integer> entries = new EnumMap<>(Registry.class);
        for (var registry : vendorOfPrefix.entrySet()) {
            Map<Long, String> vendors = registry.getValue();
            long[] prefixes = new long[vendors.size()];
            int[] indexes = new int[vendors.size()];
            int i = 0;
            for (var entry : vendors.entrySet()) {
                prefixes[i] = entry.getKey();
                indexes[i++] = vendorIndex.get(entry.getValue());
            }
            tables.add(new PrefixTable(registry.getKey(), prefixes, indexes));
            entries.put(registry.getKey(), prefixes.length);
        }
        var registry = new OuiRegistry(sourceLabel, vendorNames, tables.toArray(PrefixTable[]::new));
        var report = new Report(rowsRead, entries, notVendors, notUniversal, sharedPrefixes, rawNames.size(),
                vendorNames.length);
        return new Result(registry, report);
    }

    /**
     * One spelling for names that differ only in case, accents, spaces and light punctuation ("Shenzhen C & D
     * Electronics", "ShenZhen C&D Electronics"): an alias's canonical name if one is among them, else the
     * spelling used by most assignments, ties broken by String order so builds are reproducible.
     */
    private Map<String, String> unifySpellings(Map<String, Integer> assignmentsByVendor) {
        Map<String, List<String>> byKey = new HashMap<>();
        for (String vendor : assignmentsByVendor.keySet()) {
            byKey.computeIfAbsent(spellingKey(vendor), k -> new ArrayList<>()).add(vendor);
        }
        Comparator<String> preference = Comparator.comparing((String v) -> !cleaner.isCanonical(v))
                .thenComparing(v -> -assignmentsByVendor.get(v))
                .thenComparing(Comparator.naturalOrder());
        Map<String, String> spelling = new HashMap<>();
        for (List<String> variants : byKey.values()) {
            String chosen = variants.stream().min(preference).orElseThrow();
            for (String variant : variants) spelling.put(variant, chosen);
        }
        return spelling;
    }

    static String spellingKey(String vendor) {
        String folded = Normalizer.normalize(vendor, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[\\s.,'’-]", "");
    }

    /** The listings named by the sources: files as given, and IEEE listings found in folders (not recursive). */
    static List<Path> listings(List<Path> sources) throws IOException {
        List<Path> listings = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                        if (IeeeRegistryCsv.isListing(file)) listings.add(file);
                    }
                }
            } else if (Files.isRegularFile(source)) {
                listings.add(source);
            } else {
                throw new IOException("no such file or folder: " + source);
            }
        }
        if (listings.isEmpty()) throw new IOException("no IEEE registry listing (*.csv) in " + sources);
        return listings;
    }

    private static String defaultLabel(List<Path> listings) throws IOException {
        var label = new StringBuilder("IEEE RA listings");
        for (Path listing : listings) {
            label.append(label.indexOf(":") < 0 ? ": " : ", ").append(listing.getFileName()).append(' ')
                    .append(Files.getLastModifiedTime(listing).toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        }
        Path debianStamp = listings.getFirst().resolveSibling(".lastupdate");
        if (Files.isRegularFile(debianStamp)) {
            long epoch = Long.parseLong(Files.readString(debianStamp).strip());
            label.append(" (Debian ieee-data, fetched ")
                    .append(Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).toLocalDate()).append(')');
        }
        return label.toString();
    }

    private void writeMapping(List<IeeeRegistryRow> rows, Path mapping) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (IeeeRegistryRow row : rows) counts.merge(row.organization(), 1, Integer::sum);
        var text = new StringBuilder("organization\tvendor\tassignments\n");
        for (var entry : counts.entrySet()) {
            String vendor = cleaner.clean(entry.getKey());
            text.append(entry.getKey().replaceAll("[\\t\\r\\n]", " ")).append('\t')
                    .append(vendor == null ? "" : vendor).append('\t').append(entry.getValue()).append('\n');
        }
        Files.writeString(mapping, text, StandardCharsets.UTF_8);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }
}
