package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.Main;
import dev.sparkcputour.spark.EventLogReplay;
import dev.sparkcputour.support.ListeningSockets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.storage.BlockUpdatedInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real standalone cluster on this machine (a Master and two Worker JVMs, authentication on),
 * started and stopped by the scripts a user runs, with the workloads submitted to it, its ports
 * tried without the secret, and executors killed in the middle of a task.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {

    private static final Path SCRIPTS = Path.of("submit-scripts").toAbsolutePath();
    private static final Path CLUSTER = Path.of("target/it-cluster").toAbsolutePath();
    private static final int MASTER_PORT = 17077;
    private static final int MASTER_UI = 18180;
    private static final Map<String, String> ENV = Map.of(
            "CLUSTER_DIR", CLUSTER.toString(), "MASTER_PORT", "" + MASTER_PORT, "MASTER_WEBUI_PORT", "" + MASTER_UI,
            "MASTER", "spark://127.0.0.1:" + MASTER_PORT, "WORKERS", "2", "WORKER_CORES", "1", "WORKER_MEMORY", "2g",
            "EXECUTOR_MEMORY", "1g");
    /** The daemons cluster-up.sh started, by the name of their pid file: master, worker-1, worker-2. */
    private static final Map<String, Long> DAEMONS = new TreeMap<>();
    /** The driver's UI address, as the harness prints it (a cluster run's UI host is a name). */
    private static final Pattern UI = Pattern.compile("UI: http://[^\\s:/]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Outcome(int exit, String out, String err) {
    }

    static Outcome script(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        try (ScriptRun run = ScriptRun.of(extraEnv, args)) {
            if (!run.process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError(args[0] + " did not finish in 3 minutes: " + run.err());
            }
            return new Outcome(run.process.exitValue(), run.out(), run.err());
        }
    }

    /** A script running in the background with the cluster's environment, its stdout and stderr in files. */
    private record ScriptRun(Process process, Path outFile, Path errFile) implements AutoCloseable {

        /** submit-standalone.sh with {@code args}. */
        static ScriptRun submit(Map<String, String> extraEnv, String... args) throws IOException {
            return of(extraEnv, prepend("submit-standalone.sh", args));
        }

        /** The script {@code args[0]} with the rest of {@code args}. */
        static ScriptRun of(Map<String, String> extraEnv, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(args[0]).toString()));
            command.addAll(List.of(args).subList(1, args.length));
            ProcessBuilder builder = new ProcessBuilder(command).directory(CLUSTER.getParent().toFile());
            builder.environment().putAll(ENV);
            builder.environment().putAll(extraEnv);
            Path out = Files.createTempFile("it", ".out");
            Path err = Files.createTempFile("it", ".err");
            return new ScriptRun(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        }

        String out() throws IOException {
            return Files.readString(outFile);
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }

        /** The port of the driver's UI, once the driver has printed it (2 minutes at most). */
        int awaitUiPort() throws IOException, InterruptedException {
            for (int i = 0; i < 240 && process.isAlive(); i++) {
                Matcher m = UI.matcher(err());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(500);
            }
            throw new AssertionError("no UI line:\n" + err());
        }

        void awaitSuccess() throws IOException, InterruptedException {
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the job did not finish:\n" + err());
            assertEquals(0, process.exitValue(), err());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @BeforeAll
    static void clusterUp() throws Exception {
        Outcome up = script(Map.of(), "cluster-up.sh");
        assertEquals(0, up.exit(), up.err());
        try (Stream<Path> files = Files.list(CLUSTER)) {
            for (Path pid : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                DAEMONS.put(pid.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(pid).strip()));
            }
        }
        assertEquals(Set.of("master", "worker-1", "worker-2"), DAEMONS.keySet(), "a Master and two Workers");
        assertEquals("rw-------", permissions(CLUSTER.resolve("secret")), "the secret is the user's alone");
    }

    @AfterAll
    static void clusterDown() throws Exception {
        Outcome down = script(Map.of(), "cluster-down.sh");
        assertEquals(0, down.exit(), down.err());
        for (long pid : DAEMONS.values()) {
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
        assertFalse(outcome.err().contains("REST"), "submitted through the RPC gateway, no REST attempt: " + outcome.err());
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
        try (ScriptRun run = ScriptRun.submit(Map.of("SECRET_FILE", wrong.toString()), "primes", "--n", "1000", "--strategy", "spark")) {
            boolean refused = false;
            for (int i = 0; i < 120 && !refused; i++) { // 60 s at most
                refused = run.err().contains("SaslException");
                Thread.sleep(500);
            }
            assertTrue(refused, "no authentication failure seen:\n" + run.err());
            // Spark retries registering for a minute before it gives up; refused is refused
            assertTrue(run.process.isAlive() || run.process.exitValue() != 0, "a wrong secret must not succeed");
        }
    }

    /** What a local user without the secret can do through the cluster's ports: look, never submit or kill. */
    @Test
    @Order(4)
    void withoutTheSecretAPortShowsButNeverSubmitsOrKills() throws Exception {
        // the Master listens on its RPC port and its UI, nothing else: no REST submission server
        assertEquals(Set.of(MASTER_PORT, MASTER_UI), ListeningSockets.of(DAEMONS.get("master")).stream()
                .map(ListeningSockets.Socket::port).collect(Collectors.toSet()), "the Master's ports");
        for (Map.Entry<String, Long> daemon : DAEMONS.entrySet()) {
            assertListensOnLoopbackOnly(daemon.getKey(), daemon.getValue());
        }
        try {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:6066/v1/submissions/status/driver-x")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(status == 401 || status == 403, "a request without credentials got submission service: " + status);
        } catch (ConnectException refused) {
            // nothing listens on 6066: no submission service at all
        }
        // the Master's UI has no kill or decommission endpoints: a redirect would mean the request was acted on
        for (String path : List.of("/app/kill/?id=app-x&terminate=true", "/driver/kill/?id=driver-x&terminate=true",
                "/workers/kill/?host=127.0.0.1")) {
            int status = post(MASTER_UI, path);
            assertTrue(status >= 400, "POST " + path + " answered " + status);
        }
        assertEquals(2, get(MASTER_UI, "/json/").get("aliveworkers").asInt(), "no worker was decommissioned");
        // its environment page shows the settings, with the secret redacted
        String environment = getText(MASTER_UI, "/environment/");
        assertTrue(environment.contains("spark.master.rest.enabled"), environment);
        assertFalse(environment.contains(Files.readString(CLUSTER.resolve("secret")).strip()), "the Master's UI shows the secret");
    }

    @Test
    @Order(5)
    void aKilledExecutorsTasksAreRecomputed() throws Exception {
        Path json = CLUSTER.resolve("primes-" + System.nanoTime() + ".json");
        Victim victim;
        try (ScriptRun run = ScriptRun.submit(Map.of(), "primes", "--n", "20000000", "--strategy", "spark",
                "--partitions", "40", "--json", json.toString())) {
            int ui = run.awaitUiPort();
            String app = appId(ui);
            victim = freezeAnExecutorRunningATask(run, ui, app);
            try {
                // meanwhile the driver, its executors and the daemons listen on loopback only, and the
                // driver's UI cannot cancel the job (if it could, the run would fail)
                assertListensOnLoopbackOnly("the driver", run.process.pid());
                for (long executor : processesWorkingIn(CLUSTER)) {
                    assertListensOnLoopbackOnly("executor " + executor, executor);
                }
                for (JsonNode job : get(ui, "/api/v1/applications/" + app + "/jobs?status=running")) {
                    post(ui, "/jobs/job/kill/?id=" + job.get("jobId").asInt());
                }
            } finally {
                victim.kill();
            }
            run.awaitSuccess();
            assertTrue(run.out().lines().anyMatch(l -> l.contains(" spark ") && l.endsWith("1,270,607")),
                    "π(2·10^7) after losing an executor:\n" + run.out());
        }
        assertRecomputed(json, 40, victim);
    }

    @Test
    @Order(6)
    void aKilledExecutorsReplacementFetchesTheBroadcastAgain() throws Exception {
        String[] args = {"image", "--strategy", "spark-broadcast", "--size", "1500", "--iterations", "20",
            "--warmup", "0", "--repeat", "1"};
        Path json = CLUSTER.resolve("broadcast-" + System.nanoTime() + ".json");
        Victim victim;
        try (ScriptRun run = ScriptRun.submit(Map.of(), append(args, "--json", json.toString()))) {
            int ui = run.awaitUiPort();
            victim = freezeAnExecutorRunningATask(run, ui, appId(ui));
            victim.kill();
            run.awaitSuccess();
        }
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertEquals(localAnswer(args), result.at("/runs/0/answer").asText(), "the broadcast answer after losing an executor");

        // 20 iterations of 10 filters, each a task; the event log shows an executor added after the
        // loss storing pieces of a broadcast: it fetched the image again
        ExecutorHistory history = assertRecomputed(json, 20 * 10, victim);
        List<String> replacements = history.addedAfterFirstRemoval();
        assertFalse(replacements.isEmpty(), "the worker started a replacement executor: " + history.added);
        assertTrue(replacements.stream().anyMatch(id -> history.broadcastPiecesStoredBy.getOrDefault(id, 0) > 0),
                "a replacement fetched broadcast pieces: " + history.broadcastPiecesStoredBy + ", replacements " + replacements);
    }

    /**
     * The count on separate JVMs: each executor's holder is its own static field, and the
     * initialisations travel back to the driver in an accumulator. One submit, three Spark
     * strategies at the tiny size; the executors that ran each run's tasks come from the event log.
     */
    @Test
    @Order(7)
    void inferenceInitialisesOncePerExecutorJvmAndOncePerTask() throws Exception {
        Path json = CLUSTER.resolve("inference-" + System.nanoTime() + ".json");
        Outcome outcome = script(Map.of(), "submit-standalone.sh", "inference", "--strategy", "all", "--scale", "tiny",
                "--warmup", "0", "--repeat", "1", "--model-dir", CLUSTER.resolve("inference-model").toString(),
                "--json", json.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        ExecutorHistory history = replay(result.at("/machine/spark_app_id").asText());
        Map<String, JsonNode> runs = new HashMap<>();
        result.get("runs").forEach(run -> runs.put(run.get("strategy").asText(), run));
        assertEquals(1, runs.values().stream().map(run -> run.get("answer").asText()).distinct().count(),
                "one answer from every strategy: " + runs.values());

        JsonNode perTask = runs.get("spark-per-task");
        long tasks = perTask.at("/spark_metrics/tasks").asLong();
        assertEquals(0, perTask.at("/spark_metrics/failed_tasks").asLong(), "no retries to blur the count");
        assertTrue(tasks >= 2, "a task per worker per round: " + perTask);
        assertEquals(tasks, perTask.get("inits").asLong(), "spark-per-task: one initialisation per task");

        // two workers of one core each: both executors run tasks of every round, and each loads its own model
        Set<String> executors = history.executorsOf(runs.get("spark-per-executor").get("spark_metrics"));
        assertEquals(Set.copyOf(history.added), executors, "every executor of the cluster ran tasks");
        assertEquals(2, executors.size(), "two executor JVMs: " + executors);
        assertEquals(executors.size(), runs.get("spark-per-executor").get("inits").asLong(),
                "spark-per-executor: one initialisation per executor JVM " + executors);

        Set<String> broadcastExecutors = history.executorsOf(runs.get("spark-broadcast").get("spark_metrics"));
        assertEquals(1 + broadcastExecutors.size(), runs.get("spark-broadcast").get("inits").asLong(),
                "spark-broadcast: the driver's load, then one model per executor " + broadcastExecutors);
        System.out.printf(Locale.ROOT, "inference on the cluster: inits per-task %d in %d tasks, per-executor %d on %s, broadcast %d%n",
                perTask.get("inits").asLong(), tasks, runs.get("spark-per-executor").get("inits").asLong(), executors,
                runs.get("spark-broadcast").get("inits").asLong());
    }

    /** An executor, frozen by SIGSTOP while the driver sees it running a task. */
    private record Victim(String id, long pid) {

        /** SIGKILL: the JVM dies at once, and the tasks it was running are lost. */
        void kill() throws Exception {
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits (90 s at most) until the driver's REST API shows an executor running a task, freezes
     * that executor's JVM, and keeps it frozen once the driver, after the status updates already
     * sent have arrived, still counts a task running on it: a task that can no longer finish.
     */
    private static Victim freezeAnExecutorRunningATask(ScriptRun run, int ui, String app) throws Exception {
        for (int i = 0; i < 900 && run.process.isAlive(); i++) {
            for (JsonNode executor : get(ui, "/api/v1/applications/" + app + "/executors")) {
                String id = executor.get("id").asText();
                Optional<Long> pid = id.equals("driver") || executor.get("activeTasks").asInt() == 0
                        ? Optional.empty() : executorPid(app, id);
                if (pid.isPresent()) {
                    signal("STOP", pid.get());
                    Thread.sleep(1000);
                    if (activeTasks(ui, app, id) > 0) {
                        return new Victim(id, pid.get());
                    }
                    signal("CONT", pid.get());
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no executor was seen running a task:\n" + run.err());
    }

    private static int activeTasks(int ui, String app, String executorId) throws Exception {
        for (JsonNode executor : get(ui, "/api/v1/applications/" + app + "/executors")) {
            if (executor.get("id").asText().equals(executorId)) {
                return executor.get("activeTasks").asInt();
            }
        }
        return 0;
    }

    /**
     * The run lost task attempts with {@code victim} and ran them again: its JSON counts failed
     * attempts beyond the job's {@code tasks}, and its event log shows attempts lost with that
     * executor, each of which later succeeded.
     */
    private static ExecutorHistory assertRecomputed(Path json, int tasks, Victim victim) throws Exception {
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        JsonNode metrics = result.at("/runs/0/spark_metrics");
        long failed = metrics.get("failed_tasks").asLong();
        assertTrue(failed > 0, "no task attempt failed, so none was recomputed: " + metrics);
        assertEquals(tasks + failed, metrics.get("tasks").asLong(), "each failed attempt was run again: " + metrics);

        String app = result.at("/machine/spark_app_id").asText();
        ExecutorHistory history = replay(app);
        List<String> lost = history.lostWith.getOrDefault(victim.id(), List.of());
        assertFalse(lost.isEmpty(), "no attempt lost with executor " + victim.id() + ": " + history.lostWith);
        assertTrue(history.succeeded.containsAll(lost), "lost tasks " + lost + " never succeeded");
        System.out.printf(Locale.ROOT, "%s: killed executor %s (pid %d); %d failed task attempt(s), %d lost with it (%s), all re-run%n",
                app, victim.id(), victim.pid(), failed, lost.size(), String.join(", ", lost));
        return history;
    }

    /** The event log of application {@code app}, which drivers started in {@code target/} write to its spark-events. */
    private static ExecutorHistory replay(String app) throws IOException {
        Path log;
        try (Stream<Path> logs = Files.list(CLUSTER.getParent().resolve("spark-events"))) {
            log = logs.filter(p -> p.getFileName().toString().contains(app)).findFirst()
                    .orElseThrow(() -> new AssertionError("no event log for " + app));
        }
        ExecutorHistory history = new ExecutorHistory();
        EventLogReplay.replay(log, history);
        return history;
    }

    /** Executors coming and going, the broadcast pieces each one stored and the tasks each one ran, from an event log. */
    private static final class ExecutorHistory extends SparkListener {
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final Map<String, Integer> broadcastPiecesStoredBy = new HashMap<>();
        /** Task attempts (stage.partition) that ended with their executor lost, by executor. */
        final Map<String, List<String>> lostWith = new HashMap<>();
        final Set<String> succeeded = new HashSet<>();
        final Map<Integer, Integer> jobOfStage = new HashMap<>();
        /** The executors that finished a task successfully, by job. */
        final Map<Integer, Set<String>> executorsByJob = new HashMap<>();

        @Override
        public void onJobStart(SparkListenerJobStart event) {
            scala.jdk.javaapi.CollectionConverters.asJava(event.stageIds())
                    .forEach(stage -> jobOfStage.put((Integer) stage, event.jobId()));
        }

        @Override
        public void onExecutorAdded(SparkListenerExecutorAdded event) {
            added.add((removed.isEmpty() ? "" : "after-loss:") + event.executorId());
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
            removed.add(event.executorId());
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd event) {
            String task = event.stageId() + "." + event.taskInfo().index();
            if (event.reason() instanceof ExecutorLostFailure lost) {
                lostWith.computeIfAbsent(lost.execId(), id -> new ArrayList<>()).add(task);
            } else if (event.reason() instanceof Success$) {
                succeeded.add(task);
                executorsByJob.computeIfAbsent(jobOfStage.get(event.stageId()), job -> new HashSet<>())
                        .add(event.taskInfo().executorId());
            }
        }

        /** The executors that ran the tasks of the jobs a run's {@code spark_metrics} names. */
        Set<String> executorsOf(JsonNode sparkMetrics) {
            Set<String> executors = new HashSet<>();
            sparkMetrics.get("job_ids").forEach(job -> executors.addAll(executorsByJob.getOrDefault(job.asInt(), Set.of())));
            return executors;
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

    private static String[] append(String[] first, String... rest) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** The id of the one application the driver whose UI is on {@code ui} runs. */
    private static String appId(int ui) throws Exception {
        return get(ui, "/api/v1/applications").get(0).get("id").asText();
    }

    private static JsonNode get(int port, String path) throws Exception {
        return new ObjectMapper().readTree(getText(port, path));
    }

    private static String getText(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** The status a POST without credentials gets (redirects are not followed). */
    private static int post(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void assertListensOnLoopbackOnly(String who, long pid) throws IOException {
        List<ListeningSockets.Socket> sockets = ListeningSockets.of(pid);
        assertFalse(sockets.isEmpty(), who + " listens on nothing?");
        assertTrue(sockets.stream().allMatch(ListeningSockets.Socket::isLoopback), who + " listens beyond loopback: " + sockets);
    }

    /** Sends SIGSTOP or SIGCONT to an executor the cluster started for this test. */
    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(), "kill -" + signal);
    }

    /** The JVM of executor {@code id} of {@code app}: the workers start it in work-N/APP/ID. */
    private static Optional<Long> executorPid(String app, String id) {
        return processesWorkingIn(CLUSTER).stream().filter(pid -> {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
                return cwd.getFileName().toString().equals(id) && cwd.getParent().getFileName().toString().equals(app);
            } catch (IOException gone) {
                return false;
            }
        }).findFirst();
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
                if (cwd.startsWith(folder) && !DAEMONS.containsValue(p.pid())) {
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
