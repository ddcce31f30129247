package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a user runs it: the script, the packaged jar and a real
 * spark-submit (or Spark's SparkSubmit on the jars Maven resolved), in a separate JVM.
 */
class RunLocalScriptIT {

    private static final Path SCRIPT = Path.of("submit-scripts/run-local.sh").toAbsolutePath();

    /** The JVM's own line for conf/java17-opens.args' --add-modules (Spark's launcher adds it too), not ours. */
    private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    record Outcome(int exit, String out, String err) {
    }

    static Outcome runScript(Path workDir, String... args) throws IOException, InterruptedException {
        return runScript(workDir, Map.of(), args);
    }

    static Outcome runScript(Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("run-local.sh did not finish in 8 minutes");
        }
        String errText = Files.readString(err).lines().filter(line -> !line.equals(INCUBATOR_NOTICE))
                .map(line -> line + "\n").collect(Collectors.joining());
        return new Outcome(process.exitValue(), Files.readString(out), errText);
    }

    @Test
    void countsTheTutorialsPrimesWithEveryStrategy(@TempDir Path dir) throws Exception {
        Outcome outcome = runScript(dir, "primes", "--n", "2000000", "--strategy", "all", "--json", "out.json");
        assertEquals(0, outcome.exit(), outcome.err());
        for (String strategy : List.of("serial", "threads", "spark")) {
            assertTrue(outcome.out().lines().anyMatch(l -> l.contains(" " + strategy + " ") && l.endsWith("148,933")),
                    strategy + " in\n" + outcome.out());
        }
        assertTrue(outcome.err().contains("UI: http://127.0.0.1:"), "UI on loopback:\n" + outcome.err());

        JsonNode root = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        assertEquals("local[*]", root.at("/machine/master").asText());
        assertEquals(3, root.get("runs").size());
        root.get("runs").forEach(run -> assertEquals("148933", run.get("answer").asText()));
        try (var logs = Files.list(dir.resolve("spark-events"))) {
            assertEquals(1, logs.count(), "one event log for the History Server");
        }
    }

    @Test
    void compareWritesItsFilesThroughTheScript(@TempDir Path dir) throws Exception {
        // one warm-up: --warmup auto, the default, is tested in CompareCommandTest; here its budgets
        // would cost 35 s of waiting for tiny rows to settle
        Outcome outcome = runScript(dir, "compare", "--n", "200000", "--size", "300", "--iterations", "2",
                "--warmup", "1", "--out", "kept");
        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().lines().anyMatch(l -> l.startsWith("primes: ")), outcome.out());
        assertTrue(outcome.out().lines().anyMatch(l -> l.startsWith("image: ")), outcome.out());
        for (String file : List.of("results.json", "results.csv", "primes.png", "image.png")) {
            assertTrue(Files.size(dir.resolve("kept").resolve(file)) > 0, file);
        }
        JsonNode root = new ObjectMapper().readTree(dir.resolve("kept/results.json").toFile());
        assertEquals(13, root.get("runs").size(), "3 trial and 3 sieve rows for the primes, 7 for the image");
        assertTrue(root.at("/machine/git_commit").asText().matches("[0-9a-f]{40}(-dirty)?"),
                "the jar knows its commit: " + root.at("/machine/git_commit"));
    }

    @Test
    void badInputThroughTheScriptIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Outcome outcome = runScript(dir, "primes", "--n", "-5");
        assertEquals(2, outcome.exit(), outcome.err());
        // the JDK may print its notice for the Vector API module (conf/java17-opens.args) first; no flag silences it
        assertEquals(List.of("spark-cpu-tour: Invalid value for option '--n': must be >= 0, got -5 (see 'spark-cpu-tour primes --help')"),
                outcome.err().lines().filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList());
        assertEquals("", outcome.out());
    }

    @Test
    void theJarNamesItsVersionAndCommit(@TempDir Path dir) throws Exception {
        Outcome outcome = runScript(dir, "--version");
        assertEquals(0, outcome.exit(), outcome.err());
        String version;
        try (JarFile jar = new JarFile("target/spark-cpu-tour.jar")) {
            version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertTrue(version != null && !version.isBlank(), "the manifest holds the version");
        assertTrue(outcome.out().strip().matches("spark-cpu-tour " + Pattern.quote(version)
                + " \\(commit [0-9a-f]{40}(-dirty)?\\), Spark 4\\..+"), outcome.out());
    }

    /** A plain build bundles the ND4J natives of the machine that built it, and no other platform's. */
    @Test
    void theJarBundlesThisMachinesNativesOnly() throws Exception {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "x86_64";
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String platform = (os.contains("mac") ? "macosx" : os.contains("windows") ? "windows" : "linux") + "-" + arch;
        Set<String> folders = new TreeSet<>();
        try (JarFile jar = new JarFile("target/spark-cpu-tour.jar")) {
            jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("org/bytedeco/") || name.startsWith("org/nd4j/"))
                    .filter(name -> name.matches(".*\\.(so(\\.\\d+)*|dylib|dll)"))
                    .forEach(name -> folders.add(name.substring(0, name.lastIndexOf('/'))));
        }
        assertTrue(folders.size() >= 3, "ND4J, OpenBLAS and JavaCPP natives: " + folders);
        assertTrue(folders.stream().allMatch(folder -> folder.endsWith("/" + platform)), platform + " only: " + folders);
    }

    /** DRIVER_MEMORY sizes the driver's heap whichever spark-submit runs it; the memory guard reports that heap. */
    @Test
    void driverMemorySizesTheDriversHeap(@TempDir Path dir) throws Exception {
        Outcome outcome = runScript(dir, Map.of("DRIVER_MEMORY", "700m"),
                "image", "--strategy", "spark-copy", "--size", "4000");
        assertEquals(2, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("but the heap is 0.7 GB"), outcome.err());
    }
}
