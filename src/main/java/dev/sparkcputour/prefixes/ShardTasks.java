package dev.sparkcputour.prefixes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** What the prefix workload's Spark tasks share. */
final class ShardTasks {

    private ShardTasks() {
    }

    /**
     * {@code work} applied to every element now, not lazily as Spark's iterators would: so a
     * fault injected after this stage ({@code TaskFaults.inject} on its RDD) strikes after the
     * counting, the moment that tells state kept inside a task from state kept outside it.
     */
    static <T, R> Iterator<R> countedNow(Iterator<T> elements, Function<T, R> work) {
        List<R> done = new ArrayList<>();
        elements.forEachRemaining(e -> done.add(work.apply(e)));
        return done.iterator();
    }
}
