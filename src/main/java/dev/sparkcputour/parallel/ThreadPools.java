package dev.sparkcputour.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The thread strategies' pool: a fixed Java ExecutorService, created per run as the tutorial does. */
public final class ThreadPools {

    private ThreadPools() {
    }

    /** Runs {@code tasks} on {@code threads} daemon threads and returns their results in task order. */
    public static <T> List<T> invokeAll(int threads, String name, List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true); // never keeps the JVM alive after an interrupted run
            return thread;
        });
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
        } finally {
            pool.shutdownNow();
        }
    }
}
