package dev.sparkcputour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.registry.Workloads;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's arrows, read from the compiled classes by {@code jdeps -verbose:package
 * target/classes} (the README's command): no two packages import each other, however far round,
 * and the leaves (records, kernels) import none of ours.
 */
class PackageDependenciesTest {

    private static final String BASE = "dev.sparkcputour";
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.sparkcputour[\\w.]*)\\s+->\\s+(dev\\.sparkcputour[\\w.]*)\\s");

    /** Each of our packages, with the ones of ours it imports. */
    private static final Map<String, Set<String>> IMPORTS = new TreeMap<>();

    @BeforeAll
    static void readDependencies() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes), "compile first: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", classes.toString());
        assertEquals(0, exit, out.toString());
        for (String line : out.toString().lines().toList()) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                IMPORTS.computeIfAbsent(m.group(1), p -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertTrue(IMPORTS.containsKey(BASE + ".cli"), "jdeps said: " + out);
    }

    @Test
    void noPackageImportsOneThatImportsItBack() {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : IMPORTS.keySet()) {
            findCycle(start, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    @Test
    void onlyTheRegistryNamesAWorkload() {
        Set<String> workloads = Workloads.all().stream().map(w -> w.getClass().getPackageName())
                .collect(Collectors.toSet());
        IMPORTS.forEach((from, to) -> {
            if (!workloads.contains(from) && !from.equals(BASE + ".registry")) {
                Set<String> named = new TreeSet<>(to);
                named.retainAll(workloads);
                assertEquals(Set.of(), named, from + " imports a workload's package");
            }
        });
    }

    @Test
    void recordsAndKernelsAreLeaves() {
        assertEquals(Set.of(), IMPORTS.getOrDefault(BASE + ".results", Set.of()), "results imports none of ours");
        assertEquals(Set.of(), IMPORTS.getOrDefault(BASE + ".kernel", Set.of()), "kernels are pure");
    }

    private static void findCycle(String start, String at, List<String> path, List<List<String>> cycles) {
        for (String next : IMPORTS.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(List.copyOf(path));
            } else if (!path.contains(next) && next.compareTo(start) > 0) { // each cycle once, from its least package
                path.add(next);
                findCycle(start, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
