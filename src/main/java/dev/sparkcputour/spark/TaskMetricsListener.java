package dev.sparkcputour.spark;

import dev.sparkcputour.results.SparkMetrics;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.storage.BlockUpdatedInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Sums Spark's own per-task metrics (as the UI shows them) and the broadcast pieces stored, for
 * the harness to take snapshots before and after each strategy run. Reads metrics inside Spark
 * instead of timing from outside, like Spark's {@code StatsReportListener}.
 */
public final class TaskMetricsListener extends SparkListener {

    /** The accumulator name that counts image deserialisations in tasks (see {@link ShippedArray}). */
    public static final String IMAGE_COPIES = "image copies deserialised";

    private long tasks;
    private long failedTasks;
    private long deserializeMillis;
    private long runMillis;
    private long resultSerializeMillis;
    private long gcMillis;
    private long resultBytes;
    private long broadcastBytes;
    private long imageCopies;
    private final List<Integer> jobIds = new ArrayList<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        jobIds.add(start.jobId());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        tasks++;
        if (!(end.reason() instanceof org.apache.spark.Success$)) {
            failedTasks++;
        }
        TaskMetrics metrics = end.taskMetrics();
        if (metrics != null) {
            deserializeMillis += metrics.executorDeserializeTime();
            runMillis += metrics.executorRunTime();
            resultSerializeMillis += metrics.resultSerializationTime();
            gcMillis += metrics.jvmGCTime();
            resultBytes += metrics.resultSize();
        }
        for (AccumulableInfo info : CollectionConverters.asJava(end.taskInfo().accumulables())) {
            if (info.name().isDefined() && IMAGE_COPIES.equals(info.name().get()) && info.update().isDefined()) {
                // a number live; a string when replayed from an event log (Spark logs user accumulators as text)
                Object update = info.update().get();
                imageCopies += update instanceof Number n ? n.longValue() : Long.parseLong(update.toString());
            }
        }
    }

    @Override
    public synchronized void onBlockUpdated(SparkListenerBlockUpdated updated) {
        BlockUpdatedInfo info = updated.blockUpdatedInfo();
        boolean stored = info.storageLevel().isValid();
        if (stored && info.blockId().isBroadcast() && info.blockId().name().contains("_piece")) {
            broadcastBytes += info.memSize() + info.diskSize();
        }
    }

    /** The totals so far. */
    public synchronized SparkMetrics snapshot() {
        return new SparkMetrics(tasks, failedTasks, deserializeMillis / 1e3, runMillis / 1e3, resultSerializeMillis / 1e3,
                gcMillis / 1e3, resultBytes, broadcastBytes, imageCopies, jobIds);
    }
}
