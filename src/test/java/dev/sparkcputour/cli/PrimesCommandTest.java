package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;

import dev.sparkcputour.support.Cli.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through picocli's execute(), as a user would call it; Spark runs for real where asked. */
class PrimesCommandTest {

    @Test
    void serialAndThreadsCountWithoutStartingSpark(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sub/out.json");
        Outcome outcome = run("primes", "--n", "100000", "--strategy", "threads", "--threads", "3",
                "--repeat", "3", "--json", json.toString());
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("9,592"), outcome.out());
        assertFalse(outcome.out().contains("Spark context"), "no Spark for a thread run");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(Runtime.getRuntime().availableProcessors(), root.at("/machine/cores").asInt());
        assertEquals(System.getProperty("java.version"), root.at("/machine/java").asText());
        assertEquals("local[*]", root.at("/machine/master").asText());
        JsonNode run = root.at("/runs/0");
        assertEquals("primes", run.get("workload").asText());
        assertEquals("threads", run.get("strategy").asText());
        assertEquals(100000, run.at("/params/n").asLong());
        assertEquals(3, run.at("/params/threads").asInt());
        assertEquals(3, run.get("seconds").size());
        assertTrue(run.get("min_s").asDouble() <= run.get("median_s").asDouble());
        assertEquals("9592", run.get("answer").asText());
        try (var files = Files.list(json.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theTinyScaleCountsBelowAHundredThousandAndAnExplicitNWins() {
        Outcome tiny = run("primes", "--scale", "tiny", "--strategy", "serial");
        assertEquals(ExitCodes.OK, tiny.exit(), tiny.err());
        assertTrue(tiny.out().contains("9,592"), "π(100,000): " + tiny.out());
        Outcome explicit = run("primes", "--scale", "tiny", "--n", "1000", "--strategy", "serial");
        assertTrue(explicit.out().contains("168"), "π(1,000): " + explicit.out());
        assertEquals(ExitCodes.USAGE, run("primes", "--scale", "huge").exit());
    }

    @Test
    void everyStrategyPrintsTheSameCountOnARealSparkContext() {
        Outcome outcome = run("primes", "--n", "200000", "--strategy", "all", "--master", "local[2]",
                "--warmup", "1");
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        assertEquals(3, outcome.out().lines().filter(line -> line.contains("17,984")).count(), outcome.out());
        assertTrue(outcome.out().contains("Spark context start-up"), outcome.out());
        assertTrue(outcome.err().contains("UI: "), outcome.err());
    }

    @Test
    void aRunTimeFailureIsExitOneWithTheCauseFirst(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("events"), "a file where the event-log folder should be");
        System.setProperty("spark.eventLog.enabled", "true");
        System.setProperty("spark.eventLog.dir", notAFolder.toString());
        try {
            Outcome outcome = run("primes", "--n", "1000", "--strategy", "spark", "--master", "local[1]");
            assertEquals(ExitCodes.FAILURE, outcome.exit(), outcome.err());
            assertTrue(outcome.err().lines().findFirst().orElseThrow()
                    .startsWith("spark-cpu-tour: failed: cannot create the event-log folder"), outcome.err());
            assertEquals("", outcome.out());
        } finally {
            System.clearProperty("spark.eventLog.enabled");
            System.clearProperty("spark.eventLog.dir");
        }
    }

    @Test
    void versionNamesSpark() {
        Outcome outcome = run("--version");
        assertEquals(ExitCodes.OK, outcome.exit());
        assertTrue(outcome.out().contains("Spark 4."), outcome.out());
    }
}
