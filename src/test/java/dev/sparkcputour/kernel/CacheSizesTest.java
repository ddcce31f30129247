package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cache sizes as sysfs writes them, and a plausible answer on any machine. */
class CacheSizesTest {

    @Test
    void parsesSysfsSizes() {
        assertEquals(32 * 1024, CacheSizes.parseSize("32K\n"));
        assertEquals(1024 * 1024, CacheSizes.parseSize("1024K"));
        assertEquals(2 * 1024 * 1024, CacheSizes.parseSize("2M"));
        assertEquals(49_152, CacheSizes.parseSize("49152"));
    }

    @Test
    void thisMachineHasPlausibleSizes() {
        CacheSizes sizes = CacheSizes.ofThisMachine();
        assertTrue(sizes.l1DataBytes() >= 8 * 1024 && sizes.l1DataBytes() <= 1 << 20, sizes.toString());
        assertTrue(sizes.l2Bytes() >= 64 * 1024 && sizes.l2Bytes() <= 64 << 20, sizes.toString());
        assertTrue(SegmentedSieve.SEGMENT_BYTES >= SegmentedSieve.CHUNK_BYTES);
    }
}
