package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped data: the built resource against the IEEE listings it was built from (Debian's ieee-data, when
 * installed), and the cleaner's data files on their own.
 */
class OuiDataTest {
    private static final Path IEEE_DATA = Path.of("/usr/share/ieee-data");
    private static final VendorNameCleaner CLEANER = VendorNameCleaner.bundled();
    private static final OuiRegistry REGISTRY = OuiRegistry.bundled();
    private static List<IeeeRegistryRow> listingRows;

    @BeforeAll
    static void readListings() throws IOException {
        if (!Files.isRegularFile(IEEE_DATA.resolve("oui.csv"))) return;
        listingRows = new ArrayList<>();
        for (String file : List.of("oui.csv", "mam.csv", "oui36.csv", "iab.csv")) {
            listingRows.addAll(IeeeRegistryCsv.read(IEEE_DATA.resolve(file)));
        }
    }

    private static void assumeListings() {
        assumeThat(listingRows).as("Debian ieee-data (/usr/share/ieee-data) absent: skipped").isNotNull();
    }

    @Test
    void holdsEveryRegistryInPlausibleNumbers() {
        // Holds without the listings: ieee-data 20220827.1 has 32,530 MA-L, 4,390 MA-M, 5,029 MA-S, 4,575 IAB rows.
        assertThat(REGISTRY.size(Registry.MA_L)).isBetween(30_000, 60_000);
        assertThat(REGISTRY.size(Registry.MA_M)).isBetween(4_000, 20_000);
        assertThat(REGISTRY.size(Registry.MA_S)).isBetween(4_500, 30_000);
        assertThat(REGISTRY.size(Registry.IAB)).isBetween(4_500, 4_600); // closed registry
        assertThat(REGISTRY.vendorNames()).doesNotContainNull().allSatisfy(name -> assertThat(name).isNotBlank());
    }

    @Test
    void entriesPerRegistryMatchTheListings() {
        assumeListings();
        // What the listings hold, minus what the builder leaves out by design: private and IEEE RA rows, and
        // blocks whose first octet has the U/L or I/G bit set.
        Map<Registry, Set<Long>> expected = new EnumMap<>(Registry.class);
        for (IeeeRegistryRow row : listingRows) {
            String name = row.organization().strip();
            long first = row.prefix() << (MacAddress.BITS - row.registry().prefixBits());
            if (name.equals("Private") || name.equals("IEEE Registration Authority")) continue;
            if (MacAddress.isGroup(first) || MacAddress.isLocallyAdministered(first)) continue;
            expected.computeIfAbsent(row.registry(), r -> new HashSet<>()).add(row.prefix());
        }
        for (Registry registry : Registry.values()) {
            int listed = expected.get(registry).size();
            assertThat(REGISTRY.size(registry)).as(registry.label())
                    .isBetween((int) (listed * 0.99), (int) Math.ceil(listed * 1.01));
        }
    }

    @Test
    void cleaningLeavesWellFewerNamesThanRegistered() {
        assumeListings();
        Set<String> registered = new HashSet<>();
        for (IeeeRegistryRow row : listingRows) registered.add(row.organization());
        assertThat(REGISTRY.vendorNames().size()).isLessThan((int) (registered.size() * 0.96));
    }

    @Test
    void bigVendorsRegisteredUnderManySpellingsBecomeOne() {
        assumeListings();
        Map<String, Set<String>> spellings = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        for (IeeeRegistryRow row : listingRows) {
            String vendor = CLEANER.clean(row.organization());
            if (vendor == null) continue;
            spellings.computeIfAbsent(vendor, v -> new HashSet<>()).add(row.organization());
            rows.merge(vendor, 1, Integer::sum);
        }
        Map<String, Integer> assignments = new HashMap<>();
        for (OuiAssignment assignment : REGISTRY.assignments()) assignments.merge(assignment.vendor(), 1, Integer::sum);
        Map<String, Integer> atLeast = Map.of("Huawei", 3, "Samsung", 10, "Nokia", 5, "HP", 4, "Siemens", 20, "ABB", 20);
        atLeast.forEach((vendor, minimum) -> {
            assertThat(spellings.get(vendor)).as(vendor).hasSizeGreaterThanOrEqualTo(minimum);
            assertThat(assignments.get(vendor)).as(vendor).isEqualTo(rows.get(vendor));
        });
    }

    @Test
    void cleaningIsIdempotentOnEveryRegisteredName() {
        assumeListings();
        Set<String> seen = new HashSet<>();
        for (IeeeRegistryRow row : listingRows) {
            if (!seen.add(row.organization())) continue;
            String vendor = CLEANER.clean(row.organization());
            if (vendor != null) assertThat(CLEANER.clean(vendor)).as(row.organization()).isEqualTo(vendor);
        }
    }

    @Test
    void aliasesParseAndEveryPatternCompiles() {
        // bundled() parses both files and compiles every pattern; a bad line throws with its line number.
        assertThat(CLEANER.aliases()).hasSizeGreaterThan(150);
        assertThat(VendorNameCleaner.parseLegalForms(VendorNameCleaner.resource(VendorNameCleaner.LEGAL_FORMS_RESOURCE),
                VendorNameCleaner.LEGAL_FORMS_RESOURCE)).hasSizeGreaterThan(50);
        Set<String> patterns = new HashSet<>();
        for (var alias : CLEANER.aliases()) {
            assertThat(patterns.add(alias.pattern().pattern())).as("duplicate pattern, line " + alias.line()).isTrue();
        }
    }

    @Test
    void canonicalNamesComeOutOfTheCleanerUnchanged() {
        for (var alias : CLEANER.aliases()) {
            if (alias.canonical().equals(VendorNameCleaner.NOT_A_VENDOR)) continue;
            assertThat(CLEANER.clean(alias.canonical())).as("line " + alias.line()).isEqualTo(alias.canonical());
        }
    }

    @Test
    void everyAliasIsTheFirstMatchForSomeRegisteredName() {
        assumeListings();
        Set<Integer> used = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (IeeeRegistryRow row : listingRows) {
            if (!seen.add(row.organization())) continue;
            String name = CLEANER.normalize(row.organization());
            for (var alias : CLEANER.aliases()) {
                if (alias.pattern().matcher(name).matches()) {
                    used.add(alias.line());
                    break;
                }
            }
        }
        assertThat(CLEANER.aliases()).allSatisfy(alias ->
                assertThat(used).as("alias on line " + alias.line() + " (" + alias.canonical() + ") matches nothing")
                        .contains(alias.line()));
    }
}
