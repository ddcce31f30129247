package dev.sparkcputour.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.WarmupOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.util.JsonProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records the harness posts, through Spark's own JSON for custom events and back: how the
 * warm-ups ended survives a replay, and a log written before runs recorded it still replays.
 * No Spark context: Spark's JSON protocol and replay bus work on their own.
 */
class RunRecordedTest {

    private static final Path BEFORE_WARMUP_OUTCOMES = Path.of("src/test/resources/eventlog/local-1795859734559");

    @Test
    void aLogWrittenBeforeWarmUpOutcomesReplaysAsFixedWarmUps() throws IOException {
        List<Report> reports = EventLogReplay.read(BEFORE_WARMUP_OUTCOMES);
        assertEquals(1, reports.size());
        List<RunResult> runs = reports.get(0).runs();
        assertEquals(List.of("serial", "threads"), runs.stream().map(RunResult::strategy).toList());
        for (RunResult run : runs) {
            assertEquals(WarmupOutcome.FIXED, run.warmup(), run.strategy());
            assertEquals(1, run.warmupSeconds().size(), run.strategy());
            assertEquals(2, run.seconds().size(), run.strategy());
            assertEquals("168", run.answer());
        }
    }

    @Test
    void howTheWarmUpsEndedSurvivesTheEventLog(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.2.0\"}");
        Machine machine = new Machine(2, "17", "4.2.0", "local[2]", "org.apache.spark.serializer.JavaSerializer", "cpu",
                "jvm", "not loaded", "not loaded", "abc", Optional.empty());
        lines.add(JsonProtocol.sparkEventToJsonString(RunRecorded.MachineRecorded.of(machine, 1.5)));
        // settled after two warm-ups (auto warm-ups are recorded as not settled yet), then one without settling
        lines.add(json("settles", "warmup", 1, WarmupOutcome.UNSETTLED));
        lines.add(json("settles", "warmup", 2, WarmupOutcome.UNSETTLED));
        lines.add(json("settles", "timed", 1, WarmupOutcome.SETTLED));
        lines.add(json("spends", "warmup", 1, WarmupOutcome.UNSETTLED));
        lines.add(json("spends", "timed", 1, WarmupOutcome.UNSETTLED));
        lines.add(json("spends", "timed", 2, WarmupOutcome.UNSETTLED));
        lines.add(json("counts", "timed", 1, WarmupOutcome.FIXED));
        Path log = Files.write(dir.resolve("local-1"), lines);

        List<RunResult> runs = EventLogReplay.read(log).get(0).runs();
        assertEquals(List.of(WarmupOutcome.SETTLED, WarmupOutcome.UNSETTLED, WarmupOutcome.FIXED),
                runs.stream().map(RunResult::warmup).toList());
        assertEquals(List.of(2, 1, 0), runs.stream().map(r -> r.warmupSeconds().size()).toList());
    }

    private static String json(String strategy, String phase, int repetition, WarmupOutcome warmup) {
        return JsonProtocol.sparkEventToJsonString(new RunRecorded("w", strategy, false, phase, repetition, 0.25, "1",
                Map.of("n", 10), Map.of(), warmup));
    }
}
