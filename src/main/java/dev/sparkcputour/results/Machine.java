package dev.sparkcputour.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the results were measured: the JSON {@code machine} block. The first four fields are
 * the contract other tools read; the rest fingerprint the run, so two result files can be told
 * apart (another serializer, another CPU, another JVM, another commit, another Spark application).
 * {@code serializer} is the class name of Spark's serializer for task data, results and broadcasts.
 */
public record Machine(int cores, String java, String spark, String master, String serializer, String cpu, String jvm,
                      String nd4jBackend, String blas, String gitCommit, Optional<String> sparkApp) {

    /** This JVM and machine, with the given Spark version, master, serializer, ND4J description and application id. */
    public static Machine current(String sparkVersion, String master, String serializer, Nd4jInfo nd4j,
            Optional<String> sparkApp) {
        return new Machine(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                sparkVersion, master, serializer, cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                nd4j.backend(), nd4j.blas(), BuildInfo.current().commit(), sparkApp);
    }

    /** The task slots its master gave Spark, if the master says ({@link #localSlots}); empty on a cluster. */
    public OptionalInt taskSlots() {
        return localSlots(master, cores);
    }

    /**
     * The task slots of a local master: {@code local} 1, {@code local[N]} N, {@code local[*]}
     * {@code cores}; empty for a cluster master, whose slots the URL does not say.
     */
    public static OptionalInt localSlots(String master, int cores) {
        if (master.equals("local")) {
            return OptionalInt.of(1);
        }
        Matcher m = Pattern.compile("local\\[(\\*|[0-9]+).*").matcher(master);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(m.group(1).equals("*") ? cores : Integer.parseInt(m.group(1)));
    }

    /** ND4J's backend and BLAS, or {@link #NOT_LOADED} when no workload needed ND4J (it takes seconds to load). */
    public record Nd4jInfo(String backend, String blas) {
        public static final Nd4jInfo NOT_LOADED = new Nd4jInfo("not loaded", "not loaded");

        /** The backend ND4J loaded and the BLAS library it calls. */
        public static Nd4jInfo describe() {
            return new Nd4jInfo(org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName(),
                    String.valueOf(org.nd4j.linalg.factory.Nd4j.factory().blas().getBlasVendor()));
        }
    }

    /** The CPU model from /proc/cpuinfo (Linux), else the OS architecture. */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | SecurityException e) {
            return System.getProperty("os.arch");
        }
    }
}
