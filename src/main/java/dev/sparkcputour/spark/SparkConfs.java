package dev.sparkcputour.spark;

import dev.sparkcputour.config.Defaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkConf;

/**
 * Builds the conf a context starts with. The master comes from {@code --master}, else from
 * spark-submit ({@code spark.master}), else {@link Defaults#MASTER}; a local run binds to
 * loopback only, a cluster run takes the cluster's secret from a file.
 */
final class SparkConfs {

    /** The file holding the cluster's authentication secret, for drivers launched on a worker. */
    static final String SECRET_FILE = "spark.cputour.auth.file";

    private SparkConfs() {
    }

    /**
     * The conf of application {@code appName} on {@code master} (or the default one).
     *
     * @throws IllegalArgumentException if the master URL is not one Spark can parse
     */
    static SparkConf of(String appName, Optional<String> master) {
        String chosen = master.orElse(new SparkConf().get("spark.master", Defaults.MASTER));
        if (!MasterUrl.isLocal(MasterUrl.check(chosen))) {
            return withSecretFromFile(SerializerConf.withDefaults(
                    new SparkConf().setAppName(appName).set("spark.master", chosen)));
        }
        // a laptop run must not expose its driver, block manager or UI to the network it sits on
        SparkConf conf = new LoopbackSparkConf().setAppName(appName).set("spark.master", chosen)
                .setIfMissing("spark.driver.host", LoopbackSparkConf.LOOPBACK)
                .setIfMissing("spark.driver.bindAddress", LoopbackSparkConf.LOOPBACK)
                // tasks read the driver's own broadcast values: no piece is ever fetched, so checksumming them is waste
                .setIfMissing("spark.broadcast.checksum", "false");
        return SerializerConf.withDefaults(conf);
    }

    /**
     * A standalone cluster does not forward {@code spark.authenticate.secret} to a driver it
     * launches in cluster deploy mode, nor any setting whose name says "secret"; the submit
     * script names the secret's file ({@link #SECRET_FILE}, readable only by the user) and the
     * driver reads it.
     */
    static SparkConf withSecretFromFile(SparkConf conf) {
        if (conf.getBoolean("spark.authenticate", false) && !conf.contains("spark.authenticate.secret")
                && conf.contains(SECRET_FILE)) {
            try {
                conf.set("spark.authenticate.secret", Files.readString(Path.of(conf.get(SECRET_FILE))).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cluster's secret file", e);
            }
        }
        return conf;
    }
}
