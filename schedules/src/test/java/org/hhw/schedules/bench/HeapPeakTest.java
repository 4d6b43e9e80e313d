package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapPeakTest {

    private static final long BLOCK = 64L << 20;

    @Test
    void remembersTheHeapInUseBeforeACollectionThatFreedIt() throws Exception {
        try (HeapPeak peak = HeapPeak.start()) {
            // given a large block, in use, then let go
            byte[] block = new byte[(int) BLOCK];
            block[block.length - 1] = 1;
            block = null;

            // when it is collected
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            // then the peak is what was in use before the collection: what survived and the block
            // (collection notices arrive on a thread of their own, so wait for them)
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (peak.bytes() < live + BLOCK && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(peak.bytes())
                    .isGreaterThanOrEqualTo(live + BLOCK)
                    .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
        }
    }
}
