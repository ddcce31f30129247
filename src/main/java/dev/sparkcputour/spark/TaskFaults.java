package dev.sparkcputour.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;

/**
 * Injected task failures, for proving that Spark's retries give the exact answer: the first
 * attempt of a task throws with probability {@code probability}, decided by the seed, the stage
 * and the partition (so a run is repeatable), and every retry succeeds. Two numbers ride in the
 * closure of the stage they wrap; nothing runs when the probability is 0.
 */
public record TaskFaults(double probability, long seed) implements Serializable {

    /** No faults: {@link #inject} returns its RDD unchanged. */
    public static final TaskFaults NONE = new TaskFaults(0, 0);

    /** The start of every injected failure's message, for logs and tests to recognise. */
    public static final String MESSAGE = "injected task fault";

    public TaskFaults {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault probability must be in [0, 1], got " + probability);
        }
    }

    /** {@code rdd} with a fault check at the start of each of its tasks, in the same stage. */
    public <T> JavaRDD<T> inject(JavaRDD<T> rdd) {
        if (probability == 0) {
            return rdd;
        }
        TaskFaults faults = this;
        return rdd.mapPartitions(rows -> {
            faults.failFirstAttempt(TaskContext.get());
            return rows;
        }, true);
    }

    private void failFirstAttempt(TaskContext task) {
        if (task.attemptNumber() == 0 && strikes(task.stageId(), task.partitionId())) {
            throw new InjectedFault(String.format(Locale.ROOT,
                    "%s: first attempt of partition %d in stage %d (--fail-tasks %s --fail-seed %d)",
                    MESSAGE, task.partitionId(), task.stageId(), probability, seed));
        }
    }

    /** Whether the first attempt of this stage's partition fails: a fixed draw per (seed, stage, partition). */
    boolean strikes(int stage, int partition) {
        long mixed = seed * 0x9E3779B97F4A7C15L + ((long) stage << 32 | (partition & 0xFFFFFFFFL));
        return new SplittableRandom(mixed).nextDouble() < probability;
    }

    /** A planned failure, not a bug: no stack trace, so Spark's logs show it in one line per attempt. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String message) {
            super(message, null, false, false);
        }
    }
}
