package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class OuiRegistryProperties {
    private static final OuiRegistry REGISTRY = OuiRegistry.bundled();
    private static final long LOCAL_BIT = 0x02L << 40;
    private static final long GROUP_BIT = 0x01L << 40;

    @Property
    boolean locallyAdministeredAddressesHaveNoVendor(@ForAll @LongRange(min = 0, max = MacAddress.MASK) long mac) {
        return REGISTRY.vendor(mac | LOCAL_BIT) == null;
    }

    @Property
    boolean groupAddressesHaveNoVendor(@ForAll @LongRange(min = 0, max = MacAddress.MASK) long mac) {
        return REGISTRY.vendor(mac | GROUP_BIT) == null;
    }

    /** No assignment is smaller than 36 bits, so the last 12 bits never change the answer. */
    @Property
    void onlyTheFirst36BitsMatter(@ForAll @LongRange(min = 0, max = MacAddress.MASK) long mac,
                                  @ForAll @LongRange(min = 0, max = 0xFFF) long low) {
        assertThat(REGISTRY.vendor((mac & ~0xFFFL) | low)).isEqualTo(REGISTRY.vendor(mac));
    }

    /** Addresses inside assigned blocks: the answer is the block's vendor, and the evidence agrees. */
    @Property
    void anAddressInAnAssignedBlockGetsThatBlocksVendor(@ForAll("addressesInAssignedBlocks") long mac) {
        OuiAssignment assignment = REGISTRY.assignment(mac);
        assertThat(assignment).isNotNull();
        assertThat(REGISTRY.vendor(mac)).isEqualTo(assignment.vendor());
        assertThat(assignment.registry().prefixOf(mac)).isEqualTo(assignment.prefix());
    }

    @Provide
    Arbitrary<Long> addressesInAssignedBlocks() {
        List<OuiAssignment> assignments = REGISTRY.assignments();
        return Combinators.combine(Arbitraries.of(assignments), Arbitraries.longs().between(0, MacAddress.MASK))
                .as((assignment, bits) -> {
                    int hostBits = MacAddress.BITS - assignment.registry().prefixBits();
                    return assignment.prefix() << hostBits | (bits & ((1L << hostBits) - 1));
                });
    }
}
