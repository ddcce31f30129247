package dev.sparkcputour.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;
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
 * iteration of {@code spark-broadcast}, and what {@code spark-copy} moves on top of it.
 */
public final class SchedulingOverhead {

    /** Copy jobs timed at most: each moves ten images (720 MB at the tutorial's size) and takes about a second. */
    public static final int MAX_COPY_JOBS = 5;
    /** Untimed copy jobs first: a second of copying per job warms its loops up quickly. */
    private static final int COPY_WARMUP = 2;

    /** Median wall seconds of an empty job at each task count. */
    public record Measurement(int tasks, double medianSeconds) {
    }

    /**
     * Median wall seconds of broadcasting the image (serialised into pieces, then destroyed), of
     * a job whose tasks each send one result array back to the driver, and of a job whose tasks
     * each carry the image in their data (spark-copy's shipping, without its arithmetic).
     */
    public record DataMovement(double broadcastSeconds, double resultsJobSeconds, double copyJobSeconds) {

        /** What every iteration of spark-broadcast pays before any arithmetic: broadcast + results job. */
        public double floorSeconds() {
            return broadcastSeconds + resultsJobSeconds;
        }
    }

    /** Both measurements of one context, labelled with the serializer it ran. */
    public record Measured(String serializer, List<Measurement> emptyJobs, DataMovement moved) {

        /** The mean of several contexts' medians, figure by figure (all of one serializer and task counts). */
        public static Measured mean(List<Measured> rounds) {
            List<Measurement> empty = new ArrayList<>();
            for (int i = 0; i < rounds.get(0).emptyJobs().size(); i++) {
                int at = i;
                empty.add(new Measurement(rounds.get(0).emptyJobs().get(i).tasks(),
                        mean(rounds, m -> m.emptyJobs().get(at).medianSeconds())));
            }
            return new Measured(rounds.get(0).serializer(), empty, new DataMovement(
                    mean(rounds, m -> m.moved().broadcastSeconds()), mean(rounds, m -> m.moved().resultsJobSeconds()),
                    mean(rounds, m -> m.moved().copyJobSeconds())));
        }

        private static double mean(List<Measured> rounds, ToDoubleFunction<Measured> figure) {
            return rounds.stream().mapToDouble(figure).average().orElseThrow();
        }
    }

    private SchedulingOverhead() {
    }

    /**
     * Empty jobs at each of {@code taskCounts}, then the image's data movement with {@code tasks}
     * tasks, as two labelled groups of jobs on {@code spark}'s context.
     */
    public static Measured measure(SparkHandle spark, int jobs, int[] taskCounts, INDArray image, int tasks,
            long[] resultShape) {
        List<Measurement> empty = spark.run(new JobLabel("overhead", "overhead · empty jobs", "empty job"),
                sc -> measure(sc, jobs, taskCounts));
        DataMovement moved = spark.run(new JobLabel("overhead", "overhead · image data, no arithmetic",
                "broadcast the image; return one result per task; the image in each task's data"),
                sc -> measureDataMovement(sc, jobs, image, tasks, resultShape));
        return new Measured(spark.serializer(), empty, moved);
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
     * Times {@code jobs} broadcasts of {@code image}, {@code jobs} jobs of {@code tasks} tasks
     * that each return a zero array of {@code resultShape}, and {@code jobs} jobs of {@code tasks}
     * tasks that each get the image in their data (at most {@link #MAX_COPY_JOBS}, after two
     * untimed), the others each after as many untimed ones.
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
        // one element per task, all the same image: each task's data is serialised, and deserialised, on its own
        List<ShippedArray> images = Collections.nCopies(tasks, ShippedArray.of(image));
        double copies = median(Math.min(jobs, MAX_COPY_JOBS), COPY_WARMUP,
                () -> sc.parallelize(images, tasks).foreachPartition(ignored -> { }));
        return new DataMovement(broadcast, results, copies);
    }

    /** The median wall seconds of {@code jobs} runs of {@code job}, after {@code jobs} untimed ones. */
    private static double median(int jobs, Runnable job) {
        return median(jobs, jobs, job);
    }

    /** The median wall seconds of {@code jobs} runs of {@code job}, after {@code untimed} ones. */
    private static double median(int jobs, int untimed, Runnable job) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < untimed + jobs; i++) {
            long start = System.nanoTime();
            job.run();
            if (i >= untimed) {
                seconds.add((System.nanoTime() - start) / 1e9);
            }
        }
        Collections.sort(seconds);
        return seconds.get(seconds.size() / 2);
    }
}
