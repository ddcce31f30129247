package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.support.Cli.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --event-log} rebuilds a real run's results, the inference workload's {@code inits} included, from its event log alone. */
class ReportCommandTest {

    @Test
    void rebuildsTheSameAnswersAndSparkMetricsFromTheEventLog(@TempDir Path dir) throws Exception {
        Path events = Files.createDirectories(dir.resolve("spark-events"));
        Outcome compare = runLogged(events, "compare", "--workloads", "primes,image,inference",
                "--n", "30000", "--size", "60", "--filters", "3", "--iterations", "2",
                "--images", "300", "--test-images", "50", "--hidden", "16", "--rounds", "2", "--workers", "2",
                "--model-dir", dir.resolve("model").toString(),
                "--master", "local[2]", "--warmup", "1", "--out", dir.resolve("live").toString());
        assertEquals(ExitCodes.OK, compare.exit(), compare.err());
        Outcome rebuilt = run("report", "--event-log", events.toString(), "--out", dir.resolve("replay").toString());
        assertEquals(ExitCodes.OK, rebuilt.exit(), rebuilt.err());
        assertTrue(rebuilt.out().lines().anyMatch(l -> l.startsWith("image: ")), rebuilt.out());

        ObjectMapper json = new ObjectMapper();
        JsonNode live = json.readTree(dir.resolve("live/results.json").toFile());
        JsonNode replay = json.readTree(dir.resolve("replay/results.json").toFile());
        assertEquals(live.get("machine"), replay.get("machine"));
        assertEquals(18, replay.get("runs").size());
        for (int i = 0; i < 18; i++) {
            JsonNode a = live.at("/runs/" + i);
            JsonNode b = replay.at("/runs/" + i);
            for (String field : new String[] {"workload", "strategy", "answer", "seconds", "warmup_s", "warmup",
                "spark_metrics", "inits"}) {
                assertEquals(a.get(field), b.get(field), field + " of " + a.get("strategy"));
            }
        }
        assertEquals(6, replay.at("/runs/8/spark_metrics/image_copies").asInt(), "spark-copy: 3 filters × 2 iterations");
        // inference: once for serial and threads, in each of 2 rounds × 2 tasks, once in the one executor (the driver),
        // and for the broadcast once on the driver plus once in the executor
        int[] inits = {1, 1, 4, 1, 2};
        for (int i = 0; i < inits.length; i++) {
            assertEquals("inference", replay.at("/runs/" + (13 + i) + "/workload").asText());
            assertEquals(inits[i], replay.at("/runs/" + (13 + i) + "/inits").asInt(), replay.at("/runs/" + (13 + i)).toString());
        }
        assertTrue(live.at("/runs/12/inits").isMissingNode(), "only the inference workload counts inits");
        assertTrue(rebuilt.out().lines().anyMatch(l -> l.startsWith("inference: ") && l.contains("initialised the model")),
                rebuilt.out());
        for (String file : new String[] {"results.csv", "primes.png", "image.png", "inference.png"}) {
            assertTrue(Files.size(dir.resolve("replay").resolve(file)) > 0, file);
        }
    }

    /** The blog's stateful benchmark, named in compare: table, verdict, chart, and the same runs again from the event log. */
    @Test
    void thePrefixWorkloadRunsInCompareAndRebuildsFromItsEventLog(@TempDir Path dir) throws Exception {
        Path events = Files.createDirectories(dir.resolve("spark-events"));
        Outcome compare = runLogged(events, "compare", "--workloads", "prefixes", "--scale", "tiny", "--shards", "2",
                "--words", "3000", "--master", "local[2]", "--warmup", "1", "--repeat", "1",
                "--out", dir.resolve("live").toString());
        assertEquals(ExitCodes.OK, compare.exit(), compare.err());
        assertEquals(4, compare.out().lines().filter(l -> l.startsWith("prefixes ")).count(), compare.out());
        assertTrue(compare.out().lines().anyMatch(l -> l.startsWith("prefixes: ") && l.contains("spark-roundtrip returned")),
                compare.out());
        assertTrue(Files.size(dir.resolve("live/prefixes.png")) > 0);
        Outcome rebuilt = run("report", "--event-log", events.toString(), "--out", dir.resolve("replay").toString());
        assertEquals(ExitCodes.OK, rebuilt.exit(), rebuilt.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode live = json.readTree(dir.resolve("live/results.json").toFile()).get("runs");
        JsonNode replay = json.readTree(dir.resolve("replay/results.json").toFile()).get("runs");
        assertEquals(live.size(), replay.size());
        for (int i = 0; i < live.size(); i++) {
            for (String field : new String[] {"strategy", "answer", "params", "spark_metrics"}) {
                assertEquals(live.get(i).get(field), replay.get(i).get(field), field + " of " + live.get(i).get("strategy"));
            }
        }
        assertEquals(4, live.at("/3/spark_metrics/tasks").asInt(), "spark-roundtrip: 2 shards × 2 rounds");
    }

    /** Runs the CLI with its event log in {@code events}, block updates included (the bcast MB column). */
    private static Outcome runLogged(Path events, String... args) {
        System.setProperty("spark.eventLog.enabled", "true");
        System.setProperty("spark.eventLog.dir", events.toString());
        System.setProperty("spark.eventLog.logBlockUpdates.enabled", "true");
        try {
            return run(args);
        } finally {
            System.clearProperty("spark.eventLog.enabled");
            System.clearProperty("spark.eventLog.dir");
            System.clearProperty("spark.eventLog.logBlockUpdates.enabled");
        }
    }
}
