package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.support.ListeningSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code compare} runs started at once in one folder, as a user with umask 027 runs them:
 * both finish with correct, separate results; they listen on loopback only and on different
 * UI ports; they write only under results/ and spark-events/, with the user's permissions, and
 * touch nothing that was there before.
 */
class ConcurrentRunsIT {

    private static final Path SCRIPT = Path.of("submit-scripts/run-local.sh").toAbsolutePath();
    private static final Pattern UI = Pattern.compile("UI: http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void twoComparesAtOnceKeepSeparateCorrectResultsAndExposeNothing(@TempDir Path dir, @TempDir Path logs)
            throws Exception {
        Path mine = Files.writeString(dir.resolve("keep.txt"), "the user's own file\n");
        Path oldLog = Files.writeString(Files.createDirectory(dir.resolve("spark-events")).resolve("local-0-old"), "old\n");
        FileTime mineTime = Files.getLastModifiedTime(mine);
        FileTime oldLogTime = Files.getLastModifiedTime(oldLog);

        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String command = "umask 027 && exec bash " + SCRIPT + " compare --n 300000 --size 300 --iterations 2 --warmup 1";
            runs.add(new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                    .redirectOutput(logs.resolve("out" + i).toFile()).redirectError(logs.resolve("err" + i).toFile()).start());
        }
        List<Integer> uiPorts = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                uiPorts.add(awaitUiPort(logs.resolve("err" + i)));
                List<ListeningSockets.Socket> listening = ListeningSockets.of(runs.get(i).pid());
                assertFalse(listening.isEmpty(), "run " + i + " listens on nothing?");
                assertTrue(listening.stream().allMatch(ListeningSockets.Socket::isLoopback),
                        "run " + i + " listens beyond loopback: " + listening);
            }
            for (int i = 0; i < 2; i++) {
                assertTrue(runs.get(i).waitFor(5, TimeUnit.MINUTES), "run " + i + " did not finish");
                assertEquals(0, runs.get(i).exitValue(), Files.readString(logs.resolve("err" + i)));
            }
        } finally {
            runs.forEach(Process::destroyForcibly);
        }
        assertNotEquals(uiPorts.get(0), uiPorts.get(1), "the second UI moved to the next free port");

        // separate, complete, correct results
        List<Path> folders;
        try (Stream<Path> entries = Files.list(dir.resolve("results"))) {
            folders = entries.sorted().toList();
        }
        assertEquals(2, folders.size(), "one folder per run: " + folders);
        Set<String> apps = new HashSet<>();
        Set<String> imageAnswers = new HashSet<>();
        for (Path folder : folders) {
            assertEquals(Set.of("results.json", "results.csv", "primes.png", "image.png"), names(folder));
            JsonNode root = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
            apps.add(root.at("/machine/spark_app_id").asText());
            for (JsonNode run : root.get("runs")) {
                if (run.get("workload").asText().equals("primes")) {
                    assertEquals("25997", run.get("answer").asText(), "π(3·10^5) by " + run.get("strategy"));
                } else {
                    imageAnswers.add(run.get("answer").asText());
                }
            }
        }
        assertEquals(2, apps.size(), "two Spark applications: " + apps);
        assertEquals(1, imageAnswers.size(), "every image strategy of both runs agrees: " + imageAnswers);

        // written only under results/ and spark-events/, with the umask's permissions; nothing else touched
        assertEquals(Set.of("keep.txt", "results", "spark-events"), names(dir));
        assertEquals("the user's own file\n", Files.readString(mine));
        assertEquals(mineTime, Files.getLastModifiedTime(mine));
        assertEquals("old\n", Files.readString(oldLog));
        assertEquals(oldLogTime, Files.getLastModifiedTime(oldLog));
        Set<String> eventLogs = names(dir.resolve("spark-events"));
        assertEquals(3, eventLogs.stream().filter(n -> !n.startsWith(".")).count(), "the old log and one per run: " + eventLogs);
        for (Path root : List.of(dir.resolve("results"), dir.resolve("spark-events"))) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.filter(p -> !p.equals(oldLog) && !p.equals(oldLog.getParent())).toList()) { // the test's own
                    assertFalse(p.getFileName().toString().endsWith(".part"), "left behind: " + p);
                    assertEquals(Files.isDirectory(p) ? "rwxr-x---" : "rw-r-----",
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), "umask 027 for " + p);
                }
            }
        }
    }

    private static int awaitUiPort(Path err) throws IOException, InterruptedException {
        for (int i = 0; i < 240; i++) {
            Matcher m = UI.matcher(Files.readString(err));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no UI line in 2 minutes:\n" + Files.readString(err));
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return new HashSet<>(entries.map(p -> p.getFileName().toString()).toList());
        }
    }
}
