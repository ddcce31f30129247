package dev.sparkcputour.report;

import dev.sparkcputour.results.RunResult;
import dev.sparkcputour.results.Report;
import dev.sparkcputour.results.Machine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * The machine-readable result, a contract other tools read: {@code machine} then {@code runs},
 * each run with {@code workload, strategy, params, seconds, median_s, min_s, answer}, its
 * {@code warmup} ({@code mode} fixed or auto, {@code runs}, and {@code settled}: null when fixed), the
 * workload's own counts (e.g. {@code inits}) and, for Spark strategies, {@code spark_metrics}
 * (both per timed run).
 * Jackson is Spark's own dependency, so it is always on the classpath next to Spark.
 */
public final class JsonFormat implements ResultFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void writeOut(Report report, Appendable out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        Machine machine = report.machine();
        ObjectNode machineNode = root.putObject("machine")
                .put("cores", machine.cores())
                .put("java", machine.java())
                .put("spark", machine.spark())
                .put("master", machine.master())
                .put("serializer", machine.serializer())
                .put("cpu", machine.cpu())
                .put("jvm", machine.jvm())
                .put("nd4j_backend", machine.nd4jBackend())
                .put("blas", machine.blas())
                .put("git_commit", machine.gitCommit());
        machine.sparkApp().ifPresent(app -> machineNode.put("spark_app_id", app));
        report.sparkStartupSeconds().ifPresent(s -> machineNode.put("spark_startup_s", s));
        ArrayNode runs = root.putArray("runs");
        for (RunResult run : report.runs()) {
            ObjectNode node = runs.addObject()
                    .put("workload", run.workload())
                    .put("strategy", run.strategy());
            ObjectNode params = node.putObject("params");
            for (Map.Entry<String, Object> param : run.params().entrySet()) {
                params.putPOJO(param.getKey(), param.getValue());
            }
            run.seconds().forEach(node.putArray("seconds")::add);
            node.put("median_s", run.medianSeconds())
                    .put("min_s", run.minSeconds())
                    .put("max_s", run.maxSeconds())
                    .put("stddev_s", run.stddevSeconds());
            run.warmupSeconds().forEach(node.putArray("warmup_s")::add);
            ObjectNode warmup = node.putObject("warmup")
                    .put("mode", run.warmup().mode())
                    .put("runs", run.warmupSeconds().size());
            run.warmup().settled().ifPresentOrElse(settled -> warmup.put("settled", settled),
                    () -> warmup.putNull("settled"));
            node.put("answer", run.answer());
            run.counts().forEach(node::put); // what the workload counted per timed run, e.g. inits
            run.sparkMetrics().ifPresent(m -> node.putObject("spark_metrics")
                    .put("tasks", m.tasks())
                    .put("failed_tasks", m.failedTasks())
                    .put("deserialize_s", m.deserializeSeconds())
                    .put("run_s", m.runSeconds())
                    .put("result_serialize_s", m.resultSerializeSeconds())
                    .put("gc_s", m.gcSeconds())
                    .put("result_bytes", m.resultBytes())
                    .put("broadcast_bytes", m.broadcastBytes())
                    .put("image_copies", m.imageCopies())
                    .set("job_ids", MAPPER.valueToTree(m.jobIds())));
        }
        out.append(MAPPER.writeValueAsString(root)).append(System.lineSeparator());
    }
}
