package io.feiyan.launcher.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Requests sent side by side on a few threads: what fails is gathered rather than thrown, so that one bad item does not
 * stop the rest, and is said at the next check.
 */
final class ParallelRequests {
    private final Collection<String> failures = new ConcurrentLinkedQueue<>();

    /** A request that failed, and why. */
    void failed(String why) {
        failures.add(why);
    }

    /** Throws, saying a few, when any request has failed so far. */
    void failIfAny() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " requests failed, e.g. "
                    + failures.stream().limit(3).collect(Collectors.joining("; ")));
        }
    }

    /** Each item's action on the pool's threads, a failure gathered rather than thrown. */
    <T> List<Future<?>> submitAll(ExecutorService pool, Collection<T> items, Consumer<T> action) {
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> {
                try {
                    action.accept(item);
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }));
        }
        return futures;
    }

    /** Until each of them is done. */
    void await(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
