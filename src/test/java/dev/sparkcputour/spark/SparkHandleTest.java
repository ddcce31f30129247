package dev.sparkcputour.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkcputour.support.ListeningSockets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkHandleTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[*]", "local[4,3]", "local[*, 2]",
        "local-cluster[2,1,1024]", "spark://127.0.0.1:7077", "spark://127.0.0.1:1,127.0.0.2:2", "yarn", "k8s://https://127.0.0.1:6443"})
    void acceptsEveryMasterSparkParses(String master) {
        assertTrue(MasterUrl.isValid(master), master);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "foo", "local[0]", "local[-1]", "local[x]", "spark://", "spark://127.0.0.1",
        "mesos://h:5050", "LOCAL", "yarn-client"})
    void refusesWhatSparkWouldNot(String master) {
        assertFalse(MasterUrl.isValid(master), master);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkHandle.create("test", Optional.of(master), TaskFaults.NONE));
        assertTrue(e.getMessage().contains("accepted: local"), e.getMessage());
    }

    @Test
    void startsNothingUntilAsked() {
        try (SparkHandle spark = SparkHandle.create("test", Optional.of("local[1]"), TaskFaults.NONE)) {
            assertFalse(spark.isStarted());
            assertEquals(0.0, spark.startupSeconds());
            assertEquals(Optional.empty(), spark.uiUrl());
        }
    }

    /** Broadcast pieces are checksummed only where executors fetch them: on clusters, not in local mode. */
    @Test
    void broadcastChecksumsAreOffInLocalModeOnly() {
        try (SparkHandle local = SparkHandle.create("test", Optional.of("local[2]"), TaskFaults.NONE);
                SparkHandle cluster = SparkHandle.create("test", Optional.of("spark://127.0.0.1:7077"), TaskFaults.NONE)) {
            assertEquals("false", local.conf().get("spark.broadcast.checksum"));
            assertFalse(cluster.conf().contains("spark.broadcast.checksum"));
        }
    }

    /** A local run listens on loopback only: driver RPC, block manager and web UI. */
    @Test
    void aLocalRunListensOnLoopbackOnly() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net");
        try (SparkHandle spark = SparkHandle.create("test", Optional.of("local[1]"), TaskFaults.NONE)) {
            JavaSparkContext sc = spark.context();
            assertTrue(spark.startupSeconds() > 0);
            int ui = URI.create(spark.uiUrl().orElseThrow()).getPort();
            int driver = Integer.parseInt(sc.getConf().get("spark.driver.port"));
            int blockManager = sc.env().blockManager().blockManagerId().port();
            List<ListeningSockets.Socket> listening = ListeningSockets.of(ProcessHandle.current().pid());
            for (int port : List.of(ui, driver, blockManager)) {
                List<ListeningSockets.Socket> sockets = listening.stream().filter(s -> s.port() == port).toList();
                assertFalse(sockets.isEmpty(), "nothing listens on " + port);
                assertTrue(sockets.stream().allMatch(ListeningSockets.Socket::isLoopback), "port " + port + " listens on " + sockets);
            }
        }
    }
}
