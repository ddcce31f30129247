package dev.sparkcputour.yarn;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A single-node YARN on 127.0.0.1 (Hadoop's MiniYARNCluster: one ResourceManager and one
 * NodeManager in this JVM, containers in their own), run by submit-scripts/yarn-up.sh as
 * {@code java -cp YARN_JARS LocalYarn.java CONF_DIR [KEY=VALUE...]}; it writes the clients'
 * yarn-site.xml into CONF_DIR once the ResourceManager listens, and stops on SIGTERM.
 * Not part of the application jar: Java runs this one file from source.
 */
public final class LocalYarn {

    private static final String LOOPBACK = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LocalYarn CONF_DIR [KEY=VALUE...]");
            System.exit(2);
        }
        MiniYARNCluster cluster;
        try {
            cluster = new MiniYARNCluster("local-yarn", 1, 1, 1);
            cluster.init(settings(args));
            cluster.start();
            writeClientConf(awaitAddresses(cluster.getConfig()), new File(args[0]));
        } catch (Exception | LinkageError e) {
            // one line for yarn-up.sh, and an exit: the services' threads would keep a half-started cluster alive
            System.err.println("LocalYarn: failed to start: " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM from yarn-down.sh: the NodeManager stops its containers before the JVM exits
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.stop();
            stopped.countDown();
        }));
        System.err.println("LocalYarn: ResourceManager at " + cluster.getConfig().get(YarnConfiguration.RM_ADDRESS)
                + ", web UI and REST API at http://" + cluster.getConfig().get(YarnConfiguration.RM_WEBAPP_ADDRESS));
        stopped.await();
    }

    /** The cluster's settings: every address on loopback, room for Spark's containers on one small machine. */
    private static Configuration settings(String[] args) {
        YarnConfiguration conf = new YarnConfiguration();
        // Fixed ports means "use the addresses given": port 0 on 127.0.0.1 for each. Without it
        // the mini cluster binds to the machine's host name, which may not be loopback.
        conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
        for (String key : new String[] {YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS, YarnConfiguration.NM_ADDRESS,
                YarnConfiguration.NM_LOCALIZER_ADDRESS, YarnConfiguration.NM_WEBAPP_ADDRESS}) {
            conf.set(key, LOOPBACK + ":0");
        }
        conf.set(YarnConfiguration.RM_HOSTNAME, LOOPBACK);
        conf.set(YarnConfiguration.NM_BIND_HOST, LOOPBACK);
        conf.set(YarnConfiguration.RM_BIND_HOST, LOOPBACK);
        // a nearly full disk would mark the only node unhealthy, and nothing would ever run
        conf.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "100");
        // the shaded jar ships no capacity-scheduler.xml: one queue, "default", with everything
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
        conf.set("yarn.scheduler.capacity.root.default.user-limit-factor", "1");
        conf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        conf.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
        // YARN's memory is a booking, not a reservation: executors book 2g heap + 2g overhead each
        // (conf/spark-defaults.conf) and the application master 1-2g, so two executors need 10g
        // (the mini cluster gives its NodeManagers this setting's value, 4g unless set)
        conf.set(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, "10240");
        conf.set(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, "10240");
        // ND4J's off-heap arrays and the JVM's reserved virtual memory are not YARN's business here
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // a stopping NodeManager waits this long (plus 1.25 s) for its containers to go: 5 s by default
        conf.set(YarnConfiguration.NM_PROCESS_KILL_WAIT_MS, "1000");
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("LocalYarn: not KEY=VALUE: " + args[i]);
                System.exit(2);
            }
            conf.set(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return conf;
    }

    /**
     * The started cluster's settings once the ResourceManager's real port is in them: start()
     * may return before it is (Spark's own YARN tests wait the same way).
     */
    private static Configuration awaitAddresses(Configuration conf) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (conf.get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ResourceManager got no port within 30 s");
            }
            Thread.sleep(100);
        }
        return conf;
    }

    /** Every setting of the running cluster, for clients: written aside, then renamed into place (the script waits for it). */
    private static void writeClientConf(Configuration conf, File dir) throws IOException {
        File staged = new File(dir, ".yarn-site.xml.part");
        try (OutputStream out = new FileOutputStream(staged)) {
            conf.writeXml(out);
        }
        Files.move(staged.toPath(), new File(dir, "yarn-site.xml").toPath(), StandardCopyOption.ATOMIC_MOVE);
    }
}
