package dev.sparkcputour.spark;

import java.util.regex.Pattern;

/** Checks a Spark master URL before a context is started, so a typo is a usage error, not a stack trace. */
public final class MasterUrl {

    private static final Pattern VALID = Pattern.compile(String.join("|",
            "local",
            "local\\[(\\*|[1-9][0-9]*)(\\s*,\\s*[1-9][0-9]*)?]",
            "local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*]",
            "spark://[^\\s:/,]+:[0-9]+(,[^\\s:/,]+:[0-9]+)*",
            "yarn",
            "k8s://\\S+"));

    /** What the error message offers instead. */
    public static final String ACCEPTED =
            "local, local[N], local[*], local[N,maxFailures], spark://HOST:PORT, yarn, k8s://URL";

    private MasterUrl() {
    }

    /** Whether Spark will parse {@code master}. */
    public static boolean isValid(String master) {
        return master != null && VALID.matcher(master).matches();
    }

    /** Whether the driver and executors share this JVM, so binding to loopback is safe. */
    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The task slots of a local master ({@code local} 1, {@code local[N]} N, {@code local[*]} the cores); empty otherwise. */
    public static java.util.OptionalInt localSlots(String master) {
        return dev.sparkcputour.results.Machine.localSlots(master, Runtime.getRuntime().availableProcessors());
    }

    /** Returns {@code master}, or throws with a one-line message naming the accepted forms. */
    public static String check(String master) {
        if (!isValid(master)) {
            throw new IllegalArgumentException(
                    "unparseable Spark master URL '" + master + "' (accepted: " + ACCEPTED + ")");
        }
        return master;
    }

    /**
     * Fails fast, in bounded time, when no master of a {@code spark://} URL accepts a connection:
     * Spark itself would retry registering for a minute and then leave the driver without executors.
     *
     * @throws IllegalStateException naming the master and why it cannot be reached
     */
    public static void checkReachable(String master, int timeoutMillis) {
        if (!master.startsWith("spark://")) {
            return;
        }
        String why = "";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1))), timeoutMillis);
                return;
            } catch (java.io.IOException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new IllegalStateException("cannot reach the Spark master " + master + " (" + why
                + "); is it running? submit-scripts/cluster-up.sh starts one on this machine");
    }
}
