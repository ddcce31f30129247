package dev.sparkcputour.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local event-log folder of a conf, if logging is on and the folder is local (hdfs:// and
 * friends are the cluster's business): created before the context starts (Spark refuses to
 * start without it), and the finished log given the user's default permissions after it stops.
 */
final class EventLogFolder {

    private static final Logger LOG = LoggerFactory.getLogger(EventLogFolder.class);

    private final Optional<Path> dir;

    EventLogFolder(SparkConf conf) {
        this.dir = localDirectory(conf);
    }

    /** Creates the folder if logging is on and it is missing. */
    void ensureExists() {
        if (dir.isPresent()) {
            try {
                Files.createDirectories(dir.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the event-log folder " + dir.get(), e);
            }
        }
    }

    /** Gives application {@code app}'s finished log the user's default permissions; a failure is only logged. */
    void finished(String app) {
        dir.ifPresent(folder -> {
            try {
                EventLogPermissions.applyUmask(folder, app);
            } catch (IOException e) {
                LOG.warn("cannot give the event log of {} the user's default permissions: {}", app, e.getMessage());
            }
        });
    }

    private static Optional<Path> localDirectory(SparkConf conf) {
        if (!conf.getBoolean("spark.eventLog.enabled", false)) {
            return Optional.empty();
        }
        String dir = conf.get("spark.eventLog.dir", "/tmp/spark-events");
        URI uri = URI.create(dir);
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() == null ? Path.of(dir) : Path.of(uri));
    }
}
