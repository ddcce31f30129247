package dev.sparkcputour.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of daemon threads that several rounds of tasks share, as the tutorial keeps one
 * {@code Pool} for its ten image iterations. A pool made per round pays for starting its threads
 * every round, and on the project's VM the second thread often began 2 ms after the first.
 */
public final class WorkerPool implements AutoCloseable {

    private final String name;
    private final int threads;
    private final ExecutorService pool;

    public WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread, not " + threads);
        }
        this.name = name;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true); // never keeps the JVM alive after an interrupted run
            return thread;
        });
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code tasks} on the pool and returns their results in task order. */
    public <T> List<T> invokeAll(List<Callable<T>> tasks) {
        try {
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
