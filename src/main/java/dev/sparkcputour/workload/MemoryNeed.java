package dev.sparkcputour.workload;

import java.util.Locale;
import java.util.Optional;

/**
 * What a strategy needs at its peak on the driver (in local mode, the whole application): JVM
 * heap for serialised copies and parsed inputs, off-heap memory for ND4J's arrays. Estimated
 * before anything is allocated, so a size that cannot fit is refused instead of dying in an
 * OutOfMemoryError.
 */
public record MemoryNeed(long heapBytes, long offHeapBytes) {

    public static final MemoryNeed NONE = new MemoryNeed(0, 0);

    /** Head-room left for everything else in the JVM. */
    private static final double USABLE = 0.8;

    public MemoryNeed plus(long heap, long offHeap) {
        return new MemoryNeed(Math.addExact(heapBytes, heap), Math.addExact(offHeapBytes, offHeap));
    }

    /** Why this need does not fit in {@code maxHeap} and {@code maxOffHeap}, if it does not. */
    public Optional<String> exceeds(long maxHeap, long maxOffHeap) {
        if (heapBytes > USABLE * maxHeap) {
            return Optional.of(String.format(Locale.ROOT,
                    "needs about %s of JVM heap, but the heap is %s (raise it with DRIVER_MEMORY or --driver-memory)",
                    gb(heapBytes), gb(maxHeap)));
        }
        if (offHeapBytes > USABLE * maxOffHeap) {
            return Optional.of(String.format(Locale.ROOT,
                    "needs about %s off-heap for ND4J's arrays, but the limit is %s (-Dorg.bytedeco.javacpp.maxbytes)",
                    gb(offHeapBytes), gb(maxOffHeap)));
        }
        return Optional.empty();
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
