package dev.sparkcputour.report;

/** Where the results were measured: the JSON {@code machine} block. */
public record Machine(int cores, String java, String spark, String master) {

    /** This JVM, with the given Spark version and master. */
    public static Machine current(String sparkVersion, String master) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), sparkVersion, master);
    }
}
