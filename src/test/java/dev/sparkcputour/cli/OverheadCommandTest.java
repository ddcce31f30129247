package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.support.Cli.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code overhead} on a real local context: every measurement it promises, at the tutorial's sizes. */
class OverheadCommandTest {

    private static final Pattern MEASURED = Pattern.compile("^(.+?):\\s+([0-9.]+) ms$");

    @Test
    void measuresEmptyJobsAndTheImagesDataMovement() {
        Outcome outcome = run("overhead", "--jobs", "2", "--master", "local[2]");
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        Map<String, Double> ms = new HashMap<>();
        outcome.out().lines().map(MEASURED::matcher).filter(Matcher::matches)
                .forEach(m -> ms.put(m.group(1), Double.parseDouble(m.group(2))));
        List<String> expected = List.of("empty job, 1 task(s)", "empty job, 10 task(s)", "empty job, 64 task(s)",
                "broadcast of a 3000×3000 image (72.0 MB)", "job of 10 tasks, each returning a 601×601 result (28.9 MB)");
        assertEquals(expected.size(), ms.size(), outcome.out());
        for (String label : expected) {
            assertTrue(ms.getOrDefault(label, 0.0) > 0, label + " in\n" + outcome.out());
        }
        Matcher floor = Pattern.compile("spark-broadcast costs ~ ([0-9.]+) ms before any arithmetic").matcher(outcome.out());
        assertTrue(floor.find(), outcome.out());
        assertEquals(ms.get(expected.get(3)) + ms.get(expected.get(4)), Double.parseDouble(floor.group(1)), 0.1);
        assertTrue(outcome.out().contains("on local[2] (2 cores); medians of 2"), outcome.out());
    }
}
