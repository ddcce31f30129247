package dev.sparkcputour.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkcputour.support.BlackHolePort;
import dev.sparkcputour.support.KubernetesApiMock;
import dev.sparkcputour.support.ListeningSockets;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * submit-k8s.sh through Spark's own SparkSubmit (the runtime assembled in target/spark-home)
 * against a Kubernetes API server on 127.0.0.1: fabric8's mock, with this test as the kubelet
 * that moves the driver pod to Running and then to its end. It proves the submission (what Spark
 * asks Kubernetes to run, and how the script reports the end), not a run in pods.
 */
class KubernetesSubmitIT {

    private static final Path SCRIPT = Path.of("submit-scripts/submit-k8s.sh").toAbsolutePath();
    private static final Path SPARK_HOME = Path.of("target/spark-home").toAbsolutePath();
    private static final String IMAGE = "REGISTRY/spark-cpu-tour:4.2.0";
    private static final String NAMESPACE = "tour";
    private static final List<String> APP_ARGS = List.of("primes", "--n", "2000000", "--strategy", "spark");

    /**
     * The Spark runtime the script runs on, assembled with Kubernetes support by the script
     * itself (a dry run prints the command it would run, and submits nothing).
     */
    @BeforeAll
    static void sparkRuntime(@TempDir Path dir) throws Exception {
        Process dryRun = start(dir, Map.of("MASTER", "k8s://https://HOST:6443"), "--dry-run", "primes");
        assertTrue(dryRun.waitFor(5, TimeUnit.MINUTES), "the dry run did not finish");
        assertEquals(0, dryRun.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        String command = Files.readString(dir.resolve("stdout.txt"));
        assertTrue(command.contains(" --master k8s://https://HOST:6443 --deploy-mode cluster "), command);
    }

    record Outcome(int exit, String err, Duration took) {

        String lastLine() {
            List<String> lines = err.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** The script, started with {@code env} over a Kubernetes-free environment. */
    private static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        // the user's own cluster is never asked: no kube config of theirs, no in-cluster settings, no proxy
        environment.keySet().removeIf(name -> name.startsWith("KUBERNETES_")
                || name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        // Spark's SparkSubmit on target/spark-home's jars, not a spark-submit of the user's on PATH
        environment.put("PATH", Stream.of(environment.getOrDefault("PATH", "").split(":"))
                .filter(folder -> !Files.isExecutable(Path.of(folder, "spark-submit"))).collect(Collectors.joining(":")));
        Path emptyConfig = dir.resolve("kubeconfig");
        Files.write(emptyConfig, new byte[0]);
        environment.put("KUBECONFIG", emptyConfig.toString());
        environment.put("SPARK_HOME", SPARK_HOME.toString());
        environment.put("IMAGE", IMAGE);
        environment.put("NAMESPACE", NAMESPACE);
        environment.put("SPARK_LOCAL_IP", "127.0.0.1"); // spark-submit's own address, unused in cluster mode
        environment.putAll(env);
        return builder.start();
    }

    private static Outcome await(Process process, Path dir, Instant started) throws Exception {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("submit-k8s.sh did not finish in 2 minutes:\n" + Files.readString(dir.resolve("stderr.txt")));
        }
        assertEquals("", Files.readString(dir.resolve("stdout.txt")), "stdout is for results; a submission has none");
        return new Outcome(process.exitValue(), Files.readString(dir.resolve("stderr.txt")),
                Duration.between(started, Instant.now()));
    }

    /** Runs the script to its end, playing the kubelet: the driver pod runs, then ends in {@code finalPhase}. */
    private static Outcome submit(KubernetesApiMock api, KubernetesClient client, Path dir, String finalPhase,
            Map<String, String> env) throws Exception {
        Instant started = Instant.now();
        Map<String, String> all = new HashMap<>(env);
        all.put("MASTER", api.master());
        Process process = start(dir, all, APP_ARGS.toArray(String[]::new));
        try {
            Pod driver = awaitDriver(client, process, dir);
            setStatus(client, driver, running(driver));
            setStatus(client, driver, ended(driver, finalPhase));
            return await(process, dir, started);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The driver pod, once Spark has also applied its config map (the last object it creates). */
    private static Pod awaitDriver(KubernetesClient client, Process process, Path dir) throws Exception {
        for (int i = 0; i < 1200 && process.isAlive(); i++) {
            List<Pod> pods = client.pods().inNamespace(NAMESPACE).withLabel("spark-role", "driver").list().getItems();
            if (!pods.isEmpty() && !client.configMaps().inNamespace(NAMESPACE).list().getItems().isEmpty()) {
                return pods.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no driver pod and config map:\n" + Files.readString(dir.resolve("stderr.txt")));
    }

    private static void setStatus(KubernetesClient client, Pod driver, PodStatus status) {
        client.pods().inNamespace(NAMESPACE).withName(driver.getMetadata().getName())
                .editStatus(pod -> {
                    pod.setStatus(status);
                    return pod;
                });
    }

    private static PodStatus running(Pod driver) {
        return new PodStatusBuilder(driver.getStatus()).withPhase("Running")
                .withContainerStatuses(new ContainerStatusBuilder().withName(container(driver).getName())
                        .withImage(IMAGE).withNewState().withNewRunning().withStartedAt(Instant.now().toString())
                        .endRunning().endState().build())
                .build();
    }

    private static PodStatus ended(Pod driver, String phase) {
        return new PodStatusBuilder(driver.getStatus()).withPhase(phase)
                .withContainerStatuses(new ContainerStatusBuilder().withName(container(driver).getName())
                        .withImage(IMAGE).withNewState().withNewTerminated()
                        .withExitCode(phase.equals("Succeeded") ? 0 : 1).endTerminated().endState().build())
                .build();
    }

    private static Container container(Pod pod) {
        assertEquals(1, pod.getSpec().getContainers().size(), "one container in the driver pod");
        return pod.getSpec().getContainers().get(0);
    }

    private static Properties sparkProperties(ConfigMap configMap) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(configMap.getData().get("spark.properties")));
        return properties;
    }

    @Test
    void submitsTheDriverPodWithTheToursSettingsAndReportsItsSuccess(@TempDir Path dir) throws Exception {
        try (KubernetesApiMock api = new KubernetesApiMock(); KubernetesClient client = api.client()) {
            assertTrue(ListeningSockets.of(ProcessHandle.current().pid()).stream()
                            .filter(socket -> socket.port() == api.port()).allMatch(ListeningSockets.Socket::isLoopback),
                    "the mock API server listens on 127.0.0.1 only");
            Outcome outcome = submit(api, client, dir, "Succeeded", Map.of("SERVICE_ACCOUNT", "tour-driver",
                    "DRIVER_MEMORY", "2g", "EXECUTOR_MEMORY", "3g", "EXECUTOR_CORES", "1", "NUM_EXECUTORS", "3"));

            Pod driver = client.pods().inNamespace(NAMESPACE).withLabel("spark-role", "driver").list().getItems().get(0);
            String name = driver.getMetadata().getName();
            assertEquals(0, outcome.exit(), outcome.err());
            assertEquals("submit-k8s: driver pod " + NAMESPACE + "/" + name + " Succeeded", outcome.lastLine(), outcome.err());
            assertTrue(outcome.took().toSeconds() < 60, "took " + outcome.took());

            Container container = container(driver);
            assertEquals(IMAGE, container.getImage());
            List<String> args = new ArrayList<>(List.of("driver", "--properties-file", "/opt/spark/conf/spark.properties",
                    "--class", "dev.sparkcputour.Main", "local:///opt/spark/jars/spark-cpu-tour.jar"));
            args.addAll(APP_ARGS);
            assertEquals(args, container.getArgs(), "the image's entry point starts this driver");
            // a 2g heap and Spark's overhead for a JVM driver, max(10%, 384 MiB): 2048 + 384 MiB
            assertEquals(new Quantity("2432Mi"), container.getResources().getRequests().get("memory"));
            assertEquals(new Quantity("2432Mi"), container.getResources().getLimits().get("memory"));
            assertEquals("tour-driver", driver.getSpec().getServiceAccountName());

            List<ConfigMap> configMaps = client.configMaps().inNamespace(NAMESPACE).list().getItems();
            assertEquals(1, configMaps.size(), "one config map: the driver's settings");
            ConfigMap configMap = configMaps.get(0);
            assertTrue(driver.getSpec().getVolumes().stream().anyMatch(v -> v.getConfigMap() != null
                    && v.getConfigMap().getName().equals(configMap.getMetadata().getName())), "the driver mounts it");
            assertTrue(configMap.getData().containsKey("log4j2.properties"), "conf/'s logging travels with it");
            Properties spark = sparkProperties(configMap);
            Map<String, String> expected = Map.of("spark.driver.memory", "2g",
                    "spark.executor.instances", "3", "spark.executor.cores", "1", "spark.executor.memory", "3g",
                    "spark.executor.memoryOverhead", "2g", "spark.kubernetes.container.image", IMAGE,
                    "spark.kubernetes.authenticate.driver.serviceAccountName", "tour-driver",
                    "spark.authenticate", "true");
            expected.forEach((key, value) -> assertEquals(value, spark.getProperty(key), key));
            assertTrue(spark.getProperty("spark.executor.extraJavaOptions").contains("-Dorg.bytedeco.javacpp.maxbytes=2g"),
                    "ND4J's off-heap cap for the executors, from conf/");

            // authentication on, and no secret in what was submitted: the driver generates it in its pod
            assertTrue(spark.stringPropertyNames().stream().noneMatch(key -> key.startsWith("spark.authenticate.secret")),
                    spark.stringPropertyNames().toString());
            assertTrue(container.getEnv().stream().noneMatch(env -> env.getName().contains("SECRET")), container.getEnv().toString());
            assertEquals(List.of(), client.secrets().inNamespace(NAMESPACE).list().getItems());

            // Spark applies its service and config map server-side; the mock turns that into create-or-update
            assertTrue(api.requests().stream().anyMatch(r -> r.matches("PATCH /api/v1/namespaces/tour/configmaps/.*fieldManager=.*")),
                    api.requests().toString());
            assertEquals(1, client.services().inNamespace(NAMESPACE).list().getItems().size(), "the driver's service");
            // Spark 4.2 fences the executors in: only this application's pods may connect to them
            String app = driver.getMetadata().getLabels().get("spark-app-selector");
            List<NetworkPolicy> policies = client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems();
            assertEquals(1, policies.size(), policies.toString());
            NetworkPolicySpec policy = policies.get(0).getSpec();
            assertEquals(Map.of("spark-role", "executor", "spark-app-selector", app), policy.getPodSelector().getMatchLabels());
            assertEquals(Map.of("spark-app-selector", app),
                    policy.getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels(), policy.toString());
        }
    }

    @Test
    void aDriverPodThatFailsIsReportedAsAFailure(@TempDir Path dir) throws Exception {
        try (KubernetesApiMock api = new KubernetesApiMock(); KubernetesClient client = api.client()) {
            Outcome outcome = submit(api, client, dir, "Failed", Map.of());
            String name = client.pods().inNamespace(NAMESPACE).list().getItems().get(0).getMetadata().getName();
            assertEquals(1, outcome.exit(), outcome.err());
            assertEquals("submit-k8s: driver pod " + NAMESPACE + "/" + name + " ended in phase Failed (its log: kubectl logs -n "
                    + NAMESPACE + " " + name + ")", outcome.lastLine(), outcome.err());
        }
    }

    /** Nothing listens (refused at once), or the port drops the connection request (as an unreachable host does). */
    @Test
    void anUnreachableApiServerFailsInSecondsWithOneLine(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (BlackHolePort blackHole = new BlackHolePort()) {
            for (int port : List.of(closed, blackHole.port())) {
                String master = "k8s://http://127.0.0.1:" + port;
                Instant started = Instant.now();
                Outcome outcome = await(start(dir, Map.of("MASTER", master), APP_ARGS.toArray(String[]::new)), dir, started);
                assertEquals(1, outcome.exit(), outcome.err());
                assertEquals(List.of("submit-k8s: cannot reach the Kubernetes API server at 127.0.0.1:" + port + " (" + master
                        + "): unknown host, connection refused or no answer in 5 s"), outcome.err().lines().toList());
                assertTrue(outcome.took().toSeconds() < 10, "took " + outcome.took());
            }
        }
    }

    @Test
    void badSettingsAreOneLineAndExitTwoBeforeAnything(@TempDir Path dir) throws Exception {
        Map<Map<String, String>, String> cases = Map.of(
                Map.of("MASTER", "spark://127.0.0.1:7077"), "MASTER must be k8s://https://HOST:PORT, got 'spark://127.0.0.1:7077'",
                Map.of("MASTER", "k8s://https://HOST:ten"), "MASTER must be k8s://https://HOST:PORT, got 'k8s://https://HOST:ten'",
                Map.of("MASTER", "k8s://http://127.0.0.1:1", "IMAGE", ""),
                "set IMAGE to an image with Spark and the application jar (see submit-scripts/Dockerfile)",
                Map.of("MASTER", "k8s://http://127.0.0.1:1", "NUM_EXECUTORS", "0"), "NUM_EXECUTORS must be a positive whole number, got '0'",
                Map.of("MASTER", "k8s://http://127.0.0.1:1", "EXECUTOR_MEMORY", "lots"),
                "EXECUTOR_MEMORY must be a size such as 512m or 2g, got 'lots'");
        for (Map.Entry<Map<String, String>, String> bad : cases.entrySet()) {
            Outcome outcome = await(start(dir, bad.getKey(), "primes"), dir, Instant.now());
            assertEquals(2, outcome.exit(), outcome.err());
            assertEquals(List.of("submit-k8s: " + bad.getValue()), outcome.err().lines().toList());
        }
    }

    /** Spark's Kubernetes support is in the runtime spark-submit runs on, never in the application jar. */
    @Test
    void kubernetesSupportIsInTheSparkRuntimeNotInTheApplicationJar() throws Exception {
        try (Stream<Path> jars = Files.list(SPARK_HOME.resolve("jars"))) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().startsWith("spark-kubernetes_2.13-")),
                    "spark-kubernetes in " + SPARK_HOME);
        }
        try (JarFile jar = new JarFile("target/spark-cpu-tour.jar")) {
            assertFalse(jar.stream().anyMatch(entry -> entry.getName().startsWith("org/apache/spark/")
                    || entry.getName().startsWith("io/fabric8/")), "Spark or fabric8 classes in the application jar");
        }
    }
}
