package dev.sparkcputour.kernel;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the kernels' result arrays come from: arrays handed back by the loop that counted them,
 * else fresh ones. Fresh off-heap memory is mapped and zeroed by the kernel page by page on first
 * write: 1.5–1.8 ms per 601×601 result on the project's machine, a quarter of the per-filter
 * kernel's time and more than the band kernel's whole work, where memory already written once
 * costs nothing. Freeing instead of keeping does not help: the C allocator unmaps large blocks,
 * or trims them off its heap, and the next iteration faults them in again.
 */
public final class ResultArrays {

    /** At most this much is kept for reuse; beyond it, handed-back arrays are freed. */
    static final long KEPT_BYTES = 512L << 20;

    private static final Map<Long, Queue<INDArray>> FREE = new ConcurrentHashMap<>();
    private static final AtomicLong KEPT = new AtomicLong();

    private ResultArrays() {
    }

    /** A C-ordered DOUBLE array of this shape whose elements the caller will all overwrite. */
    public static INDArray uninitialized(long rows, long cols) {
        Queue<INDArray> free = FREE.get(key(rows, cols));
        INDArray reused = free == null ? null : free.poll();
        if (reused != null) {
            KEPT.addAndGet(-bytes(rows, cols));
            return reused;
        }
        return Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, cols}, 'c');
    }

    /**
     * Hands back an array nobody will read again, for a later {@link #uninitialized} of its shape
     * (kept while under {@link #KEPT_BYTES}, else freed at once). Views and arrays of other types
     * or shapes are freed if they own their memory, else left to the garbage collector.
     */
    public static void recycle(INDArray array) {
        if (array.rank() == 2 && SampledSums.isContiguous(array) && array.closeable()) {
            long rows = array.size(0);
            long cols = array.size(1);
            if (KEPT.addAndGet(bytes(rows, cols)) <= KEPT_BYTES) {
                FREE.computeIfAbsent(key(rows, cols), k -> new ConcurrentLinkedQueue<>()).add(array);
                return;
            }
            KEPT.addAndGet(-bytes(rows, cols));
        }
        if (array.closeable()) {
            array.close();
        }
    }

    private static long key(long rows, long cols) {
        return rows << 32 | cols;
    }

    private static long bytes(long rows, long cols) {
        return rows * cols * Double.BYTES;
    }
}
