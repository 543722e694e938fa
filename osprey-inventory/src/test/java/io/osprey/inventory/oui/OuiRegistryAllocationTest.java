package io.osprey.inventory.oui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** {@link OuiRegistry#vendor} runs once per new MAC on the packet path: it must not allocate. */
class OuiRegistryAllocationTest {
    private static final int LOOKUPS = 200_000;

    @Test
    void lookupAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).as("allocation counting unsupported").isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        OuiRegistry registry = OuiRegistry.bundled();
        // Hits in every registry, misses, and addresses that stop at the flag check.
        long[] macs = {0xF4BD9E123456L, 0x208593B12345L, 0x70B3D5F2F123L, 0x0050C27D5123L, 0x140404000001L,
                0x70B3D51EC001L, 0xF21898123456L, 0x01005E0000FBL};
        long threadId = Thread.currentThread().threadId();

        int found = lookups(registry, macs); // warm up: interpretation and JIT compilation may allocate
        long before = threads.getThreadAllocatedBytes(threadId);
        found += lookups(registry, macs);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(found).isEqualTo(2 * LOOKUPS / macs.length * 4);
        // 200,000 lookups; even one 16-byte object each would be 3.2 MB. The margin covers the MXBean call.
        assertThat(allocated).isLessThan(1_024);
    }

    private static int lookups(OuiRegistry registry, long[] macs) {
        int found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            if (registry.vendor(macs[i % macs.length]) != null) found++;
        }
        return found;
    }
}
