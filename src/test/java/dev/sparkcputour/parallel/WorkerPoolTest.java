package dev.sparkcputour.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void roundsShareThePoolsThreadsAndKeepTaskOrder() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = new WorkerPool(2, "test-worker")) {
            for (int round = 0; round < 5; round++) {
                int base = round * 100;
                List<Callable<Integer>> tasks = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () -> {
                    seen.add(Thread.currentThread());
                    Thread.sleep(8 - i); // later tasks finish first: the results still come back in task order
                    return base + i;
                }).toList();
                assertEquals(IntStream.range(0, 8).map(i -> base + i).boxed().toList(), pool.invokeAll(tasks));
            }
        }
        assertTrue(seen.size() <= 2, "five rounds ran on at most the pool's two threads, not " + seen.size());
        seen.forEach(t -> {
            assertEquals("test-worker", t.getName());
            assertTrue(t.isDaemon(), "never keeps the JVM alive");
        });
    }

    @Test
    void aFailedTaskFailsTheRoundWithItsCause() {
        IllegalArgumentException cause = new IllegalArgumentException("bad filter");
        try (WorkerPool pool = new WorkerPool(2, "test-worker")) {
            List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
                throw cause;
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.invokeAll(tasks));
            assertSame(cause, e.getCause());
            assertTrue(e.getMessage().startsWith("test-worker failed: "), e.getMessage());
            assertEquals(List.of(2), pool.invokeAll(List.of(() -> 2)), "the pool still runs the next round");
        }
    }

    @Test
    void closingStopsTheThreads() throws Exception {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = new WorkerPool(1, "test-worker")) {
            pool.invokeAll(List.of(() -> seen.add(Thread.currentThread())));
        }
        Thread worker = seen.iterator().next();
        worker.join(5_000);
        assertFalse(worker.isAlive(), "close shuts the pool down");
    }

    @Test
    void aPoolNeedsAThread() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, "test-worker"));
    }
}
