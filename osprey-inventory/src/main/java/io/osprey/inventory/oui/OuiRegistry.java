package io.osprey.inventory.oui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Who made a network interface, from the IEEE Registration Authority's MA-L, MA-M, MA-S and IAB registries.
 *
 * <p>The registries assign blocks of universally administered addresses by prefix: 24 bits (MA-L, the classic
 * OUI), 28 bits (MA-M) and 36 bits (MA-S and the older IAB). The smaller blocks are carved out of MA-L blocks the
 * RA keeps for itself, so the longest matching prefix names the vendor: MA-S/IAB, then MA-M, then MA-L.
 *
 * <p>Locally administered addresses (randomized Wi-Fi addresses, virtual machines, containers) and group addresses
 * are never assigned by the RA and have no vendor, whatever their first octets look like. Neither do "Private"
 * assignments nor the RA's own blocks: the answer is null, "unknown" rather than a wrong guess.
 *
 * <p>Loaded once from {@value #RESOURCE} (see {@link OuiResourceFormat}); {@link #vendor} searches sorted
 * primitive arrays and allocates nothing, so it may be called on the packet path. Instances are immutable and
 * safe to share between threads.
 */
public final class OuiRegistry {
    /** Classpath resource next to this class, written by {@link OuiRegistryBuilder}. */
    public static final String RESOURCE = "oui-registry.bin.gz";

    private static final long NO_VENDOR_BITS = 0x03L << 40;
    /** Longest prefix first. */
    private static final Comparator<PrefixTable> PRECEDENCE =
            Comparator.comparingInt((PrefixTable table) -> -table.registry().prefixBits())
                    .thenComparing(PrefixTable::registry);

    private final String source;
    private final String[] vendors;
    private final PrefixTable[] tables;

    OuiRegistry(String source, String[] vendors, PrefixTable[] tables) {
        this.source = source;
        this.vendors = vendors;
        this.tables = tables.clone();
        Arrays.sort(this.tables, PRECEDENCE);
    }

    /** The registry shipped with Osprey, loaded on first use. */
    public static OuiRegistry bundled() {
        return Bundled.REGISTRY;
    }

    /** Reads a registry in the resource format, e.g. one refreshed after this build. */
    public static OuiRegistry read(InputStream resource) throws IOException {
        return OuiResourceFormat.read(resource);
    }

    /**
     * The vendor of the interface that owns {@code mac} (48 bits in the low bits of the long), or null when the
     * prefix is unassigned, private, or the address is locally administered or a group address.
     */
    public String vendor(long mac) {
        if ((mac & NO_VENDOR_BITS) != 0) return null;
        for (PrefixTable table : tables) {
            int index = table.indexOf(mac);
            if (index >= 0) return vendors[table.vendorIndex(index)];
        }
        return null;
    }

    /** The assignment behind {@link #vendor}, for evidence; null when {@link #vendor} is null. Allocates. */
    public OuiAssignment assignment(long mac) {
        if ((mac & NO_VENDOR_BITS) != 0) return null;
        for (PrefixTable table : tables) {
            int index = table.indexOf(mac);
            if (index >= 0) {
                return new OuiAssignment(table.registry(), table.prefix(index), vendors[table.vendorIndex(index)]);
            }
        }
        return null;
    }

    /** Where the data comes from, e.g. "IEEE RA listings via Debian ieee-data 20220827.1". */
    public String source() { return source; }

    /** Assignments in all registries. */
    public int size() {
        int size = 0;
        for (PrefixTable table : tables) size += table.size();
        return size;
    }

    /** Assignments held for one registry. */
    public int size(Registry registry) {
        for (PrefixTable table : tables) {
            if (table.registry() == registry) return table.size();
        }
        return 0;
    }

    /** Distinct vendor names, ascending. */
    public List<String> vendorNames() { return List.of(vendors); }

    /** Every assignment, longest prefixes first, then by prefix. For tools and tests; allocates. */
    public List<OuiAssignment> assignments() {
        var all = new ArrayList<OuiAssignment>(size());
        for (PrefixTable table : tables) {
            for (int i = 0; i < table.size(); i++) {
                all.add(new OuiAssignment(table.registry(), table.prefix(i), vendors[table.vendorIndex(i)]));
            }
        }
        return all;
    }

    List<PrefixTable> tables() { return List.of(tables); }

    private static final class Bundled {
        static final OuiRegistry REGISTRY = load();

        private static OuiRegistry load() {
            try (InputStream in = OuiRegistry.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE + " next to OuiRegistry");
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
