package dev.sparkcputour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.support.Cli;
import dev.sparkcputour.support.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version} names the project's version and the commit the build came from. */
class VersionTest {

    @Test
    void namesThePomsVersionAndTheCommitBuilt() throws Exception {
        Outcome outcome = Cli.run("--version");
        assertEquals(0, outcome.exit(), outcome.err());
        Matcher line = Pattern.compile("spark-cpu-tour (\\S+) \\(commit ([0-9a-f]{40})(-dirty)?\\), Spark 4\\.\\d+\\.\\d+\\s*")
                .matcher(outcome.out());
        assertTrue(line.matches(), outcome.out());
        assertEquals(pomVersion(), line.group(1));
        assertEquals(head(), line.group(2), "the commit checked out when the build ran");
    }

    private static String pomVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>spark-cpu-tour</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "the pom's version");
        return version.group(1);
    }

    private static String head() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS));
        return new String(git.getInputStream().readAllBytes()).strip();
    }
}
