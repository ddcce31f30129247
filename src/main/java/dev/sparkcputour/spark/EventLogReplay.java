package dev.sparkcputour.spark;

import dev.sparkcputour.results.SparkMetrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkcputour.results.Machine;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.WarmupOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.deploy.history.EventLogFileReader;
import org.apache.spark.deploy.history.EventLogFileReader$;
import org.apache.spark.deploy.history.EventLogFileWriter$;
import org.apache.spark.scheduler.ReplayListenerBus;
import org.apache.spark.scheduler.ReplayListenerBus$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rebuilds reports from Spark event logs alone: the runs come from the {@link RunRecorded}
 * events the harness posted, their Spark metrics from the task ends logged between one record
 * and the one before it (runs are sequential), exactly as the live listener sums them.
 * Spark's own reader opens single, rolling and compressed logs alike.
 */
public final class EventLogReplay {

    /** The event Spark writes first into every event log. */
    private static final String LOG_START = "SparkListenerLogStart";

    private EventLogReplay() {
    }

    /**
     * The reports in {@code path}: an application's event log (a file, or a rolling log's
     * folder), or a folder of them such as {@code ./spark-events}. Applications that recorded no
     * runs are skipped.
     */
    public static List<Report> read(Path path) throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        List<Report> reports = new ArrayList<>();
        Optional<EventLogFileReader> single = reader(fs, path);
        List<Path> logs = new ArrayList<>();
        if (single.isPresent() && !isFolderOfLogs(path)) {
            logs.add(path);
        } else {
            try (Stream<Path> children = Files.list(path)) {
                children.sorted().forEach(logs::add);
            }
        }
        for (Path log : logs) {
            Optional<EventLogFileReader> reader = reader(fs, log);
            if (reader.isPresent() && whyNotAnEventLog(fs, log).isEmpty()) { // a folder may hold other files too
                replay(fs, reader.get()).ifPresent(reports::add);
            }
        }
        return reports;
    }

    /**
     * Why {@code path}, given as one application's event log, is not one; empty if it is, or if
     * it is a folder of logs (whose other files {@link #read} skips). A log opens with Spark's
     * {@code SparkListenerLogStart} event once decompressed by the codec its name ends in.
     */
    public static Optional<String> whyNotAnEventLog(Path path) throws IOException {
        return isFolderOfLogs(path) ? Optional.empty() : whyNotAnEventLog(FileSystem.getLocal(new Configuration()), path);
    }

    private static Optional<String> whyNotAnEventLog(FileSystem fs, Path path) {
        List<FileStatus> files = List.of();
        try {
            Optional<EventLogFileReader> reader = reader(fs, path);
            if (reader.isPresent()) {
                files = CollectionConverters.asJava(reader.get().listEventLogFiles());
            }
        } catch (RuntimeException e) { // a rolling log's folder without event files
            files = List.of();
        }
        if (files.isEmpty()) {
            return Optional.of("no event files in it");
        }
        org.apache.hadoop.fs.Path first = files.get(0).getPath();
        String line;
        try (InputStream in = EventLogFileReader$.MODULE$.openEventLog(first, fs)) {
            line = firstLine(in);
        } catch (Exception e) { // Spark's own failures are unchecked: an unknown codec, a stream that does not decompress
            Optional<String> codec = Optional.ofNullable(EventLogFileWriter$.MODULE$.codecName(first).getOrElse(() -> null));
            return Optional.of(codec.map(c -> "Spark reads '." + c + "' as its compression codec and cannot decompress it with that")
                    .orElse("it cannot be read: " + e.getClass().getSimpleName()));
        }
        try {
            if (LOG_START.equals(new ObjectMapper().readTree(line).path("Event").asText())) {
                return Optional.empty();
            }
        } catch (IOException notJson) {
            // said below
        }
        return Optional.of("it does not begin with Spark's " + LOG_START + " event");
    }

    /** The first line, read no further than a log's first event needs: a large binary file is not read whole. */
    private static String firstLine(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4096);
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        return new String(head, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean isFolderOfLogs(Path path) {
        return Files.isDirectory(path) && !path.getFileName().toString().startsWith("eventlog_v2_");
    }

    private static Optional<EventLogFileReader> reader(FileSystem fs, Path path) {
        scala.Option<EventLogFileReader> reader = EventLogFileReader$.MODULE$.apply(fs,
                new org.apache.hadoop.fs.Path(path.toUri()));
        return reader.isDefined() ? Optional.of(reader.get()) : Optional.empty();
    }

    /** Replays one application's event log (a file, or a rolling log's folder) into {@code listener}. */
    public static void replay(Path log, SparkListener listener) throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        replay(fs, reader(fs, log).orElseThrow(() -> new IOException("not a Spark event log: " + log)), listener);
    }

    private static Optional<Report> replay(FileSystem fs, EventLogFileReader reader) {
        Collector collector = new Collector();
        replay(fs, reader, collector);
        return collector.report();
    }

    private static void replay(FileSystem fs, EventLogFileReader reader, SparkListener listener) {
        ReplayListenerBus bus = new ReplayListenerBus();
        bus.addListener(listener);
        for (FileStatus file : CollectionConverters.asJava(reader.listEventLogFiles())) {
            try (InputStream in = EventLogFileReader$.MODULE$.openEventLog(file.getPath(), fs)) {
                bus.replay(in, file.getPath().toString(), !reader.completed(), ReplayListenerBus$.MODULE$.SELECT_ALL_FILTER());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read event log " + file.getPath(), e);
            }
        }
    }

    /** Collects one application's records and the task metrics between them. */
    private static final class Collector extends SparkListener {
        private final TaskMetricsListener metrics = new TaskMetricsListener();
        private final Map<String, List<RunRecorded>> runs = new LinkedHashMap<>();
        private final Map<RunRecorded, SparkMetrics> runMetrics = new java.util.IdentityHashMap<>();
        private SparkMetrics lastMark = SparkMetrics.NONE;
        private RunRecorded.MachineRecorded machine;
        private String appId;

        @Override
        public void onApplicationStart(SparkListenerApplicationStart start) {
            appId = start.appId().isDefined() ? start.appId().get() : null;
        }

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            metrics.onJobStart(start);
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            metrics.onTaskEnd(end);
        }

        @Override
        public void onBlockUpdated(SparkListenerBlockUpdated updated) {
            metrics.onBlockUpdated(updated);
        }

        @Override
        public void onOtherEvent(SparkListenerEvent event) {
            if (event instanceof RunRecorded run) {
                SparkMetrics now = metrics.snapshot();
                runMetrics.put(run, now.minus(lastMark));
                lastMark = now;
                runs.computeIfAbsent(run.workload() + "\u0000" + run.strategy(), k -> new ArrayList<>()).add(run);
            } else if (event instanceof RunRecorded.MachineRecorded recorded) {
                machine = recorded;
            }
        }

        Optional<Report> report() {
            if (runs.isEmpty() || machine == null) {
                return Optional.empty();
            }
            List<RunResult> results = new ArrayList<>();
            for (List<RunRecorded> repetitions : runs.values()) {
                RunRecorded first = repetitions.get(0);
                List<Double> warmups = new ArrayList<>();
                List<Double> timed = new ArrayList<>();
                List<SparkMetrics> timedMetrics = new ArrayList<>();
                List<Map<String, Long>> timedCounts = new ArrayList<>();
                for (RunRecorded r : repetitions) {
                    if (r.phase().equals("warmup")) {
                        warmups.add(r.seconds());
                    } else {
                        timed.add(r.seconds());
                        timedMetrics.add(runMetrics.get(r));
                        timedCounts.add(r.counts());
                    }
                }
                WarmupOutcome warmup = repetitions.stream().filter(r -> !r.phase().equals("warmup")).findFirst()
                        .map(RunRecorded::warmup).orElse(WarmupOutcome.FIXED);
                results.add(new RunResult(first.workload(), first.strategy(), first.params(), warmups, timed,
                        first.answer(), first.usesSpark() ? Optional.of(SparkMetrics.mean(timedMetrics)) : Optional.empty(),
                        timedCounts, warmup));
            }
            Machine m = machine.machine(Optional.ofNullable(appId));
            return Optional.of(new Report(m, results, OptionalDouble.of(machine.sparkStartupSeconds()), Optional.empty()));
        }
    }
}
