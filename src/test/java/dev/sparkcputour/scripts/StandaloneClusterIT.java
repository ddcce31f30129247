package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.Main;
import dev.sparkcputour.spark.EventLogReplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.storage.BlockUpdatedInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real standalone cluster on this machine (a Master and two Worker JVMs, authentication on),
 * started and stopped by the scripts a user runs, with the workloads submitted to it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {

    private static final Path SCRIPTS = Path.of("submit-scripts").toAbsolutePath();
    private static final Path CLUSTER = Path.of("target/it-cluster").toAbsolutePath();
    private static final Map<String, String> ENV = Map.of(
            "CLUSTER_DIR", CLUSTER.toString(), "MASTER_PORT", "17077", "MASTER_WEBUI_PORT", "18180",
            "MASTER", "spark://127.0.0.1:17077", "WORKERS", "2", "WORKER_CORES", "1", "WORKER_MEMORY", "2g",
            "EXECUTOR_MEMORY", "1g");
    private static final List<Long> DAEMONS = new ArrayList<>();

    record Outcome(int exit, String out, String err) {
    }

    static Outcome script(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.add(SCRIPTS.resolve(args[0]).toString());
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLUSTER.getParent().toFile());
        builder.environment().putAll(ENV);
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile("it", ".out");
        Path err = Files.createTempFile("it", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(args[0] + " did not finish in 3 minutes: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @BeforeAll
    static void clusterUp() throws Exception {
        Outcome up = script(Map.of(), "cluster-up.sh");
        assertEquals(0, up.exit(), up.err());
        try (Stream<Path> files = Files.list(CLUSTER)) {
            for (Path pid : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                DAEMONS.add(Long.parseLong(Files.readString(pid).strip()));
            }
        }
        assertEquals(3, DAEMONS.size(), "a Master and two Workers");
        assertEquals("rw-------", permissions(CLUSTER.resolve("secret")), "the secret is the user's alone");
    }

    @AfterAll
    static void clusterDown() throws Exception {
        Outcome down = script(Map.of(), "cluster-down.sh");
        assertEquals(0, down.exit(), down.err());
        for (long pid : DAEMONS) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon " + pid + " still runs");
        }
        assertTrue(processesWorkingIn(CLUSTER).isEmpty(), "executors left: " + processesWorkingIn(CLUSTER));
    }

    @Test
    @Order(0)
    void aDryRunNeverPrintsTheSecret() throws Exception {
        String secret = Files.readString(CLUSTER.resolve("secret")).strip();
        assertTrue(secret.length() >= 16, "a real secret");
        for (String mode : List.of("client", "cluster")) {
            Outcome dry = script(Map.of("DEPLOY_MODE", mode), "submit-standalone.sh", "--dry-run", "primes");
            assertEquals(0, dry.exit(), dry.err());
            assertTrue(dry.out().contains("--properties-file"), "the secret travels in a file: " + dry.out());
            assertFalse(dry.out().contains(secret) || dry.err().contains(secret), "the secret was printed in " + mode + " mode");
        }
    }

    @Test
    @Order(1)
    void primesInClientModeGiveTheLocalAnswer() throws Exception {
        Outcome outcome = script(Map.of(), "submit-standalone.sh", "primes", "--n", "2000000", "--strategy", "spark");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().lines().anyMatch(l -> l.contains(" spark ") && l.endsWith("148,933")), outcome.out());
        assertTrue(outcome.out().contains("on spark://127.0.0.1:17077"), outcome.out());
    }

    @Test
    @Order(2)
    void imageBroadcastInClusterModeGivesTheLocalAnswer() throws Exception {
        String[] args = {"image", "--strategy", "spark-broadcast", "--size", "300", "--iterations", "2"};
        Outcome outcome = script(Map.of("DEPLOY_MODE", "cluster"), prepend("submit-standalone.sh", args));
        assertEquals(0, outcome.exit(), outcome.err());
        // the driver ran on a worker: its table is in that worker's work folder
        String driverOut = driverOutputs().stream().filter(o -> o.contains("spark-broadcast")).findFirst()
                .orElseThrow(() -> new AssertionError("no driver output under " + CLUSTER));
        String local = localAnswer(args);
        assertTrue(driverOut.lines().anyMatch(l -> l.contains("spark-broadcast") && l.endsWith(local)),
                "cluster answer vs local " + local + ":\n" + driverOut);
    }

    @Test
    @Order(3)
    void aWrongSecretIsRefused() throws Exception {
        Path wrong = Files.createTempFile("wrong", ".secret");
        Files.writeString(wrong, "not-the-cluster-secret");
        List<String> command = List.of("bash", SCRIPTS.resolve("submit-standalone.sh").toString(),
                "primes", "--n", "1000", "--strategy", "spark");
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLUSTER.getParent().toFile());
        builder.environment().putAll(ENV);
        builder.environment().put("SECRET_FILE", wrong.toString());
        Path err = Files.createTempFile("wrong", ".err");
        Process process = builder.redirectErrorStream(false).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            boolean refused = false;
            for (int i = 0; i < 120 && !refused; i++) { // 60 s at most
                refused = Files.readString(err).contains("SaslException");
                Thread.sleep(500);
            }
            assertTrue(refused, "no authentication failure seen:\n" + Files.readString(err));
            // Spark retries registering for a minute before it gives up; refused is refused
            assertTrue(process.isAlive() || process.exitValue() != 0, "a wrong secret must not succeed");
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(4)
    void aKilledExecutorsTasksAreRecomputed() throws Exception {
        List<String> command = List.of("bash", SCRIPTS.resolve("submit-standalone.sh").toString(),
                "primes", "--n", "20000000", "--strategy", "spark", "--partitions", "40");
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLUSTER.getParent().toFile());
        builder.environment().putAll(ENV);
        Path out = Files.createTempFile("kill", ".out");
        Path err = Files.createTempFile("kill", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long victim = -1;
        for (int i = 0; i < 120 && victim < 0; i++) { // wait for the job's first tasks, 60 s at most
            Thread.sleep(500);
            if (Files.readString(err).contains("running primes · spark")) {
                Thread.sleep(1500);
                victim = processesWorkingIn(CLUSTER).stream().findFirst().orElse(-1L);
            }
        }
        assertTrue(victim > 0, "no executor to kill:\n" + Files.readString(err));
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the job did not finish");
        assertEquals(0, process.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("Lost executor"), "Spark saw the executor go:\n" + Files.readString(err));
        assertTrue(Files.readString(out).lines().anyMatch(l -> l.contains(" spark ") && l.endsWith("1,270,607")),
                "π(2·10^7) after losing an executor:\n" + Files.readString(out));
    }

    @Test
    @Order(5)
    void aKilledExecutorsReplacementFetchesTheBroadcastAgain() throws Exception {
        String[] args = {"image", "--strategy", "spark-broadcast", "--size", "1500", "--iterations", "40",
            "--warmup", "0", "--repeat", "1"};
        Path json = CLUSTER.resolve("broadcast-" + System.nanoTime() + ".json");
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve("submit-standalone.sh").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--json", json.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLUSTER.getParent().toFile());
        builder.environment().putAll(ENV);
        Path out = Files.createTempFile("kill-broadcast", ".out");
        Path err = Files.createTempFile("kill-broadcast", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long victim = -1;
        for (int i = 0; i < 120 && victim < 0; i++) { // wait for the first iterations, 60 s at most
            Thread.sleep(500);
            if (Files.readString(err).contains("running image · spark-broadcast")) {
                Thread.sleep(3000);
                victim = processesWorkingIn(CLUSTER).stream().findFirst().orElse(-1L);
            }
        }
        assertTrue(victim > 0, "no executor to kill:\n" + Files.readString(err));
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the job did not finish");
        assertEquals(0, process.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("Lost executor"), "Spark saw the executor go:\n" + Files.readString(err));

        JsonNode run = new ObjectMapper().readTree(json.toFile());
        assertEquals(localAnswer(args), run.at("/runs/0/answer").asText(), "the broadcast answer after losing an executor");

        // the event log shows an executor added after the loss storing pieces of a broadcast: fetched again
        String app = run.at("/machine/spark_app_id").asText();
        Path log;
        try (Stream<Path> logs = Files.list(CLUSTER.getParent().resolve("spark-events"))) {
            log = logs.filter(p -> p.getFileName().toString().contains(app)).findFirst()
                    .orElseThrow(() -> new AssertionError("no event log for " + app));
        }
        ExecutorHistory history = new ExecutorHistory();
        EventLogReplay.replay(log, history);
        assertFalse(history.removed.isEmpty(), "the kill is in the event log");
        List<String> replacements = history.addedAfterFirstRemoval();
        assertFalse(replacements.isEmpty(), "the worker started a replacement executor: " + history.added);
        assertTrue(replacements.stream().anyMatch(id -> history.broadcastPiecesStoredBy.getOrDefault(id, 0) > 0),
                "a replacement fetched broadcast pieces: " + history.broadcastPiecesStoredBy + ", replacements " + replacements);
    }

    /** Executors coming and going, and the broadcast pieces each one stored, from an event log. */
    private static final class ExecutorHistory extends SparkListener {
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final Map<String, Integer> broadcastPiecesStoredBy = new java.util.HashMap<>();

        @Override
        public void onExecutorAdded(SparkListenerExecutorAdded event) {
            added.add((removed.isEmpty() ? "" : "after-loss:") + event.executorId());
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
            removed.add(event.executorId());
        }

        @Override
        public void onBlockUpdated(SparkListenerBlockUpdated event) {
            BlockUpdatedInfo info = event.blockUpdatedInfo();
            if (info.storageLevel().isValid() && info.blockId().isBroadcast() && info.blockId().name().contains("_piece")) {
                broadcastPiecesStoredBy.merge(info.blockManagerId().executorId(), 1, Integer::sum);
            }
        }

        List<String> addedAfterFirstRemoval() {
            return added.stream().filter(id -> id.startsWith("after-loss:")).map(id -> id.substring(11)).toList();
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The answer the serial strategy gives in this JVM, for the same image arguments. */
    private static String localAnswer(String[] args) {
        String[] local = args.clone();
        local[2] = "serial";
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute(local);
        assertEquals(0, exit);
        String row = out.toString().lines().filter(l -> l.contains(" serial ")).findFirst().orElseThrow();
        return row.substring(row.lastIndexOf(' ') + 1);
    }

    private static List<String> driverOutputs() throws IOException {
        List<String> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLUSTER)) {
            for (Path stdout : files.filter(p -> p.getFileName().toString().equals("stdout")
                    && p.getParent().getFileName().toString().startsWith("driver-")).toList()) {
                outputs.add(Files.readString(stdout));
            }
        }
        return outputs;
    }

    /** Processes whose working folder is inside {@code folder}: the executors and drivers the workers launched. */
    private static List<Long> processesWorkingIn(Path folder) {
        List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
                if (cwd.startsWith(folder) && !DAEMONS.contains(p.pid())) {
                    found.add(p.pid());
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // gone, or not ours to see
            }
        });
        return found;
    }

    private static String permissions(Path file) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
