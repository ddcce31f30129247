package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.scripts.RunLocalScriptIT.Outcome;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts' warm start (submit-scripts/warm-start.sh), on the JDK 17 that runs the build and,
 * where one is installed, on a JDK 25: made once by a training run, used by the next run, and a
 * corrupt or foreign archive costs a run nothing but one line on stderr.
 */
class WarmStartIT {

    private static final String[] PRIMES = {"primes", "--n", "100000", "--strategy", "spark"};
    private static final String MADE = "Making a warm start";
    private static final String REFUSED = "does not load";

    @Test
    void jdk17MakesUsesAndSurvivesACorruptArchive(@TempDir Path dir) throws Exception {
        Map<String, String> env = env(dir, Optional.empty());
        Path archive = madeThenUsed(dir, env, ".jsa", "-XX:SharedArchiveFile=");

        // bytes in the middle overwritten: mapping it would crash the JVM, the check refuses it first
        archive.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[64 * 1024]);
        }
        fallsBack(dir, env, archive);
    }

    @Test
    void jdk25MakesUsesAndSurvivesAForeignArchive(@TempDir Path dir) throws Exception {
        Optional<Path> jdk25 = jdk25();
        Assumptions.assumeTrue(jdk25.isPresent(),
                "skipped: no JDK 25 here (looked in /usr/lib/jvm and -Dtour.jdk25); the JDK 17 test still ran");
        Map<String, String> env = env(dir, jdk25);
        Path archive = madeThenUsed(dir, env, ".aot", "-XX:AOTCache=");

        // a valid archive, but JDK 17's own: made for another JVM
        Path foreign = Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa");
        Assumptions.assumeTrue(Files.isRegularFile(foreign), "skipped: this JDK 17 has no default CDS archive to borrow");
        archive.toFile().setWritable(true);
        Files.copy(foreign, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fallsBack(dir, env, archive);
    }

    @Test
    void offMeansNoArchiveAtAll(@TempDir Path dir) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env(dir, Optional.empty()));
        env.put("WARM_START", "off");
        Outcome dry = RunLocalScriptIT.runScript(dir, env, concat("--dry-run", PRIMES));
        assertEquals(0, dry.exit(), dry.err());
        assertFalse(dry.out().contains("-XX:SharedArchiveFile") || dry.out().contains("-XX:AOTCache"), dry.out());
        assertFalse(Files.exists(dir.resolve("warm")), "nothing made");
    }

    /** The first run trains and says so once, the second uses the archive silently; both count right. */
    private static Path madeThenUsed(Path dir, Map<String, String> env, String extension, String option) throws Exception {
        Outcome first = RunLocalScriptIT.runScript(dir, env, PRIMES);
        assertEquals(0, first.exit(), first.err());
        assertCounted(first);
        assertEquals(1, count(first.err(), MADE), first.err());
        List<Path> archives = archives(dir, extension);
        assertEquals(1, archives.size(), "one archive: " + archives);
        Path archive = archives.get(0);

        Outcome dry = RunLocalScriptIT.runScript(dir, env, concat("--dry-run", PRIMES));
        assertTrue(dry.out().contains(option + archive), "the run loads it:\n" + dry.out());
        java.util.regex.Matcher classPath = java.util.regex.Pattern.compile("-cp (\\S+)").matcher(dry.out());
        assertTrue(classPath.find() && classPath.group(1).split(":")[0].endsWith("/jars/\\*"),
                "the jars first, no folder before them:\n" + dry.out());

        Outcome second = RunLocalScriptIT.runScript(dir, env, PRIMES);
        assertEquals(0, second.exit(), second.err());
        assertCounted(second);
        assertFalse(second.err().contains(MADE) || second.err().contains("warm start:"), second.err());
        return archive;
    }

    /** A run with a bad archive still counts right, says so in one line, and leaves none behind. */
    private static void fallsBack(Path dir, Map<String, String> env, Path archive) throws Exception {
        Outcome run = RunLocalScriptIT.runScript(dir, env, PRIMES);
        assertEquals(0, run.exit(), run.err());
        assertCounted(run);
        assertEquals(1, count(run.err(), REFUSED), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("warm start: " + archive) && l.contains(REFUSED)), run.err());
        assertFalse(run.err().contains("SIGBUS") || run.err().contains("fatal error"), run.err());
        assertFalse(Files.exists(archive), "the bad archive is gone, so the next run makes a new one");
    }

    private static void assertCounted(Outcome outcome) {
        assertTrue(outcome.out().lines().anyMatch(l -> l.contains(" spark ") && l.endsWith("9,592")), outcome.out());
    }

    private static Map<String, String> env(Path dir, Optional<Path> javaHome) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("WARM_START", "on", "WARM_START_DIR", dir.resolve("warm").toString()));
        env.put("JAVA_HOME", javaHome.orElse(Path.of(System.getProperty("java.home"))).toString());
        return env;
    }

    private static List<Path> archives(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("warm"))) {
            return files.filter(f -> f.toString().endsWith(extension)).toList();
        }
    }

    private static Optional<Path> jdk25() throws IOException {
        String given = System.getProperty("tour.jdk25");
        if (given != null) {
            return Optional.of(Path.of(given));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> {
                try {
                    return Files.readString(home.resolve("release")).contains("JAVA_VERSION=\"25");
                } catch (IOException e) {
                    return false;
                }
            }).sorted().findFirst();
        }
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    private static String[] concat(String first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }
}
