package dev.sparkcputour.spark;

import static dev.sparkcputour.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.support.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injected task failures on a real local Spark context: with retries
 * ({@code local[N,maxFailures]}) every workload gives the exact answer; without, the command
 * fails with exit 1 and one line naming the stage.
 */
class TaskFaultsTest {

    @Test
    void aDrawIsFixedBySeedStageAndPartitionAndHitsAboutPOfThem() {
        TaskFaults faults = new TaskFaults(0.3, 11);
        int hits = 0;
        for (int stage = 0; stage < 100; stage++) {
            for (int partition = 0; partition < 100; partition++) {
                boolean strikes = faults.strikes(stage, partition);
                assertEquals(strikes, new TaskFaults(0.3, 11).strikes(stage, partition), "repeatable");
                hits += strikes ? 1 : 0;
            }
        }
        assertTrue(hits > 2_700 && hits < 3_300, "about 30% of 10,000: " + hits);
        Set<Boolean> otherSeed = new HashSet<>();
        for (int partition = 0; partition < 50; partition++) {
            otherSeed.add(new TaskFaults(0.3, 12).strikes(0, partition) == faults.strikes(0, partition));
        }
        assertEquals(Set.of(true, false), otherSeed, "another seed draws other partitions");
        assertFalse(new TaskFaults(0, 11).strikes(0, 0));
        assertTrue(new TaskFaults(1, 11).strikes(0, 0));
    }

    @Test
    void primesSurviveHalfTheirTasksFailingOnce(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("primes.json");
        Outcome outcome = run("primes", "--strategy", "spark", "--n", "2000000", "--partitions", "16",
                "--master", "local[2,4]", "--fail-tasks", "0.5", "--fail-seed", "3",
                "--warmup", "0", "--repeat", "3", "--json", json.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        JsonNode spark = new ObjectMapper().readTree(json.toFile()).at("/runs/0");
        assertEquals("148933", spark.get("answer").asText(), "π(2·10^6) after retries");
        long failed = spark.at("/spark_metrics/failed_tasks").asLong();
        assertTrue(failed >= 3 && failed <= 13, "about half of 16 tasks failed once per run: " + failed);
        assertEquals(16 + failed, spark.at("/spark_metrics/tasks").asLong(), "each failure retried once");
        assertTrue(outcome.err().contains("failed task attempts retried"), outcome.err());
    }

    @Test
    void everyImageStrategyGivesTheSerialAnswerWhenEveryFirstAttemptFails(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("image.json");
        Outcome outcome = run("image", "--strategy", "all", "--size", "64", "--filters", "4", "--iterations", "3",
                "--master", "local[2,2]", "--fail-tasks", "1", "--warmup", "0", "--repeat", "1",
                "--json", json.toString());
        assertEquals(0, outcome.exit(), "the CLI exits 1 if any strategy disagrees with serial:\n" + outcome.err());
        JsonNode runs = new ObjectMapper().readTree(json.toFile()).get("runs");
        assertEquals(7, runs.size());
        String serial = runs.get(0).get("answer").asText();
        for (JsonNode r : runs) {
            assertEquals(serial, r.get("answer").asText(), r.get("strategy").asText());
            if (r.has("spark_metrics")) {
                // one task per filter, or per band: 14 output rows in 4 bands per core of local[2,2]
                long tasks = r.get("strategy").asText().equals("spark-bands") ? 8 : 4;
                assertEquals(tasks * 3, r.at("/spark_metrics/failed_tasks").asLong(),
                        r.get("strategy") + ": each of " + tasks + " tasks in each of 3 jobs failed once");
                assertEquals(2 * tasks * 3, r.at("/spark_metrics/tasks").asLong(), r.get("strategy").asText());
            }
        }
    }

    @Test
    void withoutRetriesTheCommandFailsInOneLineNamingTheStage() {
        Outcome outcome = run("primes", "--strategy", "spark", "--n", "100000", "--master", "local[2]",
                "--fail-tasks", "1", "--warmup", "0", "--repeat", "1");
        assertEquals(1, outcome.exit(), outcome.err());
        assertEquals(1, outcome.err().lines().filter(l -> l.startsWith("spark-cpu-tour:")).count(), outcome.err());
        String line = outcome.err().lines().filter(l -> l.startsWith("spark-cpu-tour:")).findFirst().orElseThrow();
        assertTrue(line.matches("spark-cpu-tour: failed: stage \\d+\\.\\d+ of job 'primes · spark · N=100,000 · \\d+ partitions'"
                + " failed: task \\d+ failed 1 time \\(no retries: .*\\); last error: .*injected task fault.*"), line);
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
        assertEquals("", outcome.out(), "no table for a failed run");
    }

    @Test
    void retriesRunOutWhenEveryAttemptIsAllowedOnlyOnce() {
        // local[2,1]: one attempt per task, as on a cluster with spark.task.maxFailures=1
        Outcome outcome = run("image", "--strategy", "spark-broadcast", "--size", "32", "--iterations", "1",
                "--master", "local[2,1]", "--fail-tasks", "1", "--warmup", "0", "--repeat", "1");
        assertEquals(1, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("of job 'image · spark-broadcast · 32×32 · iteration 1/1' failed"), outcome.err());
    }
}
