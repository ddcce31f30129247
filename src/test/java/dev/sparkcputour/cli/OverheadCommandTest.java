package dev.sparkcputour.cli;

import static dev.sparkcputour.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.spark.SerializerConf;
import dev.sparkcputour.support.Cli.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code overhead} on real local contexts: every measurement it promises, for both serializers, at the tutorial's sizes. */
class OverheadCommandTest {

    /** A label, then milliseconds with Java's serializer and with Kryo's. */
    private static final Pattern MEASURED = Pattern.compile("^(.+?)\\s{2,}(-?[0-9.]+)\\s+(-?[0-9.]+)$");

    @Test
    void measuresEmptyJobsAndTheImagesDataMovementWithBothSerializers() {
        Outcome outcome = run("overhead", "--jobs", "2", "--master", "local[2]");
        assertEquals(ExitCodes.OK, outcome.exit(), outcome.err());
        String out = outcome.out();
        Map<String, double[]> ms = new LinkedHashMap<>();
        out.lines().map(MEASURED::matcher).filter(Matcher::matches).forEach(m -> ms.put(m.group(1),
                new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))}));
        String broadcast = "broadcast of a 3000×3000 image (72.0 MB)";
        String results = "job of 10 tasks, each returning a 601×601 result (28.9 MB)";
        String floor = "spark-broadcast's floor per iteration (broadcast + results job)";
        List<String> positive = List.of("empty job, 1 task(s) (the cost per job)", "empty job, 10 task(s)",
                "empty job, 64 task(s)", broadcast, results,
                "job of 10 tasks, each with the 3000×3000 image in its data (720.0 MB; medians of 2)", floor);
        assertEquals(positive.size() + 1, ms.size(), out);
        assertTrue(ms.containsKey("per extra task (from the 64-task job)"), out);
        for (String label : positive) {
            assertTrue(ms.containsKey(label), label + " in\n" + out);
            for (double each : ms.get(label)) {
                assertTrue(each > 0, label + " in\n" + out);
            }
        }
        for (int column = 0; column < 2; column++) {
            assertEquals(ms.get(broadcast)[column] + ms.get(results)[column], ms.get(floor)[column], 0.01, out);
        }
        assertTrue(out.lines().anyMatch(line -> line.matches("\\(a warm-up context, then rounds kryo, java, java, kryo\\)"
                + "\\s+java\\s+kryo")), out);
        Matcher ratio = Pattern.compile("with kryo, the floor is ([0-9.]+) of java's; other commands use "
                + SerializerConf.shortName(SerializerConf.DEFAULT) + " here").matcher(out);
        assertTrue(ratio.find(), out);
        assertEquals(ms.get(floor)[1] / ms.get(floor)[0], Double.parseDouble(ratio.group(1)), 0.01);
        assertTrue(out.contains("wall ms on local[2] (2 cores): medians of 2 jobs"), out);
    }
}
