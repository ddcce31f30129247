package dev.sparkcputour.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spark's fixed cost, measured with jobs that do nothing: the wall time of an empty job with
 * one task is the per-job cost; the growth with the task count, the per-task cost. And what
 * moving the image workload's data costs with no arithmetic at all: the floor under every
 * iteration of {@code spark-broadcast}.
 */
public final class SchedulingOverhead {

    /** Median wall seconds of an empty job at each task count. */
    public record Measurement(int tasks, double medianSeconds) {
    }

    /**
     * Median wall seconds of broadcasting the image (serialised into pieces, then destroyed) and
     * of a job whose tasks each send one result array back to the driver.
     */
    public record DataMovement(double broadcastSeconds, double resultsJobSeconds) {
    }

    private SchedulingOverhead() {
    }

    /** Times {@code jobs} empty jobs (after as many untimed ones) for each task count. */
    public static List<Measurement> measure(JavaSparkContext sc, int jobs, int... taskCounts) {
        List<Measurement> out = new ArrayList<>();
        for (int tasks : taskCounts) {
            List<Integer> numbers = IntStream.range(0, tasks).boxed().toList();
            out.add(new Measurement(tasks, median(jobs, () -> sc.parallelize(numbers, tasks).foreachPartition(ignored -> { }))));
        }
        return out;
    }

    /**
     * Times {@code jobs} broadcasts of {@code image} and {@code jobs} jobs of {@code tasks} tasks
     * that each return a zero array of {@code resultShape} (after as many untimed ones of each).
     */
    public static DataMovement measureDataMovement(JavaSparkContext sc, int jobs, INDArray image, int tasks,
            long[] resultShape) {
        double broadcast = median(jobs, () -> {
            Broadcast<ShippedArray> shipped = sc.broadcast(ShippedArray.of(image));
            shipped.destroy();
        });
        List<Integer> numbers = IntStream.range(0, tasks).boxed().toList();
        double results = median(jobs, () -> sc.parallelize(numbers, tasks)
                .map(ignored -> ShippedArray.of(Nd4j.zeros(DataType.DOUBLE, resultShape)))
                .collect());
        return new DataMovement(broadcast, results);
    }

    /** The median wall seconds of {@code jobs} runs of {@code job}, after {@code jobs} untimed ones. */
    private static double median(int jobs, Runnable job) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 2 * jobs; i++) {
            long start = System.nanoTime();
            job.run();
            if (i >= jobs) {
                seconds.add((System.nanoTime() - start) / 1e9);
            }
        }
        Collections.sort(seconds);
        return seconds.get(seconds.size() / 2);
    }
}
