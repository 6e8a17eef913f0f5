package io.feiyan.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Drives one HTTP endpoint: either a fixed number of requests a second (each timed from when it was due, so a
 * slow answer cannot hide the requests queued behind it), or as many as {@code clients} callers can make, each
 * sending its next request when the last is answered. Counts the answers the caller accepts as successes.
 */
final class HttpLoad {
    /** What the caller does with an answer: {@code true} when it is a success. */
    interface Answer {
        boolean accept(HttpResponse<String> response, long answeredAtNanos);
    }

    /** What a closed-loop caller waits for after an answer, before its next request (not timed). */
    interface Pace {
        void await(HttpResponse<String> response) throws InterruptedException;
    }

    /** Callers that send their next request as soon as the last is answered. */
    static final Pace AT_ONCE = response -> { };

    record Figures(Latencies latencies, double perSecond, long succeeded, long failed) {
        String failures() {
            return failed == 0 ? "" : String.format(" (%,d failed)", failed);
        }
    }

    private final HttpClient http;
    private final ExecutorService callers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = CpuUse.loadThread(runnable, "bench-http");
        thread.setDaemon(true);
        return thread;
    });

    HttpLoad() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callers)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code clients} callers, each sending its next request once its last is answered and {@code pace} allows. */
    Figures closedLoop(int clients, Duration warmUp, Duration window, Supplier<HttpRequest> next, Answer answer,
            Pace pace) throws InterruptedException {
        long start = System.nanoTime();
        long measuredFrom = start + warmUp.toNanos();
        long end = measuredFrom + window.toNanos();
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Thread thread = CpuUse.loadThread(() -> {
                long sent;
                try {
                    while ((sent = System.nanoTime()) < end) {
                        HttpResponse<String> response = send(next.get());
                        boolean ok = response != null && answer.accept(response, System.nanoTime());
                        long answered = System.nanoTime();
                        if (sent >= measuredFrom && answered <= end) {
                            count(ok, succeeded, failed);
                            latencies.add(answered - sent);
                        }
                        if (ok) {
                            pace.await(response);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + client);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Figures(latencies, succeeded.get() / seconds(window), succeeded.get(), failed.get());
    }

    /**
     * {@code perSecond} requests a second, evenly spaced, whatever the answers take: a request is timed from when
     * it was due, so one that had to wait for a free connection (no more than {@code connections} are open at
     * once, as a real client's pool) counts the wait.
     */
    Figures openLoop(int perSecond, int connections, Duration warmUp, Duration window, Supplier<HttpRequest> next,
            Answer answer) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long measuredFrom = start + warmUp.toNanos();
        long end = measuredFrom + window.toNanos();
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore free = new Semaphore(connections);
        for (long due = start; due < end; due += interval) {
            LockSupport.parkNanos(due - System.nanoTime());
            long dueAt = due;
            HttpRequest request = next.get();
            free.acquire();
            callers.execute(() -> {
                try {
                    boolean ok = call(request, answer);
                    if (dueAt >= measuredFrom) {
                        count(ok, succeeded, failed);
                        latencies.add(System.nanoTime() - dueAt);
                    }
                } finally {
                    free.release();
                }
            });
        }
        free.acquire(connections);
        return new Figures(latencies, succeeded.get() / seconds(window), succeeded.get(), failed.get());
    }

    private boolean call(HttpRequest request, Answer answer) {
        HttpResponse<String> response = send(request);
        return response != null && answer.accept(response, System.nanoTime());
    }

    /** The answer, or null when there was none (the connection failed). */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void count(boolean ok, AtomicLong succeeded, AtomicLong failed) {
        (ok ? succeeded : failed).incrementAndGet();
    }

    private static double seconds(Duration window) {
        return window.toNanos() / 1e9;
    }
}
