package dev.sparkcputour.cli;

import dev.sparkcputour.spark.SparkHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code --hold-ui}: keeps the application, and so its UI, alive until Enter or Ctrl-C. */
final class UiHold {

    private UiHold() {
    }

    static void hold(SparkHandle spark, PrintWriter err) throws IOException, InterruptedException {
        if (!spark.isStarted()) {
            err.println("--hold-ui: no Spark strategy ran, so there is no UI to keep");
            return;
        }
        err.println("Holding the Spark UI at " + spark.uiUrl().orElse("(UI disabled)")
                + "; press Enter or Ctrl-C to end.");
        err.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (in.readLine() == null) {
            // no terminal (stdin closed or /dev/null): hold until Ctrl-C ends the JVM
            Thread.currentThread().join();
        }
    }
}
