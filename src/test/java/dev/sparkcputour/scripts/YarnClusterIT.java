package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.Main;
import dev.sparkcputour.support.ListeningSockets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single-node YARN on this machine (yarn-up.sh: Hadoop's MiniYARNCluster, its containers each
 * a JVM), with the workloads submitted through submit-yarn.sh in both deploy modes, their final
 * state read from the ResourceManager's REST API, and yarn-down.sh leaving no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnClusterIT {

    private static final Path SCRIPTS = Path.of("submit-scripts").toAbsolutePath();
    private static final Path YARN = Path.of("target/it-yarn").toAbsolutePath();
    private static final Path EVENTS = YARN.resolve("events");
    /**
     * One executor of one core with a 1g heap: on 2 cores every extra JVM costs seconds at start
     * (86 s for this class, against 102 s with two executors, at the same load).
     */
    private static final Map<String, String> ENV = Map.of("YARN_DIR", YARN.toString(), "EVENT_LOG_DIR", EVENTS.toString(),
            "NUM_EXECUTORS", "1", "EXECUTOR_CORES", "1", "EXECUTOR_MEMORY", "1g", "YARN_MEMORY_MB", "8192");
    private static final Pattern FINAL_STATE = Pattern.compile("submit-yarn: (application_\\d+_\\d+) (\\w+)/(\\w+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static long yarnPid;

    record Outcome(int exit, String out, String err, double seconds) {
    }

    /** The script {@code args[0]} with the rest of {@code args}, the local YARN's environment and {@code extraEnv}. */
    static Outcome script(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(args[0]).toString()));
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).directory(YARN.getParent().toFile());
        // the user's own cluster settings must not send the test elsewhere
        builder.environment().remove("HADOOP_CONF_DIR");
        builder.environment().remove("YARN_CONF_DIR");
        builder.environment().putAll(ENV);
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile("it", ".out");
        Path err = Files.createTempFile("it", ".err");
        long start = System.nanoTime();
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError(args[0] + " did not finish in 3 minutes: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err), (System.nanoTime() - start) / 1e9);
    }

    @BeforeAll
    static void yarnUp() throws Exception {
        Outcome up = script(Map.of(), "yarn-up.sh");
        assertEquals(0, up.exit(), up.err());
        yarnPid = Long.parseLong(Files.readString(YARN.resolve("yarn.pid")).strip());
        List<ListeningSockets.Socket> sockets = ListeningSockets.of(yarnPid);
        assertFalse(sockets.isEmpty(), "the local YARN listens on nothing?");
        assertTrue(sockets.stream().allMatch(ListeningSockets.Socket::isLoopback), "the local YARN listens beyond loopback: " + sockets);
    }

    @AfterAll
    static void yarnDown() throws Exception {
        List<Long> started = descendants(yarnPid);
        Outcome down = script(Map.of(), "yarn-down.sh");
        assertEquals(0, down.exit(), down.err());
        assertFalse(ProcessHandle.of(yarnPid).map(ProcessHandle::isAlive).orElse(false), "the local YARN still runs");
        for (long pid : started) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "container process " + pid + " still runs");
        }
        assertTrue(processesWorkingIn(YARN).isEmpty(), "containers left: " + processesWorkingIn(YARN));
        assertFalse(Files.exists(YARN.resolve("yarn.pid")), "the pid file is gone");
    }

    @Test
    @Order(0)
    void withoutAReachableResourceManagerASubmitFailsAtOnceInOneLine(@TempDir Path conf) throws Exception {
        Files.writeString(conf.resolve("yarn-site.xml"), "<configuration><property><name>yarn.resourcemanager.address</name>"
                + "<value>127.0.0.1:1</value></property></configuration>");
        for (String mode : List.of("client", "cluster")) {
            Outcome refused = script(Map.of("HADOOP_CONF_DIR", conf.toString(), "DEPLOY_MODE", mode), "submit-yarn.sh", "primes");
            assertEquals(1, refused.exit(), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().contains("cannot reach the ResourceManager at 127.0.0.1:1"), refused.err());
            assertTrue(refused.seconds() < 20, "took " + refused.seconds() + " s");
        }
        // no cluster configured and no local YARN up: a usage error
        Outcome none = script(Map.of("YARN_DIR", conf.toString()), "submit-yarn.sh", "primes");
        assertEquals(2, none.exit(), none.err());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().contains("yarn-up.sh"), none.err());
    }

    @Test
    @Order(1)
    void primesInClientModeGiveTheLocalAnswer() throws Exception {
        Path json = YARN.resolve("primes-" + System.nanoTime() + ".json");
        Outcome outcome = script(Map.of("DEPLOY_MODE", "client"), "submit-yarn.sh",
                "primes", "--n", "2000000", "--strategy", "spark", "--json", json.toString());
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().lines().anyMatch(l -> l.contains(" spark ") && l.endsWith("148,933")), outcome.out());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertEquals("yarn", result.at("/machine/master").asText());
        assertEquals("148933", result.at("/runs/0/answer").asText());
        assertSucceeded(outcome);
    }

    @Test
    @Order(2)
    void imageBroadcastInClusterModeGivesTheLocalAnswerThroughItsEventLog() throws Exception {
        String[] args = {"image", "--strategy", "spark-broadcast", "--size", "300", "--iterations", "2"};
        List<String> command = new ArrayList<>(List.of("submit-yarn.sh"));
        command.addAll(List.of(args));
        Outcome outcome = script(Map.of("DEPLOY_MODE", "cluster"), command.toArray(String[]::new));
        assertEquals(0, outcome.exit(), outcome.err());
        String app = assertSucceeded(outcome);

        // the driver ran in a container whose folder is gone with it; its event log is here
        Path log;
        try (var logs = Files.list(EVENTS)) {
            log = logs.filter(p -> p.getFileName().toString().contains(app)).findFirst()
                    .orElseThrow(() -> new AssertionError("no event log of " + app + " in " + EVENTS));
        }
        StringWriter table = new StringWriter();
        assertEquals(0, Main.commandLine().setOut(new PrintWriter(table)).setErr(new PrintWriter(new StringWriter()))
                .execute("report", "--event-log", log.toString(), "--out", YARN.resolve("report-" + System.nanoTime()).toString()));
        String local = localAnswer(args);
        assertTrue(table.toString().lines().anyMatch(l -> l.contains("spark-broadcast") && l.endsWith(local)),
                "cluster answer vs local " + local + ":\n" + table);
    }

    /** Spark's launchers, not ours, give the application masters and executors Java 17's flags: all of them. */
    @Test
    @Order(3)
    void everyContainerGotTheJava17Flags() throws Exception {
        List<String> flags = Files.readAllLines(Path.of("conf/java17-opens.args")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<Path> launches;
        try (var files = Files.walk(YARN.resolve("work"))) {
            launches = files.filter(p -> p.getFileName().toString().equals("launch_container.sh")).toList();
        }
        assertTrue(launches.size() >= 4, "two applications, each an application master and an executor: " + launches);
        for (Path launch : launches) {
            String script = Files.readString(launch);
            for (String flag : flags) {
                assertTrue(script.contains(flag), launch + " lacks " + flag);
            }
        }
    }

    /** The script's final-state line, and the ResourceManager's REST API, say FINISHED/SUCCEEDED; returns the application's id. */
    private static String assertSucceeded(Outcome outcome) throws Exception {
        Matcher m = FINAL_STATE.matcher(outcome.err());
        assertTrue(m.find(), "no final state line:\n" + outcome.err());
        assertEquals("FINISHED/SUCCEEDED", m.group(2) + "/" + m.group(3), outcome.err());
        Configuration conf = new Configuration(false);
        conf.addResource(new org.apache.hadoop.fs.Path(YARN.resolve("conf/yarn-site.xml").toUri()));
        URI uri = URI.create("http://" + conf.get("yarn.resourcemanager.webapp.address") + "/ws/v1/cluster/apps/" + m.group(1));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri.toString());
        JsonNode app = new ObjectMapper().readTree(response.body()).get("app");
        assertEquals("FINISHED", app.get("state").asText(), response.body());
        assertEquals("SUCCEEDED", app.get("finalStatus").asText(), response.body());
        return m.group(1);
    }

    /** The answer the serial strategy gives in this JVM, for the same image arguments. */
    private static String localAnswer(String[] args) {
        String[] local = args.clone();
        local[2] = "serial";
        StringWriter out = new StringWriter();
        assertEquals(0, Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter())).execute(local));
        String row = out.toString().lines().filter(l -> l.contains(" serial ")).findFirst().orElseThrow();
        return row.substring(row.lastIndexOf(' ') + 1);
    }

    /** The processes {@code pid} started, and theirs: the containers of a running YARN. */
    private static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(p -> p.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** Processes whose working folder is inside {@code folder}: containers the NodeManager launched. */
    private static List<Long> processesWorkingIn(Path folder) {
        List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                if (Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).startsWith(folder)) {
                    found.add(p.pid());
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // gone, or not ours to see
            }
        });
        return found;
    }
}
