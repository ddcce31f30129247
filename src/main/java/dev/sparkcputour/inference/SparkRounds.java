package dev.sparkcputour.inference;

import dev.sparkcputour.spark.JobLabel;
import dev.sparkcputour.spark.SparkHandle;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.util.LongAccumulator;

/**
 * What the Spark strategies share: the rounds as jobs (one task per worker, as the blog's
 * {@code pool.map} and its actor calls), and the counter of initialisations that tasks add to.
 */
final class SparkRounds {

    /** The accumulator's name, as the UI shows it on every stage and task. */
    static final String INITS = "model initialisations";

    /** One worker's batch of one round, inside a task. */
    interface Batch extends Serializable {
        byte[] classify(int worker) throws Exception;
    }

    private SparkRounds() {
    }

    /** Rounds that count their initialisations into {@code inits}, the driver's counter that tasks add to. */
    interface Counted {
        List<byte[]> run(LongAccumulator inits) throws Exception;
    }

    /** The labels of {@code rounds}, and the initialisations they counted (Spark counts each successful task's adds once). */
    static InferenceStrategy.Outcome counting(SparkHandle spark, Counted rounds) throws Exception {
        LongAccumulator inits = spark.counter(INITS);
        long before = inits.value();
        List<byte[]> labels = rounds.run(inits);
        return new InferenceStrategy.Outcome(labels, inits.value() - before);
    }

    /** Runs every round as one job of {@code params.workers()} tasks; the labels in round then worker order. */
    static List<byte[]> run(SparkHandle spark, InferenceParams params, String strategy, String initialisation, Batch batch) {
        List<Integer> workers = IntStream.range(0, params.workers()).boxed().toList();
        List<byte[]> labels = new ArrayList<>();
        for (int round = 1; round <= params.rounds(); round++) {
            labels.addAll(spark.run(label(params, strategy, initialisation, round),
                    sc -> spark.faults().inject(sc.parallelize(workers, workers.size())).map(batch::classify).collect()));
        }
        return labels;
    }

    /** E.g. {@code inference · spark-per-task · 784-512-10 · round 3/10}, and where its model comes from. */
    private static JobLabel label(InferenceParams params, String strategy, String initialisation, int round) {
        String description = String.format(Locale.ROOT, "inference · %s · 784-%d-10 · round %d/%d",
                strategy, params.hidden(), round, params.rounds());
        String callSite = String.format(Locale.ROOT, "classify %,d images in each of %d tasks, %s",
                params.source().testImages(), params.workers(), initialisation);
        return new JobLabel("inference-" + strategy, description, callSite);
    }
}
