package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code compare}, sent as a real SIGINT to the JVM that run-local.sh starts: the
 * Spark application stops cleanly (its event log is finalised), the finished runs are printed,
 * no result file is left, and no process survives.
 */
class InterruptIT {

    private static final Path SCRIPT = Path.of("submit-scripts/run-local.sh").toAbsolutePath();

    @Test
    void sigintDuringCompareStopsSparkPrintsTheFinishedRunsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        // a background process may inherit SIGINT ignored (POSIX shells do that); a terminal's Ctrl-C is not
        Process process = new ProcessBuilder("env", "--default-signal=INT", "bash", SCRIPT.toString(), "compare",
                "--n", "3000000", "--size", "2000", "--iterations", "10", "--warmup", "1", "--out", "kept")
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            for (int i = 0; i < 240 && !Files.readString(err).contains("image · spark-copy: warm-up 1/1"); i++) {
                Thread.sleep(500); // the prime runs and the image's serial and thread runs are done by then
            }
            assertTrue(Files.readString(err).contains("image · spark-copy"), "never reached spark-copy:\n" + Files.readString(err));
            List<ProcessHandle> family = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();

            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGINT");
            assertEquals(130, process.exitValue(), "killed by SIGINT:\n" + Files.readString(err));
            for (ProcessHandle p : family) {
                assertFalse(p.isAlive(), "process " + p.pid() + " outlived the interruption");
            }
        } finally {
            process.destroyForcibly();
        }

        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertTrue(stdout.startsWith("Finished before the interruption:"), stdout);
        for (String strategy : List.of("serial", "threads", "spark")) {
            assertTrue(stdout.lines().anyMatch(l -> l.startsWith("primes") && l.contains(" " + strategy + " ")
                    && l.endsWith("216,816")), strategy + " finished with π(3·10^6):\n" + stdout);
        }
        assertTrue(stdout.lines().anyMatch(l -> l.startsWith("image") && l.contains(" serial ")), stdout);
        assertFalse(stdout.contains("spark-copy"), "an unfinished run is not reported as finished:\n" + stdout);
        assertTrue(stderr.contains("spark-cpu-tour: interrupted; no result files written"), stderr);
        assertFalse(stderr.contains("spark-cpu-tour: failed"), "the cancelled job is not reported as a failure:\n" + stderr);

        assertFalse(Files.exists(dir.resolve("kept")), "no result folder");
        try (Stream<Path> left = Files.walk(dir)) {
            List<Path> partial = left.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
            assertEquals(List.of(), partial, "no half-written file or folder");
        }
        try (Stream<Path> logs = Files.walk(dir.resolve("spark-events"))) {
            List<String> names = logs.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("events_") || n.startsWith("local-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.contains("inprogress")),
                    "Spark stopped and finalised its event log: " + names);
        }
    }
}
