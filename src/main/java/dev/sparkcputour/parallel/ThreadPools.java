package dev.sparkcputour.parallel;

import java.util.List;
import java.util.concurrent.Callable;

/** The thread strategies' pool for one round of tasks: a {@link WorkerPool} made for it and shut down after. */
public final class ThreadPools {

    private ThreadPools() {
    }

    /** Runs {@code tasks} on {@code threads} daemon threads and returns their results in task order. */
    public static <T> List<T> invokeAll(int threads, String name, List<Callable<T>> tasks) {
        try (WorkerPool pool = new WorkerPool(threads, name)) {
            return pool.invokeAll(tasks);
        }
    }
}
